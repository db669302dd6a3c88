import SourceDiagnostics

extension AlignmentRules {
    public static let emptyBead = ReaderRule(description: RuleDescription(
        id: "empty-bead", defaultSeverity: .error,
        summary: "A bead has no sentence on either side.",
        hint: "Delete the line: every bead pairs at least one sentence."))
}
