import TextNormalization
@testable import SourceDiagnostics

/// Reports the format tests render.
enum ReportFixtures {
    static let rules = [
        RuleDescription(
            id: "bead-order", defaultSeverity: .error,
            summary: "Beads cover every sentence once, in order.",
            hint: "Rerun lexalign align, or renumber the beads by hand."),
        RuleDescription(
            id: "source-text", defaultSeverity: .error,
            summary: "A bead's source text is the text of the sentences it names.",
            hint: "Copy the sentence from the sentence file, or realign the document."),
        RuleDescription(
            id: "low-score", defaultSeverity: .warning,
            summary: "An automatic bead scored below the review threshold.",
            hint: "Check the bead and mark it reviewed or rejected."),
        RuleDescription(id: "many-to-one", defaultSeverity: .note, summary: "A bead joins several sentences.", hint: ""),
    ]

    static let spacedPath = "Alignments/kabul report/prs-en.tsv"
    static let plainPath = "Alignments/qosh-tepa/ps-en.tsv"

    /// Two files, an error, a warning and a note; a path with a space; a message with a quote, a
    /// comma, a colon, a percent sign and Dari text.
    static let mixed = DiagnosticReport(
        diagnostics: [
            Diagnostic(.note, at: SourceLocation(path: plainPath, line: 4, column: 1), "bead 2-3 joins two Pashto sentences", rule: "many-to-one"),
            Diagnostic(.warning, at: SourceLocation(path: spacedPath, line: 7, column: 9), "score 0.12 is below the review threshold 0.30", rule: "low-score"),
            Diagnostic(.error, at: SourceLocation(path: spacedPath, line: 3, column: 5), "source text \"کابل, ولایت\" differs from prs.txt: 40% of letters changed", rule: "source-text"),
        ],
        checkedFiles: [spacedPath, plainPath],
        rules: rules,
        toolVersion: "0.4.0")

    static let empty = DiagnosticReport(diagnostics: [], checkedFiles: [], rules: [], toolVersion: "0.4.0")

    static let clean = DiagnosticReport(diagnostics: [], checkedFiles: ["a.tsv", "b.tsv", "c.tsv"], rules: rules, toolVersion: "0.4.0")
}
