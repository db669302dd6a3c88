/// Everything the aligner's cost weighs, in one place so tuning runs can vary it.
public struct AlignerParameters: Sendable {
    public var kinds: [BeadKind] = BeadKind.standard
    /// How much the word-count ratio counts beside the character ratio (0...1).
    public var wordShare = 0.3
    /// Multiplies the fitted variances. The log ratios have heavier tails than a normal curve, so
    /// the fitted variances over-punish the odd long or short translation; twice them did best on
    /// two seeds of the benchmark (1.4 to 2.3 all beat 1).
    public var spread = 2.0
    /// Reward per shared anchor of each class, before the anchor's rarity weight.
    public var entityWeight = 1.0
    public var numberWeight = 1.0
    public var wordWeight = 0.7
    public var punctuationWeight = 0.5
    public var skeletonWeight = 0.6
    /// Cost per unit of anchor weight left unmatched inside a bead, relative to the reward.
    public var unmatchedFactor = 0.6
    /// A sentence with no counterpart costs `prior + deletionScale * log(1 + length / 10)`.
    public var deletionScale = 0.2
    /// Cost per bead of the distance from the length diagonal (share of the document, 0...1).
    public var positionWeight = 2.0
    /// Documents up to this many lattice cells get the exact search; longer ones a band around
    /// a coarse pass.
    public var exactCellLimit = 2_500_000
    /// Sentences per block in the coarse pass (at least 2). Fixed, so the fine band, and the time
    /// per sentence, are the same at any length.
    public var coarseBlockSize = 4
    /// The block alignment gets the exact search up to this many cells; a longer one is itself
    /// aligned in blocks and banded, level after level, so no level is quadratic in the document.
    public var coarseExactCellLimit = 100_000
    /// Extra sentences on each side of the coarse path the fine search may use, beyond twice the
    /// block size.
    public var bandMargin = 12

    public init() {}
}

extension AlignerParameters {
    public struct UnknownParameter: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "unknown aligner parameter '\(name)'" }
    }

    /// Overrides weights from `name=value,name=value` (tuning runs); `p11`, `p21`, `p10`, `p22`,
    /// `p31` set bead priors symmetrically.
    public mutating func apply(_ settings: String) throws(UnknownParameter) {
        for setting in settings.split(separator: ",") {
            let parts = setting.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]) else { throw UnknownParameter(name: String(setting)) }
            func prior(_ a: Int, _ b: Int) {
                for index in kinds.indices where (kinds[index].source, kinds[index].target) == (a, b)
                    || (kinds[index].source, kinds[index].target) == (b, a) {
                    kinds[index].prior = value
                }
            }
            switch parts[0] {
            case "words": wordShare = value
            case "spread": spread = value
            case "entity": entityWeight = value
            case "number": numberWeight = value
            case "word": wordWeight = value
            case "punct": punctuationWeight = value
            case "skeleton": skeletonWeight = value
            case "unmatched": unmatchedFactor = value
            case "deletion": deletionScale = value
            case "position": positionWeight = value
            case "exact": exactCellLimit = Int(value)
            case "block": coarseBlockSize = Int(value)
            case "coarse-exact": coarseExactCellLimit = Int(value)
            case "margin": bandMargin = Int(value)
            case "p11": prior(1, 1)
            case "p21": prior(2, 1)
            case "p10": prior(1, 0)
            case "p22": prior(2, 2)
            case "p31": prior(3, 1)
            default: throw UnknownParameter(name: String(parts[0]))
            }
        }
    }
}
