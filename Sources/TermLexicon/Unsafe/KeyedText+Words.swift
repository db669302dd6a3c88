// The fuzzy pass reads every word of every record `tag` reads: where it starts and ends and its
// hash (which finds it in the word lists and in `WordMemo`). Through the checked arrays of
// `KeyedText` each unit paid a bounds check on each of three arrays and a reload of their storage;
// through buffer pointers the walk is a few loads and a multiply a unit. The bounds it relies on:
// the units and edges hold at least `count` entries (checked once below, as `fill` leaves them),
// and every read is at an index below `count` (a word's walk stops at its end edge or at the last
// unit, whichever comes first).

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
                precondition(units.count >= count && edges.count >= count, "key text shorter than its count")
                var unit = 0
                var breakPending = false
                while unit < count {
                    let edge = edges[unit]
                    if edge & WordEdge.punctuation != 0 {
                        breakPending = true
                        unit += 1
                        continue
                    }
                    guard edge & WordEdge.start != 0 else {
                        unit += 1
                        continue
                    }
                    var hash = FuzzyWordLists.hashStart
                    var last = unit
                    while true {
                        hash = FuzzyWordLists.hashStep(hash, units[last])
                        if edges[last] & WordEdge.end != 0 || last + 1 == count { break }
                        last += 1
                    }
                    body(unit, last, hash, PhoneticFold.script(of: units[unit]), breakPending)
                    breakPending = false
                    unit = last + 1
                }
            }
        }
    }
}
