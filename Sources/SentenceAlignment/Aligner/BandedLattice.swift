/// The dynamic-programming lattice over (source sentences consumed, target sentences consumed),
/// restricted to a band: row `i` holds the cells `lo[i]...hi[i]`. With the band covering every
/// cell this is the exact search.
///
/// - Complexity: time O(cells × bead kinds), memory O(cells); for a band of width w over n rows,
///   O(n · w).
struct BandedLattice {
    let rows: Int
    let columns: Int
    let lo: [Int]
    let hi: [Int]
    private let rowStart: [Int]

    /// A band whose windows are made monotone and overlapping, so a path always exists.
    init(rows: Int, columns: Int, lo rawLo: [Int], hi rawHi: [Int]) {
        precondition(rawLo.count == rows + 1 && rawHi.count == rows + 1)
        self.rows = rows
        self.columns = columns
        var lo = rawLo.map { min(max($0, 0), columns) }
        var hi = rawHi.map { min(max($0, 0), columns) }
        lo[0] = 0
        hi[rows] = columns
        for i in 1...max(rows, 1) where i <= rows { hi[i] = max(hi[i], hi[i - 1]) }
        if rows > 0 { for i in stride(from: rows - 1, through: 0, by: -1) { lo[i] = min(lo[i], lo[i + 1]) } }
        for i in 0...rows { hi[i] = max(hi[i], lo[i]) }
        // Neighbouring rows must share a column, or a path could not step down.
        for i in stride(from: 1, through: rows, by: 1) where lo[i] > hi[i - 1] { lo[i] = hi[i - 1] }
        self.lo = lo
        self.hi = hi
        var start = [Int](repeating: 0, count: rows + 2)
        for i in 0...rows { start[i + 1] = start[i] + hi[i] - lo[i] + 1 }
        rowStart = start
    }

    /// The exact lattice.
    static func full(rows: Int, columns: Int) -> BandedLattice {
        BandedLattice(rows: rows, columns: columns, lo: [Int](repeating: 0, count: rows + 1),
                      hi: [Int](repeating: columns, count: rows + 1))
    }

    var cellCount: Int { rowStart[rows + 1] }

    /// The cell index of (i, j), or nil outside the band.
    @inline(__always)
    private func cell(_ i: Int, _ j: Int) -> Int? {
        guard i >= 0, i <= rows, j >= lo[i], j <= hi[i] else { return nil }
        return rowStart[i] + j - lo[i]
    }

    /// The cheapest path from (0, 0) to (rows, columns), as beads.
    ///
    /// At each cell the anchors of the 1-1 bead ending there are counted once and kept
    /// (`pairMatched`): a longer bead's matched weight is at most the sum of its sentence pairs'
    /// (min(a + b, c) ≤ min(a, c) + min(b, c)), so most beads of other kinds are ruled out by
    /// `BeadCost.lowerBound` without counting their anchors. The path is the one the plain search
    /// finds: a bead is skipped only when it cannot cost less than the best already found.
    func bestPath(kinds: [BeadKind], cost: inout BeadCost) -> [Bead] {
        var total = [Double](repeating: .infinity, count: cellCount)
        var back = [UInt8](repeating: UInt8.max, count: cellCount)
        // The anchor weight matched by the 1-1 bead ending at each cell (sentences i-1 and j-1).
        var pairMatched = [Double](repeating: 0, count: cellCount)
        total[0] = 0
        for i in 0...rows {
            let rowLo = lo[i], base = rowStart[i] - rowLo
            for j in rowLo...hi[i] where i > 0 || j > 0 {
                var pair: (matched: Double, unmatched: Double)?
                if i > 0, j > 0, cost.hasAnchors(i - 1, i, j - 1, j) {
                    let agreement = cost.anchorAgreement(i - 1, i, j - 1, j)
                    pairMatched[base + j] = agreement.matched
                    pair = agreement
                }
                var best = Double.infinity
                var bestKind = UInt8.max
                for (k, kind) in kinds.enumerated() {
                    let pi = i - kind.source, pj = j - kind.target
                    guard pi >= 0, pj >= lo[max(pi, 0)], pj <= hi[max(pi, 0)] else { continue }
                    let previous = total[rowStart[pi] + pj - lo[pi]]
                    guard previous < best else { continue }
                    let single = kind.source == 1 && kind.target == 1
                    // A bead that cannot win is not costed (the margin covers rounding: the bound
                    // adds the same terms in another order).
                    if best < .infinity, !single,
                       previous + cost.lowerBound(pi, i, pj, j, prior: kind.prior,
                                                  matchedAtMost: pairSum(pi, i, pj, j, pairMatched))
                        > best + 1e-9 * (1 + abs(best)) {
                        continue
                    }
                    let candidate = previous + cost.cost(pi, i, pj, j, prior: kind.prior,
                                                         agreement: single ? pair : nil)
                    if candidate < best {
                        best = candidate
                        bestKind = UInt8(k)
                    }
                }
                total[base + j] = best
                back[base + j] = bestKind
            }
        }
        var beads: [Bead] = []
        var i = rows, j = columns
        while i > 0 || j > 0 {
            let k = back[rowStart[i] + j - lo[i]]
            // Unreachable when the band is monotone and overlapping; fall back to 1-0/0-1 steps.
            assert(k != UInt8.max, "no path through the band at (\(i), \(j))")
            let kind = k == UInt8.max ? (i > 0 ? BeadKind(source: 1, target: 0, prior: 0)
                                               : BeadKind(source: 0, target: 1, prior: 0))
                                      : kinds[Int(k)]
            let pi = i - kind.source, pj = j - kind.target
            beads.append(Bead(source: pi..<i, target: pj..<j))
            i = pi
            j = pj
        }
        beads.reverse()
        return beads
    }

    /// The matched weight of the bead's sentence pairs, summed (`pairMatched` of the cells
    /// (a + 1, b + 1)); infinity when one of them lies outside the band.
    @inline(__always)
    private func pairSum(_ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int, _ pairMatched: [Double]) -> Double {
        var sum = 0.0
        for a in s0..<s1 {
            for b in t0..<t1 {
                guard let index = cell(a + 1, b + 1) else { return .infinity }
                sum += pairMatched[index]
            }
        }
        return sum
    }
}
