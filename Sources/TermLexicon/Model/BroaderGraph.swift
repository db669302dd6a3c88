/// The `broader` links of a lexicon as a graph over entity indices, for the checks that must stay
/// linear however deep the chains are (a generated lexicon may nest thousands of levels).
struct BroaderGraph {
    /// Entity index -> indices of the entities its broader column names (unknown ids left out).
    let parents: [[Int32]]

    init(_ entities: [Entity], index: [String: Int32]) {
        parents = entities.map { entity in entity.broader.compactMap { index[$0] } }
    }

    /// The entities on a cycle, grouped by cycle (strongly connected components with more than one
    /// entity, or one that names itself), each group in entity order.
    /// - Complexity: O(entities + links): Tarjan's algorithm with an explicit stack.
    func cycles() -> [[Int]] {
        let count = parents.count
        var order = [Int](repeating: -1, count: count)
        var lowest = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var next = 0
        var found: [[Int]] = []
        for root in 0..<count where order[root] < 0 {
            // Each frame: a node and how many of its parents have been visited.
            var frames: [(node: Int, edge: Int)] = [(root, 0)]
            order[root] = next; lowest[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.edge < parents[node].count {
                    frames[frames.count - 1].edge += 1
                    let parent = Int(parents[node][frame.edge])
                    if order[parent] < 0 {
                        order[parent] = next; lowest[parent] = next; next += 1
                        stack.append(parent); onStack[parent] = true
                        frames.append((parent, 0))
                    } else if onStack[parent] {
                        lowest[node] = min(lowest[node], order[parent])
                    }
                    continue
                }
                frames.removeLast()
                if let caller = frames.last { lowest[caller.node] = min(lowest[caller.node], lowest[node]) }
                guard lowest[node] == order[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                if component.count > 1 || parents[node].contains(Int32(node)) { found.append(component.sorted()) }
            }
        }
        return found.sorted { $0[0] < $1[0] }
    }
}
