import SourceDiagnostics

extension AlignmentRules {
    public static let missingHeader = ReaderRule(description: RuleDescription(
        id: "missing-header", defaultSeverity: .error,
        summary: "The bead file has no column header, or its first non-comment line is not it.",
        hint: "Start the table with the line src<TAB>tgt<TAB>score<TAB>status<TAB>src_text<TAB>tgt_text "
            + "after the pins."))
}
