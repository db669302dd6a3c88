import SourceDiagnostics

extension AlignmentRules {
    public static let badRef = ReaderRule(description: RuleDescription(
        id: "bad-ref", defaultSeverity: .error,
        summary: "A ref is not a line number, a range a-b with a <= b, or -.",
        hint: "Refer to sentence lines 1-based: 3, 2-4, or - for an empty side."))
}
