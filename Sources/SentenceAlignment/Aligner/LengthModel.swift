#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextNormalization

/// Gale–Church-style length model on the log ratio of lengths.
///
/// For a pair of sentences that translate each other, `log(target / source)` (lengths in key-form
/// characters without spaces) is close to normal with a mean set by the language pair and a
/// variance that shrinks as sentences grow: `variance = base + scale / meanLength`. The cost of a
/// bead is Gale and Church's `-log P(|Z| >= |z|)`, so a bead whose lengths fit perfectly costs 0.
///
/// Fitted on the 1-1 lines of ../shared/corpora (NTREX-128, TICO-19, FLORES v1), grouping pairs
/// by mean length in powers of two (see README, "How the aligner decides"):
///
/// | pair   | mean of log(other/en) | sd at 16 | 32   | 64   | 128  |
/// |--------|------------------------|---------|------|------|------|
/// | prs–en | −0.05 (NTREX), −0.12 (TICO) | 0.24 | 0.19–0.22 | 0.15 | 0.13 |
/// | ps–en  | −0.08, −0.11, −0.17 (FLORES) | 0.23–0.28 | 0.19–0.22 | 0.15–0.19 | 0.12–0.17 |
///
/// `base + scale / m` with base 0.0117 and scale 0.834 goes through those points for Dari; the
/// Pashto figures are a little wider. The mean differs by corpus, so the aligner moves it toward
/// each document's own total ratio (`adapted(toTotals:)`).
public struct LengthModel: Sendable, Equatable {
    /// Mean of `log(target / source)`.
    public var mean: Double
    public var baseVariance: Double
    public var scaleVariance: Double

    public init(mean: Double, baseVariance: Double, scaleVariance: Double) {
        self.mean = mean
        self.baseVariance = baseVariance
        self.scaleVariance = scaleVariance
    }

    /// The fitted model for `source` → `target`; a pair without figures gets mean 0 and the Pashto
    /// spread (the widest measured).
    public static func fitted(source: Language, target: Language) -> LengthModel {
        func fromEnglish(_ language: Language) -> LengthModel {
            switch language {
            case .dari: LengthModel(mean: -0.09, baseVariance: 0.0117, scaleVariance: 0.834)
            case .pashto: LengthModel(mean: -0.12, baseVariance: 0.015, scaleVariance: 0.95)
            case .english: LengthModel(mean: 0, baseVariance: 0.0117, scaleVariance: 0.834)
            case .undetermined: LengthModel(mean: 0, baseVariance: 0.015, scaleVariance: 0.95)
            }
        }
        if source == .english { return fromEnglish(target) }
        if target == .english { return fromEnglish(source).reversed }
        // Neither side English: compose through English.
        let a = fromEnglish(source), b = fromEnglish(target)
        return LengthModel(mean: b.mean - a.mean, baseVariance: max(a.baseVariance, b.baseVariance),
                           scaleVariance: max(a.scaleVariance, b.scaleVariance))
    }

    /// The same model with the sides swapped.
    public var reversed: LengthModel {
        LengthModel(mean: -mean, baseVariance: baseVariance, scaleVariance: scaleVariance)
    }

    /// Moves the mean toward the document's own ratio, trusting it as much as `sentences` pairs
    /// against a prior worth 20.
    public func adapted(sourceTotal: Int, targetTotal: Int, sentences: Int) -> LengthModel {
        guard sourceTotal > 0, targetTotal > 0, sentences > 0 else { return self }
        let observed = log(Double(targetTotal) / Double(sourceTotal))
        let weight = Double(sentences) / (Double(sentences) + 20)
        var model = self
        model.mean = mean + weight * (observed - mean)
        return model
    }

    /// The standardised deviation of a pair of lengths from the model.
    @inline(__always)
    public func z(source: Int, target: Int) -> Double {
        let s = Double(source) + 1, t = Double(target) + 1
        let variance = baseVariance + scaleVariance * 2 / (s + t)
        return (log(t / s) - mean) / variance.squareRoot()
    }

    /// `-log P(|Z| >= |z|)`: 0 for a perfect fit, growing like z²/2.
    @inline(__always)
    public static func cost(z: Double) -> Double {
        let tail = erfc(abs(z) * 0.7071067811865476)
        return tail > 1e-300 ? -log(tail) : 690
    }

    /// `P(|Z| >= |z|)` in [0, 1]: how ordinary the pair's lengths are.
    public static func fit(z: Double) -> Double { erfc(abs(z) * 0.7071067811865476) }
}
