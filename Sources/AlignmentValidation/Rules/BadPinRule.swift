import SourceDiagnostics

extension AlignmentRules {
    public static let badPin = ReaderRule(description: RuleDescription(
        id: "bad-pin", defaultSeverity: .error,
        summary: "A source or target pin is malformed or repeated.",
        hint: "Write each pin once as `# source: FILE sha256=HEX` (64 lowercase hex digits); `lexalign align --presplit -o` writes them."))
}
