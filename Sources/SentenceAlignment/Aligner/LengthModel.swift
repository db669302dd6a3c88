#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextNormalization

/// A normal model of `log((target + 1) / (source + 1))` for one length measure, with a variance
/// that shrinks as sentences grow: `variance = base + scale / meanLength`.
public struct LogRatioModel: Sendable, Equatable {
    public var mean: Double
    public var base: Double
    public var scale: Double

    public init(mean: Double, base: Double, scale: Double) {
        self.mean = mean
        self.base = base
        self.scale = scale
    }

    var reversed: LogRatioModel { LogRatioModel(mean: -mean, base: base, scale: scale) }

    /// The standardised deviation of a pair of lengths from the model.
    @inline(__always)
    func z(source: Int, target: Int) -> Double {
        let s = Double(source) + 1, t = Double(target) + 1
        return (log(t / s) - mean) / (base + scale * 2 / (s + t)).squareRoot()
    }

    /// Moves the mean toward the document's own ratio, trusting it as much as `sentences` pairs
    /// against a prior worth 20.
    func adapted(sourceTotal: Int, targetTotal: Int, sentences: Int) -> LogRatioModel {
        guard sourceTotal > 0, targetTotal > 0, sentences > 0 else { return self }
        let observed = log(Double(targetTotal) / Double(sourceTotal))
        var model = self
        model.mean += Double(sentences) / (Double(sentences) + 20) * (observed - mean)
        return model
    }
}

/// Gale–Church-style length model on log ratios of characters and of words.
///
/// For sentences that translate each other, `log(target / source)` is close to normal, with a
/// mean set by the language pair and a spread that shrinks as sentences grow. Both measures are
/// standardised and averaged (they correlate at about 0.7, so the average is a little tighter
/// than either), and a bead costs Gale and Church's `-log P(|Z| >= |z|)`: 0 for a perfect fit.
///
/// Fitted on the 1-1 lines of ../shared/corpora (NTREX-128, TICO-19, FLORES v1), grouping pairs
/// by mean length in powers of two. Characters (key form, no spaces), `log(other / en)`:
/// prs mean −0.05 (NTREX) to −0.12 (TICO), sd 0.24 / 0.20 / 0.15 / 0.13 at 16 / 32 / 64 / 128
/// characters, which `0.0117 + 0.834 / m` fits; ps mean −0.08 to −0.17 (FLORES), a little wider.
/// Words: prs mean +0.15, ps +0.13 (FLORES) to +0.24 (NTREX), sd 0.21 / 0.18 / 0.15 at 8 / 16 / 32
/// words, fitted by `0.016 + 0.224 / m`. The means differ by corpus, so each document moves them
/// toward its own totals.
public struct LengthModel: Sendable, Equatable {
    public var characters: LogRatioModel
    public var words: LogRatioModel
    /// How much the word measure counts, 0...1.
    public var wordShare = 0.3
    /// Correlation of the two measures' deviations on the corpora.
    public var correlation = 0.7

    public init(characters: LogRatioModel, words: LogRatioModel) {
        self.characters = characters
        self.words = words
    }

    /// The fitted model for `source` → `target`; a pair without figures gets mean 0 and the Pashto
    /// spread (the widest measured).
    public static func fitted(source: Language, target: Language) -> LengthModel {
        func fromEnglish(_ language: Language) -> LengthModel {
            switch language {
            case .dari:
                LengthModel(characters: LogRatioModel(mean: -0.09, base: 0.0117, scale: 0.834),
                            words: LogRatioModel(mean: 0.15, base: 0.016, scale: 0.224))
            case .pashto:
                LengthModel(characters: LogRatioModel(mean: -0.12, base: 0.015, scale: 0.95),
                            words: LogRatioModel(mean: 0.20, base: 0.018, scale: 0.26))
            case .english:
                LengthModel(characters: LogRatioModel(mean: 0, base: 0.0117, scale: 0.834),
                            words: LogRatioModel(mean: 0, base: 0.016, scale: 0.224))
            case .undetermined:
                LengthModel(characters: LogRatioModel(mean: 0, base: 0.015, scale: 0.95),
                            words: LogRatioModel(mean: 0, base: 0.018, scale: 0.26))
            }
        }
        if source == .english { return fromEnglish(target) }
        if target == .english { return fromEnglish(source).reversed }
        // Neither side English: compose through English.
        let a = fromEnglish(source), b = fromEnglish(target)
        func compose(_ x: LogRatioModel, _ y: LogRatioModel) -> LogRatioModel {
            LogRatioModel(mean: y.mean - x.mean, base: max(x.base, y.base), scale: max(x.scale, y.scale))
        }
        return LengthModel(characters: compose(a.characters, b.characters), words: compose(a.words, b.words))
    }

    /// The same model with the sides swapped.
    public var reversed: LengthModel {
        var model = self
        model.characters = characters.reversed
        model.words = words.reversed
        return model
    }

    func adapted(sourceTotals: (characters: Int, words: Int), targetTotals: (characters: Int, words: Int),
                 sentences: Int) -> LengthModel {
        var model = self
        model.characters = characters.adapted(sourceTotal: sourceTotals.characters,
                                              targetTotal: targetTotals.characters, sentences: sentences)
        model.words = words.adapted(sourceTotal: sourceTotals.words, targetTotal: targetTotals.words,
                                    sentences: sentences)
        return model
    }

    /// The combined standardised deviation of a bead's lengths.
    @inline(__always)
    func z(sourceLength: Int, targetLength: Int, sourceWords: Int, targetWords: Int) -> Double {
        let zc = characters.z(source: sourceLength, target: targetLength)
        guard wordShare > 0 else { return zc }
        let zw = words.z(source: sourceWords, target: targetWords)
        let a = 1 - wordShare, b = wordShare
        return (a * zc + b * zw) / (a * a + b * b + 2 * a * b * correlation).squareRoot()
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
