import TextNormalization

/// `lexalign lexicon accept`: a reviewed suggestions table applied to a lexicon. The outcome is
/// the new labels.tsv, in canonical order and passing lint, or the findings that stop it. Nothing
/// is written here: the command writes `labelsText`.
public struct SuggestionAcceptance: Sendable {
    public let review: SuggestionReview
    /// About the table's rows and the lexicon that would result: any error means nothing may be
    /// written; warnings are for the reviewer.
    public let diagnostics: [Diagnostic]
    /// The new labels.tsv; nil when there are errors or nothing to add (the file stays as it is).
    public let labelsText: String?

    public var refused: Bool { diagnostics.contains { $0.severity == .error } }

    /// `date` (YYYY-MM-DD) goes into the notes of the added labels.
    public init(suggestions: LexiconText, lexicon sources: LexiconSources, date: String) throws {
        let (table, tableProblems) = SuggestionTable.read(suggestions)
        let lexicon = Lexicon.parse(sources).0
        review = SuggestionReview(table, lexicon: lexicon, entitiesPath: sources.entities.path,
                                  labelsPath: sources.labels.path, date: date)
        var diagnostics = tableProblems + review.problems
        guard !diagnostics.contains(where: { $0.severity == .error }), !review.additions.isEmpty else {
            self.diagnostics = diagnostics
            labelsText = nil
            return
        }
        let linter = try LexiconLinter()
        var result = sources
        let appended = AppendedLabels(sources.labels, adding: review.additions, suggestionsPath: suggestions.path)
        result.labels = appended.file
        diagnostics += appended.findings(linter.lint(result))
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            self.diagnostics = diagnostics
            labelsText = nil
            return
        }
        // What is written is linted too: formatting cleans fields, so two labels that differed
        // only in stray spaces would become duplicates.
        let formatted = LexiconFormatter.format(appended.file.tsv, kind: .labels)
        result.labels.text = formatted
        let errors = linter.lint(result).filter { $0.severity == .error }
        self.diagnostics = diagnostics + errors
        labelsText = errors.isEmpty ? formatted : nil
    }
}
