/// A trie over label keys in flat arrays, built from sorted keys in one pass.
///
/// Each node's children sit side by side in `edges`, sorted by unit; the root's
/// children are also in a direct table, since every walk starts there.
/// - Complexity: building is O(total key length × log n) for the sort; a step is O(log k) in the
///   node's child count, O(1) at the root.
public struct LabelTrie: Sendable {
    /// A node's fields side by side, so a step touches one cache line for the node (the big
    /// lexicons' tries do not fit in cache).
    private struct Node {
        var childStart: Int32 = 0
        var childCount: Int32 = 0
        var terminalStart: Int32 = 0
        var terminalCount: Int32 = 0
    }

    private struct Edge {
        var unit: UInt16
        var target: Int32
    }

    private var nodes: [Node] = []
    private var edges: [Edge] = []
    private var rootChildren = [Int32](repeating: -1, count: 0x1_0000)
    /// Payloads of the keys, grouped by node.
    private(set) var terminals: [Int32] = []

    public static let root: Int32 = 0

    /// - Parameters:
    ///   - units: every key, one after another; key k is `units[starts[k]..<starts[k + 1]]`.
    ///   - payloads: the payload of each key. Equal keys share a node and keep every payload.
    public init(units: [UInt16], starts: [Int32], payloads: [Int32]) {
        let keyCount = payloads.count
        // Sort by the first four units packed in one integer, and compare the rest only on a tie:
        // most keys differ early, so most comparisons are one integer comparison.
        var heads = [UInt64](repeating: 0, count: keyCount)
        for key in 0..<keyCount {
            var head: UInt64 = 0
            let start = Int(starts[key]), end = Int(starts[key + 1])
            for position in 0..<4 {
                head <<= 16
                if start + position < end { head |= UInt64(units[start + position]) }
            }
            heads[key] = head
        }
        /// Whether key a sorts before key b (UTF-16 unit order, a prefix first).
        func precedes(_ a: Int, _ b: Int) -> Bool {
            if heads[a] != heads[b] { return heads[a] < heads[b] }
            var i = Int(starts[a]) + 4, j = Int(starts[b]) + 4
            let endA = Int(starts[a + 1]), endB = Int(starts[b + 1])
            while i < endA && j < endB {
                if units[i] != units[j] { return units[i] < units[j] }
                i += 1
                j += 1
            }
            return endA - Int(starts[a]) < endB - Int(starts[b])
        }
        func equal(_ a: Int, _ b: Int) -> Bool {
            heads[a] == heads[b] && units[Int(starts[a])..<Int(starts[a + 1])].elementsEqual(units[Int(starts[b])..<Int(starts[b + 1])])
        }
        // Sorted, equal keys in input order: nodes are then made in one pass, depth first. The
        // sort runs on (head, index) values; only runs of equal heads need the full comparison.
        var pairs = (0..<keyCount).map { (head: heads[$0], key: Int32($0)) }
        pairs.sort { $0.head != $1.head ? $0.head < $1.head : $0.key < $1.key }
        var order = pairs.map { Int($0.key) }
        pairs = []
        var runStart = 0
        while runStart < keyCount {
            var runEnd = runStart + 1
            while runEnd < keyCount && heads[order[runEnd]] == heads[order[runStart]] { runEnd += 1 }
            if runEnd - runStart > 1 { order[runStart..<runEnd].sort { precedes($0, $1) || (!precedes($1, $0) && $0 < $1) } }
            runStart = runEnd
        }
        let span = units.span

        // A node per key unit at most.
        nodes.reserveCapacity(units.count + 1)
        edges.reserveCapacity(units.count)
        _ = newNode()
        // The path from the root to the last key's node; each frame's children collect in `pending`.
        var stack: [(node: Int32, pendingStart: Int)] = [(LabelTrie.root, 0)]
        var pending = PendingEdges()
        var previous = -1
        var index = 0
        while index < order.count {
            let key = order[index]
            let keyStart = Int(starts[key]), keyEnd = Int(starts[key + 1])
            var common = 0
            if previous >= 0 {
                let previousStart = Int(starts[previous]), previousLength = Int(starts[previous + 1]) - previousStart
                while common < min(keyEnd - keyStart, previousLength) && span[keyStart + common] == span[previousStart + common] {
                    common += 1
                }
            }
            while stack.count - 1 > common { close(stack.removeLast(), pending: &pending) }
            for position in (keyStart + common)..<keyEnd {
                let child = newNode()
                pending.units.append(span[position])
                pending.targets.append(child)
                stack.append((child, pending.units.count))
            }
            let node = Int(stack[stack.count - 1].node)
            nodes[node].terminalStart = Int32(terminals.count)
            while index < order.count && equal(order[index], key) {
                terminals.append(payloads[order[index]])
                index += 1
            }
            nodes[node].terminalCount = Int32(terminals.count) - nodes[node].terminalStart
            previous = key
        }
        while let frame = stack.popLast() { close(frame, pending: &pending) }
        for edge in edges[Int(nodes[0].childStart)..<Int(nodes[0].childStart + nodes[0].childCount)] {
            rootChildren[Int(edge.unit)] = edge.target
        }
    }

    private mutating func newNode() -> Int32 {
        nodes.append(Node())
        return Int32(nodes.count - 1)
    }

    /// Children collected for the nodes on the path being built, deepest last.
    private struct PendingEdges {
        var units: [UInt16] = []
        var targets: [Int32] = []
    }

    /// Moves a finished node's children from `pending` into the edge arrays, side by side.
    private mutating func close(_ frame: (node: Int32, pendingStart: Int), pending: inout PendingEdges) {
        let count = pending.units.count - frame.pendingStart
        nodes[Int(frame.node)].childStart = Int32(edges.count)
        nodes[Int(frame.node)].childCount = Int32(count)
        for index in frame.pendingStart..<pending.units.count {
            edges.append(Edge(unit: pending.units[index], target: pending.targets[index]))
        }
        pending.units.removeLast(count)
        pending.targets.removeLast(count)
    }

    public var nodeCount: Int { nodes.count }

    /// The child of `node` along `unit`, or nil.
    @inline(__always)
    public func child(of node: Int32, _ unit: UInt16) -> Int32? {
        if node == LabelTrie.root {
            let child = rootChildren[Int(unit)]
            return child < 0 ? nil : child
        }
        let info = nodes[Int(node)]
        var low = Int(info.childStart)
        var high = low + Int(info.childCount)
        // Few children (the usual case below the root): a scan beats a binary search's branches.
        if high - low <= 8 {
            for edge in low..<high where edges[edge].unit == unit { return edges[edge].target }
            return nil
        }
        while low < high {
            let middle = (low + high) / 2
            let edge = edges[middle]
            if edge.unit == unit { return edge.target }
            if edge.unit < unit { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The payloads of keys ending at `node`.
    @inline(__always)
    public func payloads(at node: Int32) -> ArraySlice<Int32> {
        let info = nodes[Int(node)]
        return terminals[Int(info.terminalStart)..<Int(info.terminalStart + info.terminalCount)]
    }

    @inline(__always)
    public func isTerminal(_ node: Int32) -> Bool { nodes[Int(node)].terminalCount > 0 }
}
