// The fuzzy pass reads every word of every record `tag` reads: where it starts and ends and its
// hash (which finds it in the word lists and in `WordMemo`). Through the checked arrays of
// `KeyedText` each unit paid a bounds check on each of three arrays and a reload of their storage;
// through buffer pointers the walk is a few loads and a multiply a unit. The bounds it relies on:
// the units and edges hold at least `count` entries and the last unit ends a word (checked once
// below, as `fill` leaves them: `markWordEnds`), so every read is at an index below `count` (a
// word's walk stops at its end edge, at the last unit at the latest).

extension KeyedText {
    /// Calls `body` with each word of the text in order: its first and last unit, its hash
    /// (`FuzzyWordLists.hashStep` over its units), the script of its first unit and whether a
    /// punctuation unit stands between it and the word before.
    @inline(__always)
    func forEachWord(_ body: (_ first: Int, _ last: Int, _ hash: UInt64, _ script: PhoneticFold.Script,
                              _ afterPunctuation: Bool) -> Void) {
        let count = self.count
        guard count > 0 else { return }
        units.withUnsafeBufferPointer { units in
            edges.withUnsafeBufferPointer { edges in
                precondition(units.count >= count && edges.count >= count && edges[count - 1] & WordEdge.end != 0,
                             "key text shorter than its count, or its last unit ends no word")
                var unit = 0
                var breakPending = false
                while unit < count {
                    let edge = edges[unit]
                    // Not a word's first unit: punctuation, a break before the next word.
                    if edge & (WordEdge.start | WordEdge.punctuation) != WordEdge.start {
                        breakPending = breakPending || edge & WordEdge.punctuation != 0
                        unit &+= 1
                        continue
                    }
                    var hash = FuzzyWordLists.hashStart
                    var last = unit
                    // The last unit ends a word (checked above), so the walk stops by `count`.
                    while true {
                        hash = FuzzyWordLists.hashStep(hash, units[last])
                        if edges[last] & WordEdge.end != 0 { break }
                        last &+= 1
                    }
                    body(unit, last, hash, PhoneticFold.script(of: units[unit]), breakPending)
                    breakPending = false
                    unit = last &+ 1
                }
            }
        }
    }
}
