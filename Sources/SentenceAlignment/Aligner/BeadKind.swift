/// The shapes a bead may take, with their prior costs (`-log p`).
///
/// Priors: Gale and Church found 1-1 in 89% of beads, 1-2/2-1 in 9%, 1-0/0-1 in 1% and 2-2 in 1%
/// on parliamentary text; news translation into Dari and Pashto merges and drops more, so the
/// non-1-1 shapes get more room here. 2-2 and 1-3/3-1 are kept dear: with averaged lengths a 2-2
/// bead easily undercuts the two 1-1 beads it usually is (tuned on ../shared/corpora, see README).
public struct BeadKind: Sendable, Equatable {
    public var source: Int
    public var target: Int
    public var prior: Double

    public init(source: Int, target: Int, prior: Double) {
        self.source = source
        self.target = target
        self.prior = prior
    }

    public static let standard: [BeadKind] = [
        BeadKind(source: 1, target: 1, prior: 0.0),
        BeadKind(source: 2, target: 1, prior: 2.4),
        BeadKind(source: 1, target: 2, prior: 2.4),
        BeadKind(source: 1, target: 0, prior: 3.6),
        BeadKind(source: 0, target: 1, prior: 3.6),
        BeadKind(source: 2, target: 2, prior: 9.0),
        BeadKind(source: 3, target: 1, prior: 7.0),
        BeadKind(source: 1, target: 3, prior: 7.0),
    ]
}
