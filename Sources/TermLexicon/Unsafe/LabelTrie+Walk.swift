// `LabelTrie.walk` runs at every word start of every record `tag` reads (about one call per word,
// nine in ten of them ending within two edges without a label). Through the checked arrays each
// call paid bounds checks on four arrays, a range made for the edge's units, and a retain and
// release of the arrays it read: about 280 instructions a call. Through buffer pointers it is a
// few loads a step. The bounds it relies on:
// - `units` (and a record's word edges) hold at least `count` units, checked once per record, and
//   a walk starts below `count`; a unit is read at `next + offset` only after `next + offset <
//   count` is checked;
// - the trie's own arrays agree with each other, as both initialisers ensure (the built one by
//   construction, the restored one by its checks): every root entry is -1 or a step index, a
//   step's children `childStart..<childStart + childCount` are step indices, its units
//   `keyPosition..<keyPosition + length` are indices of `keyUnits`, and `rootEdges` has an entry
//   for every UInt16.

extension LabelTrie {
    /// Where a walk passed the end of a label: the unit the label ends on and the step it ends after.
    struct LabelEnd {
        var lastUnit: Int
        var step: Int32
    }

    /// The trie's arrays lent as pointers for the length of `body`: a record's scan walks from
    /// every word start, and lending them per walk cost a precondition and four closures a word.
    struct Buffers {
        let rootEdges: UnsafeBufferPointer<Int32>
        let steps: UnsafeBufferPointer<Step>
        let stepUnits: UnsafeBufferPointer<UInt16>
        let keyUnits: UnsafeBufferPointer<UInt16>
    }

    @inline(__always)
    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        precondition(rootEdges.count == 0x1_0000, "the root table covers every unit")
        return rootEdges.withUnsafeBufferPointer { rootEdges in
            steps.withUnsafeBufferPointer { steps in
                stepUnits.withUnsafeBufferPointer { stepUnits in
                    keyUnits.withUnsafeBufferPointer { keyUnits in
                        body(Buffers(rootEdges: rootEdges, steps: steps, stepUnits: stepUnits, keyUnits: keyUnits))
                    }
                }
            }
        }
    }

    /// Walks the trie along `units[start..<count]` as far as the text allows and appends to `ends`,
    /// shortest first, each place where a key of the trie ends (whether a word ends there too is
    /// the caller's to check).
    @inline(__always)
    static func walk(_ trie: Buffers, _ units: UnsafePointer<UInt16>, count: Int, from start: Int,
                     into ends: inout [LabelEnd]) {
        let root = trie.rootEdges[Int(units[start])]
        guard root >= 0 else { return }
        let steps = trie.steps, stepUnits = trie.stepUnits, keyUnits = trie.keyUnits
        var index = Int(root)
        var next = start
        while true {
            let step = steps[index]
            let length = Int(step.length)
            // The rest of the edge's units must follow in the text too; most walks that fail inside
            // an edge fail at its second unit, kept in the step.
            if length > 1 {
                guard next &+ 1 < count, units[next &+ 1] == step.second else { return }
                let key = Int(step.keyPosition)
                var offset = 2
                while offset < length {
                    guard next &+ offset < count, units[next &+ offset] == keyUnits[key &+ offset] else { return }
                    offset &+= 1
                }
            }
            next &+= length
            if step.terminalCount > 0 { ends.append(LabelEnd(lastUnit: next &- 1, step: Int32(index))) }
            guard next < count, step.childCount > 0 else { return }
            let unit = units[next]
            var low = Int(step.childStart), high = low &+ Int(step.childCount)
            // Few edges (the usual case below the root): a scan beats a binary search.
            if high &- low <= 8 {
                while low < high && stepUnits[low] != unit { low &+= 1 }
                guard low < high else { return }
                index = low
            } else {
                index = -1
                while low < high {
                    let middle = (low &+ high) >> 1
                    let value = stepUnits[middle]
                    if value == unit {
                        index = middle
                        break
                    }
                    if value < unit { low = middle &+ 1 } else { high = middle }
                }
                guard index >= 0 else { return }
            }
        }
    }

    /// The first word start at or after `index` (not punctuation) from which a walk passes the end
    /// of a label (`ends` then holds those places, and `labelEnds` is true) or whose first unit is
    /// one of `prefixStarts` (a joined prefix may start there); `count` when there is none. `ends`
    /// is emptied first. `units` and `edges` hold at least `count` entries (`KeyedText`).
    static func nextStart(_ trie: Buffers, _ units: UnsafePointer<UInt16>, _ edges: UnsafePointer<UInt8>,
                          count: Int, from index: Int, prefixStarts: [UInt16],
                          into ends: inout [LabelEnd]) -> (index: Int, labelEnds: Bool) {
        if !ends.isEmpty { ends.removeAll(keepingCapacity: true) }
        let startOrPunctuation = KeyedText.WordEdge.start | KeyedText.WordEdge.punctuation
        var index = index
        while index < count {
            if edges[index] & startOrPunctuation == KeyedText.WordEdge.start {
                walk(trie, units, count: count, from: index, into: &ends)
                if !ends.isEmpty { return (index, true) }
                if prefixStarts.contains(units[index]) { return (index, false) }
            }
            index &+= 1
        }
        return (count, false)
    }
}
