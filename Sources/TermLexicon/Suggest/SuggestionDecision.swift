/// What a reviewer decided about a suggestion, read from its `decision` cell.
public enum SuggestionDecision: Equatable, Sendable {
    /// An empty cell: not reviewed yet.
    case undecided
    /// `skip` or `-`: leave the suggestion out.
    case skip
    /// `alt`, `hidden`, or `negative` (`reject` says the same): add the label with that kind.
    case add(LabelKind)

    /// The values a decision cell may hold besides being empty, as messages list them.
    public static let values = ["alt", "hidden", "negative", "reject", "skip", "-"]

    /// Nil when the cell holds none of the values. Case and surrounding spaces do not count:
    /// spreadsheets capitalise a word typed into an empty cell.
    public init?(cell: String) {
        switch LexiconFormatter.clean(Substring(cell)).lowercased() {
        case "": self = .undecided
        case "skip", "-": self = .skip
        case "alt": self = .add(.alt)
        case "hidden": self = .add(.hidden)
        case "negative", "reject": self = .add(.negative)
        default: return nil
        }
    }
}
