/// A radix tree over label keys in flat arrays, built from sorted keys in one pass.
///
/// An edge carries a run of key units (a chain of single children collapsed into one), stored as
/// a range of `keyUnits`, the keys themselves. A node's edges sit side by side in `edges`, sorted
/// by their first unit; the root's edges are also in a direct table, since every walk starts there.
/// A lexicon of a million labels makes about two nodes per label instead of one per key unit.
/// - Complexity: building is O(n log n) comparisons to sort the keys and O(total key length)
///   after; choosing an edge is O(1) at the root and O(log k) in a node's edge count elsewhere.
public struct LabelTrie: Sendable {
    /// A node's fields side by side, so a step touches one cache line for the node (the big
    /// lexicons' tries do not fit in cache).
    struct Node {
        var childStart: Int32 = 0
        var childCount: Int32 = 0
        var terminalStart: Int32 = 0
        var terminalCount: Int32 = 0
    }

    /// The key units `keyUnits[keyPosition..<keyPosition + length]` lead to `target`.
    struct Edge {
        var unit: UInt16
        var keyPosition: Int32
        var length: Int32
        var target: Int32
    }

    /// An edge as the matcher reads it: its units, and its target node's edges and payloads, so
    /// that a step never touches the node (a cache miss saved per step on big lexicons).
    struct Step {
        var unit: UInt16
        /// The edge's second unit (when it has one): most walks that fail inside an edge fail
        /// there, and this way they do not reach into `keyUnits`.
        var second: UInt16
        var length: UInt16
        var keyPosition: Int32
        var childStart: Int32
        var childCount: Int32
        var terminalStart: Int32
        var terminalCount: Int32
    }

    private var nodes: [Node] = []
    /// Every edge, each node's side by side: what walks use.
    private(set) var steps: [Step] = []
    /// Each edge's first unit, apart: a node's edges are searched by these, two bytes each, and
    /// only the one taken is read whole (a search through `steps` read 28 bytes an edge, and the
    /// walk waited on memory more than it computed).
    private(set) var stepUnits: [UInt16] = []
    /// Edge index of the root's edge for each first unit, or -1.
    private(set) var rootEdges = [Int32](repeating: -1, count: 0x1_0000)
    /// The keys the edges point into.
    let keyUnits: [UInt16]
    /// Payloads of the keys, grouped by node.
    private(set) var terminals: [Int32] = []

    static let root: Int32 = 0

    /// - Parameters:
    ///   - units: every key, one after another; key k is `units[starts[k]..<starts[k + 1]]`.
    ///   - payloads: the payload of each key. Equal keys share a node and keep every payload.
    public init(units: [UInt16], starts: [Int32], payloads: [Int32]) {
        keyUnits = units
        let (order, heads) = LabelTrie.sortedKeys(units: units, starts: starts, count: payloads.count)
        nodes.reserveCapacity(payloads.count * 2 + 1)
        steps.reserveCapacity(payloads.count * 2)
        _ = newNode()

        // The path of the last key: each frame is a node, its depth (key units from the root) and
        // where its children start in `pending`.
        var stack: [(node: Int32, depth: Int, pendingStart: Int)] = [(LabelTrie.root, 0, 0)]
        var pending: [Edge] = []
        var previous = -1
        var index = 0
        while index < order.count {
            let key = order[index]
            let keyStart = Int(starts[key]), keyLength = Int(starts[key + 1]) - keyStart
            var common = 0
            if previous >= 0 {
                // The first four units are in the packed heads: no trip to the keys (which the
                // sorted order visits out of memory order) unless those all agree.
                let previousStart = Int(starts[previous]), previousLength = Int(starts[previous + 1]) - previousStart
                let difference = heads[index] ^ heads[index - 1]
                common = min(difference == 0 ? 4 : difference.leadingZeroBitCount / 16, keyLength, previousLength)
                if common == 4 {
                    while common < min(keyLength, previousLength)
                        && units[keyStart + common] == units[previousStart + common] {
                        common += 1
                    }
                }
            }
            // Close the nodes deeper than the shared prefix.
            var popped = false
            while stack[stack.count - 1].depth > common {
                close(stack.removeLast(), pending: &pending)
                popped = true
            }
            // The shared prefix ends inside the edge to the node just closed: split that edge.
            let top = stack[stack.count - 1]
            if top.depth < common && popped {
                let last = pending.count - 1
                let edge = pending[last]
                let head = Int32(common - top.depth)
                let middle = newNode()
                pending[last] = Edge(unit: edge.unit, keyPosition: edge.keyPosition, length: head, target: middle)
                stack.append((middle, common, pending.count))
                pending.append(Edge(unit: units[Int(edge.keyPosition + head)], keyPosition: edge.keyPosition + head,
                                    length: edge.length - head, target: edge.target))
            }
            if keyLength > common {
                let leaf = newNode()
                pending.append(Edge(unit: units[keyStart + common], keyPosition: Int32(keyStart + common),
                                    length: Int32(keyLength - common), target: leaf))
                stack.append((leaf, keyLength, pending.count))
            }
            let node = Int(stack[stack.count - 1].node)
            let groupStart = index
            nodes[node].terminalStart = Int32(terminals.count)
            while index < order.count && heads[index] == heads[groupStart]
                && LabelTrie.equal(order[index], key, units: units, starts: starts) {
                terminals.append(payloads[order[index]])
                index += 1
            }
            nodes[node].terminalCount = Int32(terminals.count) - nodes[node].terminalStart
            previous = key
        }
        while let frame = stack.popLast() { close(frame, pending: &pending) }
        for step in Int(nodes[0].childStart)..<Int(nodes[0].childStart + nodes[0].childCount) {
            rootEdges[Int(steps[step].unit)] = Int32(step)
        }
        stepUnits = steps.map(\.unit)
        // The matcher walks `steps` only.
        nodes = []
    }

    /// A trie as `steps`, `terminals` and `rootEdges` of a built one describe it (a compiled
    /// model's archive), checked so that no walk can index outside its arrays.
    init?(keyUnits: [UInt16], steps: [Step], terminals: [Int32], rootEdges: [Int32], payloadCount: Int) {
        guard rootEdges.count == 0x1_0000 else { return nil }
        for step in steps {
            guard step.keyPosition >= 0, step.length >= 1, Int(step.keyPosition) + Int(step.length) <= keyUnits.count,
                  step.childStart >= 0, step.childCount >= 0,
                  Int(step.childStart) + Int(step.childCount) <= steps.count,
                  step.terminalStart >= 0, step.terminalCount >= 0,
                  Int(step.terminalStart) + Int(step.terminalCount) <= terminals.count,
                  step.unit == keyUnits[Int(step.keyPosition)],
                  step.second == (step.length > 1 ? keyUnits[Int(step.keyPosition) + 1] : 0) else { return nil }
        }
        guard terminals.allSatisfy({ $0 >= 0 && Int($0) < payloadCount }),
              rootEdges.allSatisfy({ $0 >= -1 && Int($0) < steps.count }) else { return nil }
        self.keyUnits = keyUnits
        self.steps = steps
        self.terminals = terminals
        self.rootEdges = rootEdges
        stepUnits = steps.map(\.unit)
    }

    /// Key indices in key order (UTF-16 units, a prefix first), equal keys in input order.
    /// - Returns: the key indices in order, and the packed first four units of each (in that order).
    private static func sortedKeys(units: [UInt16], starts: [Int32], count: Int) -> (order: [Int], heads: [UInt64]) {
        // Sort on the first four units packed in one integer; only runs of equal heads need the
        // full comparison, and most keys differ early.
        func head(_ key: Int) -> UInt64 {
            var head: UInt64 = 0
            let start = Int(starts[key]), end = Int(starts[key + 1])
            for position in 0..<4 {
                head <<= 16
                if start + position < end { head |= UInt64(units[start + position]) }
            }
            return head
        }
        // Sorted by head, stably (`RadixSort`, 16 bits a pass): equal heads keep key order.
        var heads = (0..<count).map(head)
        var order = Array(0..<count)
        RadixSort.sort(&heads, carrying: &order, lowestBit: 0, digitBits: 16, passes: 4)
        /// Whether key a sorts before key b, past their equal heads.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            var i = Int(starts[a]) + 4, j = Int(starts[b]) + 4
            let endA = Int(starts[a + 1]), endB = Int(starts[b + 1])
            while i < endA && j < endB {
                if units[i] != units[j] { return units[i] < units[j] }
                i += 1
                j += 1
            }
            return endA - Int(starts[a]) < endB - Int(starts[b])
        }
        var runStart = 0
        while runStart < count {
            var runEnd = runStart + 1
            while runEnd < count && heads[runEnd] == heads[runStart] { runEnd += 1 }
            if runEnd - runStart > 1 {
                order[runStart..<runEnd].sort { precedes($0, $1) || (!precedes($1, $0) && $0 < $1) }
            }
            runStart = runEnd
        }
        return (order, heads)
    }

    private static func equal(_ a: Int, _ b: Int, units: [UInt16], starts: [Int32]) -> Bool {
        units[Int(starts[a])..<Int(starts[a + 1])].elementsEqual(units[Int(starts[b])..<Int(starts[b + 1])])
    }

    private mutating func newNode() -> Int32 {
        nodes.append(Node())
        return Int32(nodes.count - 1)
    }

    /// Moves a finished node's edges from `pending` into `steps`, side by side. Its children are
    /// all finished already (they are deeper), so each step can carry its target's edges and
    /// payloads.
    private mutating func close(_ frame: (node: Int32, depth: Int, pendingStart: Int), pending: inout [Edge]) {
        let count = pending.count - frame.pendingStart
        nodes[Int(frame.node)].childStart = Int32(steps.count)
        nodes[Int(frame.node)].childCount = Int32(count)
        for edge in pending[frame.pendingStart...] {
            let target = nodes[Int(edge.target)]
            let second = edge.length > 1 ? keyUnits[Int(edge.keyPosition) + 1] : 0
            steps.append(Step(unit: edge.unit, second: second, length: UInt16(clamping: edge.length),
                              keyPosition: edge.keyPosition,
                              childStart: target.childStart, childCount: target.childCount,
                              terminalStart: target.terminalStart, terminalCount: target.terminalCount))
        }
        pending.removeLast(count)
    }

    /// The payloads of keys ending after `step`.
    @inline(__always)
    func payloads(after step: Step) -> ArraySlice<Int32> {
        terminals[Int(step.terminalStart)..<Int(step.terminalStart + step.terminalCount)]
    }
}
