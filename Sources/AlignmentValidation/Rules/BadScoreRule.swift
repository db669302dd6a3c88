import SourceDiagnostics

extension AlignmentRules {
    public static let badScore = ReaderRule(description: RuleDescription(
        id: "bad-score", defaultSeverity: .error,
        summary: "A score is not a number in [0,1].",
        hint: "Write the score as a decimal between 0 and 1; `lexalign align rescore FILE` recomputes every score."))
}
