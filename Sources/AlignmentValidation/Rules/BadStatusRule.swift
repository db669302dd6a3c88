import SourceDiagnostics

extension AlignmentRules {
    public static let badStatus = ReaderRule(description: RuleDescription(
        id: "bad-status", defaultSeverity: .error,
        summary: "A status is not auto, reviewed or rejected.",
        hint: "Use auto (unchecked), reviewed (confirmed by a person) or rejected."))
}
