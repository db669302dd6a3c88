import SourceDiagnostics

extension AlignmentRules {
    public static let fieldCount = ReaderRule(description: RuleDescription(
        id: "field-count", defaultSeverity: .error,
        summary: "A line has the wrong number of tab-separated fields.",
        hint: "Give each line exactly the fields its file defines, separated by single tabs."))
}
