// Unsafe pointers in TermLexicon live here, each argued.
//
// `PhoneticDistance.distance` is the fuzzy pass's inner loop: one cell per pair of symbols of
// every span and candidate label it scores. Through buffer pointers the two DP rows and the
// insertion costs share one scratch array with no bounds or exclusivity checks per cell. The
// pointers never leave the closures; `rows` is grown to 3 × (b.count + 1) before they are taken,
// and every index is below that: `previous`/`current` address [0, width) of their row, insertion
// costs [2·width, 2·width + b.count); substitution tables' rows have 128 entries and are indexed by a
// symbol masked with 0x7F.

extension PhoneticDistance {
    /// The weighted edit distance (two rows), or nil once every path costs more than `budget`.
    static func distance(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, crossScript: Bool,
                         table: [[Float]] = substitution, budget: Float = .infinity, rows: inout [Float]) -> Float? {
        let width = b.count + 1
        if rows.count < 3 * width { rows = [Float](repeating: 0, count: 3 * width) }
        return rows.withUnsafeMutableBufferPointer { buffer -> Float? in
            var previous = buffer.baseAddress!
            var current = previous + width
            // The cost of inserting each symbol of b, after the two rows: worked out once, not per cell.
            let insertion = 2 * width
            for j in 0..<b.count { buffer[insertion + j] = indel(b, j, crossScript: crossScript) }
            previous[0] = 0
            for j in 0..<b.count { previous[j + 1] = previous[j] + buffer[insertion + j] }
            for i in 0..<a.count {
                let deleteA = indel(a, i, crossScript: crossScript)
                current[0] = previous[0] + deleteA
                var rowMinimum = current[0]
                table[Int(a[a.startIndex + i] & 0x7F)].withUnsafeBufferPointer { row in
                    for j in 0..<b.count {
                        let replace = previous[j] + row[Int(b[b.startIndex + j] & 0x7F)]
                        let delete = previous[j + 1] + deleteA
                        let insert = current[j] + buffer[insertion + j]
                        let best = min(replace, delete, insert)
                        current[j + 1] = best
                        rowMinimum = min(rowMinimum, best)
                    }
                }
                if rowMinimum > budget { return nil }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }
}
