/// One alignment unit: consecutive source sentences paired with consecutive target sentences.
///
/// Ranges are 0-based sentence indexes. An empty range keeps its position (`4..<4` is "nothing,
/// between sentence 3 and sentence 4"), so a list of beads can be checked for covering every
/// sentence once, in order.
public struct Bead: Hashable, Sendable {
    public var source: Range<Int>
    public var target: Range<Int>
    /// Confidence in [0, 1]: how much better this bead is than the alternatives the aligner saw.
    public var score: Double

    public init(source: Range<Int>, target: Range<Int>, score: Double = 0) {
        self.source = source
        self.target = target
        self.score = score
    }

    /// "1-1", "2-1", "1-0", ...: how many sentences each side holds.
    public var shape: String { "\(source.count)-\(target.count)" }
}
