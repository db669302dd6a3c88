/// A trie over label keys in flat arrays, built from sorted keys in one pass.
///
/// Each node's children sit side by side in `edgeUnits`/`edgeTargets`, sorted by unit; the root's
/// children are also in a direct table, since every walk starts there.
/// - Complexity: building is O(total key length × log n) for the sort; a step is O(log k) in the
///   node's child count, O(1) at the root.
public struct LabelTrie: Sendable {
    private var childStart: [Int32] = []
    private var childCount: [Int32] = []
    private var terminalStart: [Int32] = []
    private var terminalCount: [Int32] = []
    private var edgeUnits: [UInt16] = []
    private var edgeTargets: [Int32] = []
    private var rootChildren = [Int32](repeating: -1, count: 0x1_0000)
    /// Payloads of the keys, grouped by node.
    private(set) var terminals: [Int32] = []

    public static let root: Int32 = 0

    /// - Parameter keys: (key, payload) pairs; equal keys share a node and keep every payload.
    public init(keys: [([UInt16], Int32)]) {
        let order = keys.indices.sorted { a, b in
            keys[a].0.lexicographicallyPrecedes(keys[b].0) || (keys[a].0 == keys[b].0 && a < b)
        }
        _ = newNode()
        // The path from the root to the last key's node; each frame's children collect in `pending`.
        var stack: [(node: Int32, pendingStart: Int)] = [(LabelTrie.root, 0)]
        var pending: [(UInt16, Int32)] = []
        var previous: [UInt16] = []
        var index = 0
        while index < order.count {
            let key = keys[order[index]].0
            var common = 0
            while common < min(key.count, previous.count) && key[common] == previous[common] { common += 1 }
            while stack.count - 1 > common { close(stack.removeLast(), pending: &pending) }
            for unit in key[common...] {
                let child = newNode()
                pending.append((unit, child))
                stack.append((child, pending.count))
            }
            let node = stack[stack.count - 1].node
            terminalStart[Int(node)] = Int32(terminals.count)
            while index < order.count && keys[order[index]].0 == key {
                terminals.append(keys[order[index]].1)
                index += 1
            }
            terminalCount[Int(node)] = Int32(terminals.count) - terminalStart[Int(node)]
            previous = key
        }
        while let frame = stack.popLast() { close(frame, pending: &pending) }
        for edge in Int(childStart[0])..<Int(childStart[0] + childCount[0]) {
            rootChildren[Int(edgeUnits[edge])] = edgeTargets[edge]
        }
    }

    private mutating func newNode() -> Int32 {
        childStart.append(0)
        childCount.append(0)
        terminalStart.append(0)
        terminalCount.append(0)
        return Int32(childStart.count - 1)
    }

    /// Moves a finished node's children from `pending` into the edge arrays, side by side.
    private mutating func close(_ frame: (node: Int32, pendingStart: Int), pending: inout [(UInt16, Int32)]) {
        let children = pending[frame.pendingStart...]
        childStart[Int(frame.node)] = Int32(edgeUnits.count)
        childCount[Int(frame.node)] = Int32(children.count)
        for (unit, target) in children {
            edgeUnits.append(unit)
            edgeTargets.append(target)
        }
        pending.removeSubrange(frame.pendingStart...)
    }

    public var nodeCount: Int { childStart.count }

    /// The child of `node` along `unit`, or nil.
    @inline(__always)
    public func child(of node: Int32, _ unit: UInt16) -> Int32? {
        if node == LabelTrie.root {
            let child = rootChildren[Int(unit)]
            return child < 0 ? nil : child
        }
        var low = Int(childStart[Int(node)])
        var high = low + Int(childCount[Int(node)])
        // Few children (the usual case below the root): a scan beats a binary search's branches.
        if high - low <= 8 {
            for edge in low..<high where edgeUnits[edge] == unit { return edgeTargets[edge] }
            return nil
        }
        while low < high {
            let middle = (low + high) / 2
            let value = edgeUnits[middle]
            if value == unit { return edgeTargets[middle] }
            if value < unit { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// The payloads of keys ending at `node`.
    @inline(__always)
    public func payloads(at node: Int32) -> ArraySlice<Int32> {
        let start = Int(terminalStart[Int(node)])
        return terminals[start..<start + Int(terminalCount[Int(node)])]
    }

    @inline(__always)
    public func isTerminal(_ node: Int32) -> Bool { terminalCount[Int(node)] > 0 }
}
