import TextNormalization

/// What a reviewed suggestions table asks of a lexicon, row by row: the labels to add, the rows
/// whose label the lexicon already has, the rows left out, and what is wrong with the others.
/// Every row is checked, decided or not: a row that names an entity the lexicon lacks means the
/// table no longer fits the lexicon.
public struct SuggestionReview: Sendable {
    /// A label to add and the row that asks for it.
    public struct Addition: Sendable {
        public var label: Label
        public var row: SuggestionTable.Row
    }

    /// In canonical order (`LexiconOrder`).
    public private(set) var additions: [Addition] = []
    /// Accepted rows whose label the lexicon (or an earlier row) already has for that id and language.
    public private(set) var alreadyThere = 0
    /// Rows marked `skip` or `-`.
    public private(set) var skipped = 0
    /// Rows with an empty decision.
    public private(set) var undecided = 0
    /// Errors in rows (then nothing may be added) and warnings.
    public private(set) var problems: [Diagnostic] = []

    /// `date` (YYYY-MM-DD) goes into the note of each added label.
    public init(_ table: SuggestionTable, lexicon: Lexicon, entitiesPath: String, labelsPath: String, date: String) {
        var check = SuggestionRowCheck(lexicon: lexicon, entitiesPath: entitiesPath, tablePath: table.path)
        // Each label by its id, language and text as fmt cleans it, with where it is.
        var present: [String: (kind: LabelKind, place: String)] = [:]
        for label in lexicon.labels {
            let key = Self.slot(label.id, label.lang, LexiconFormatter.clean(Substring(label.text)))
            if present[key] == nil { present[key] = (label.kind, "line \(label.line) of \(labelsPath)") }
        }
        for row in table.rows {
            let errors = check.errors(in: row)
            problems += errors
            guard errors.isEmpty, let lang = LabelLanguage.canonical(row.suggestion.lang) else { continue }
            switch row.decision {
            case .undecided:
                undecided += 1
            case .skip:
                skipped += 1
            case .add(let kind):
                let suggestion = row.suggestion
                let key = Self.slot(suggestion.id, lang, suggestion.label)
                if let existing = present[key] {
                    alreadyThere += 1
                    // Not an error, but a decision that is not carried out is worth a word.
                    if existing.kind != kind {
                        let what = "\(Self.article(existing.kind)) label of \(suggestion.id) in \(lang)"
                        problems.append(Diagnostic(.warning, at: row.location("decision", in: table.path),
                            "'\(suggestion.label)' is already \(what) (\(existing.place)); "
                                + "not added as \(kind.rawValue)",
                            rule: "already-there"))
                    }
                    continue
                }
                let label = Label(id: suggestion.id, lang: lang, kind: kind, text: suggestion.label,
                                  note: Self.note(evidence: suggestion.evidence, kind: kind, date: date))
                present[key] = (kind, "line \(row.line) of \(table.path)")
                additions.append(Addition(label: label, row: row))
            }
        }
        additions.sort { LexiconOrder.precedes(Self.sortKey($0.label), Self.sortKey($1.label)) }
    }

    /// A label's note: where the suggestion came from, shortened, and the day it was decided.
    static func note(evidence: String, kind: LabelKind, date: String) -> String {
        let shown = evidence.count > 60 ? evidence.prefix(59) + "…" : Substring(evidence)
        let decided = (kind == .negative ? "rejected " : "accepted ") + date
        return (shown.isEmpty ? "suggest" : "suggest: " + shown) + "; " + decided
    }

    private static func slot(_ id: String, _ lang: String, _ text: String) -> String { id + "\t" + lang + "\t" + text }

    private static func sortKey(_ label: Label) -> [String] {
        LexiconOrder.key(of: [label.id, label.lang, label.kind.rawValue, label.text].map { Substring($0) }, in: .labels)
    }

    private static func article(_ kind: LabelKind) -> String {
        (kind == .alt ? "an " : "a ") + kind.rawValue
    }
}
