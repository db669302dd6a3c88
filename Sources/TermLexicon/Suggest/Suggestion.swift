/// One proposed label of a suggestions table: `lexalign lexicon suggest` writes them, a reviewer
/// fills in `decision`, `lexalign lexicon accept` adds what was accepted (docs/FORMATS.md, 2.12).
public struct Suggestion: Equatable, Sendable {
    public var id: String
    /// The label's language as written (`fa-AF` is read as `prs` when the label is added).
    public var lang: String
    public var label: String
    /// The kind proposed (alt or hidden usually); the reviewer's decision says what is added.
    public var kind: LabelKind
    /// How strongly the evidence supports the label; the table lists the best first.
    public var score: Double
    /// How many times the evidence was seen.
    public var count: Int
    /// Where the label was found, short (a corpus pair, a rule); becomes part of the label's note.
    public var evidence: String
    /// A line it was found in, for the reviewer.
    public var example: String
    /// The cell as the reviewer left it: empty, or a value `SuggestionDecision` reads.
    public var decision: String

    public init(id: String, lang: String, label: String, kind: LabelKind, score: Double, count: Int,
                evidence: String = "", example: String = "", decision: String = "") {
        self.id = id
        self.lang = lang
        self.label = label
        self.kind = kind
        self.score = score
        self.count = count
        self.evidence = evidence
        self.example = example
        self.decision = decision
    }
}
