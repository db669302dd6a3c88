import SourceDiagnostics

extension AlignmentRules {
    public static let badPin = ReaderRule(description: RuleDescription(
        id: "bad-pin", defaultSeverity: .error,
        summary: "A source or target pin is malformed, repeated, or names a file outside the bead file's folder.",
        hint: "Write each pin once as `# source: FILE sha256=HEX` (64 lowercase hex digits), FILE relative to the bead "
            + "file's folder and inside it; `lexalign align --presplit -o` writes them."))
}
