#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The length costs of one document's beads from tables instead of `log` and `erfc` per cell:
/// a bead's lengths are small integers (the sums of a few sentences' characters and words), so
/// the logarithms and spreads the length model takes of them are worked out once per document for
/// every value below `limit`, and the tail cost of a deviation is interpolated from a fixed grid.
/// Larger values, rare, are computed as before.
struct LengthCostTables {
    /// Lengths (plus one) below this are looked up.
    static let limit = 4096

    /// `log(n)` for n in 0..<limit (n ≥ 1 used).
    private let logs: [Double]
    /// `(base + scale * 2 / n).squareRoot()` of each measure for n in 0..<2·limit: the spread of
    /// a pair whose lengths plus one sum to n, exactly as `LogRatioModel.z` computes it.
    private let characterSpreads: [Double]
    private let wordSpreads: [Double]
    /// `deletionScale * log(1 + n / 10)` for n in 0..<limit.
    private let deletions: [Double]
    let model: LengthModel
    private let deletionScale: Double

    init(model: LengthModel, deletionScale: Double) {
        self.model = model
        self.deletionScale = deletionScale
        let limit = LengthCostTables.limit
        logs = (0..<limit).map { log(Double($0)) }
        func spreads(_ measure: LogRatioModel) -> [Double] {
            (0..<(2 * limit)).map { (measure.base + measure.scale * 2 / Double($0)).squareRoot() }
        }
        characterSpreads = spreads(model.characters)
        wordSpreads = spreads(model.words)
        deletions = (0..<limit).map { deletionScale * log(1 + Double($0) / 10) }
    }

    /// The cost of a bead with one side empty whose other side has `length` characters.
    @inline(__always)
    func deletionCost(length: Int) -> Double {
        length < LengthCostTables.limit ? deletions[length] : deletionScale * log(1 + Double(length) / 10)
    }

    /// `LengthModel.z` of a bead's lengths, the logarithm of the ratio taken as a difference of
    /// tabulated logarithms.
    @inline(__always)
    func z(sourceLength: Int, targetLength: Int, sourceWords: Int, targetWords: Int) -> Double {
        let zc = deviation(source: sourceLength, target: targetLength, model.characters, characterSpreads)
        let share = model.wordShare
        guard share > 0 else { return zc }
        let zw = deviation(source: sourceWords, target: targetWords, model.words, wordSpreads)
        let a = 1 - share, b = share
        return (a * zc + b * zw) / (a * a + b * b + 2 * a * b * model.correlation).squareRoot()
    }

    @inline(__always)
    private func deviation(source: Int, target: Int, _ measure: LogRatioModel, _ spreads: [Double]) -> Double {
        let s = source + 1, t = target + 1
        guard s < LengthCostTables.limit, t < LengthCostTables.limit else {
            return measure.z(source: source, target: target)
        }
        return (logs[t] - logs[s] - measure.mean) / spreads[s + t]
    }

    /// `LengthModel.cost(z:)`, `-log P(|Z| >= |z|)`, by cubic Hermite interpolation between grid
    /// points `1/step` apart, where the cost and its slope are known exactly (the error is below
    /// 1e-12); computed directly beyond the grid.
    @inline(__always)
    static func tailCost(z: Double) -> Double {
        let x = abs(z) * Double(TailGrid.step)
        guard x < Double(TailGrid.points - 1) else { return LengthModel.cost(z: z) }
        let index = Int(x)
        let t = x - Double(index)
        let grid = TailGrid.shared
        let f0 = grid.values[index], f1 = grid.values[index + 1]
        let d0 = grid.slopes[index], d1 = grid.slopes[index + 1]
        let t2 = t * t, t3 = t2 * t
        return (2 * t3 - 3 * t2 + 1) * f0 + (t3 - 2 * t2 + t) * d0 + (3 * t2 - 2 * t3) * f1 + (t3 - t2) * d1
    }

    /// The tail cost and its slope (per grid step) at every grid point.
    private struct TailGrid: Sendable {
        static let step = 256
        /// Up to |z| = 16; beyond, the cost is over 128 and no bead of that cost is ever chosen
        /// over a deletion, but it is still computed exactly.
        static let points = 16 * step + 1
        static let shared = TailGrid()
        let values: [Double]
        let slopes: [Double]

        init() {
            var values: [Double] = [], slopes: [Double] = []
            for index in 0..<TailGrid.points {
                let z = Double(index) / Double(TailGrid.step)
                let tail = erfc(z * 0.7071067811865476)
                values.append(-log(tail))
                // d/dz −log erfc(z/√2) = √(2/π)·e^(−z²/2) / erfc(z/√2), scaled to one grid step.
                slopes.append(0.7978845608028654 * exp(-z * z / 2) / tail / Double(TailGrid.step))
            }
            self.values = values
            self.slopes = slopes
        }
    }
}
