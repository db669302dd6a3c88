import SourceDiagnostics

extension AlignmentRules {
    /// The reader warns when a bead file has a column header but no source or target pin.
    public static let missingPin = ReaderRule(description: RuleDescription(
        id: "missing-pin", defaultSeverity: .warning,
        summary: "A bead file has no source or target pin, so a changed sentence file goes unnoticed.",
        hint: "Align with `lexalign align --presplit -o <document>/<pair>.tsv`, which writes both pins, "
            + "or add `# source: FILE sha256=HEX` lines."))
}
