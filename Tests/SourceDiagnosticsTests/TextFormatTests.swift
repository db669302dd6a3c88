import Testing
import TextNormalization
@testable import SourceDiagnostics

@Suite struct TextFormatTests {
    @Test func goldenReport() {
        let expected = #"""
        Alignments/kabul report/prs-en.tsv:3:5: error: source text "کابل, ولایت" differs from prs.txt: 40% of letters changed [source-text]
            hint: Copy the sentence from the sentence file, or realign the document.
        Alignments/kabul report/prs-en.tsv:7:9: warning: score 0.12 is below the review threshold 0.30 [low-score]
            hint: Check the bead and mark it reviewed or rejected.
        Alignments/qosh-tepa/ps-en.tsv:4:1: note: bead 2-3 joins two Pashto sentences [many-to-one]
        1 error, 1 warning, 1 note in 2 of 2 files
        """# + "\n"
        #expect(DiagnosticRenderer.render(ReportFixtures.mixed, as: .text) == expected)
    }

    @Test func cleanReportSaysSo() {
        #expect(DiagnosticRenderer.render(ReportFixtures.clean, as: .text) == "no problems in 3 files\n")
    }

    /// (severities of the findings, their files, checked files) -> summary line.
    @Test(arguments: [
        ([Severity](), [String](), 1, "no problems in 1 file"),
        ([], [], 0, "no problems in 0 files"),
        ([.error], ["a"], 1, "1 error in 1 of 1 file"),
        ([.error, .error, .error, .warning], ["a", "b", "a", "b"], 5, "3 errors, 1 warning in 2 of 5 files"),
        ([.warning, .warning], ["a", "a"], 2, "2 warnings in 1 of 2 files"),
        ([.note], ["a"], 3, "1 note in 1 of 3 files"),
        ([.error, .note, .note], ["a", "b", "c"], 3, "1 error, 2 notes in 3 of 3 files"),
    ] as [([Severity], [String], Int, String)])
    func summaryLine(severities: [Severity], paths: [String], checked: Int, expected: String) {
        let diagnostics = zip(severities, paths).map { severity, path in
            Diagnostic(severity, at: SourceLocation(path: path, line: 1, column: 1), "m", rule: "r")
        }
        let files = ["a", "b", "c", "d", "e"].prefix(checked)
        let report = DiagnosticReport(diagnostics: diagnostics, checkedFiles: Array(files), rules: [], toolVersion: "0")
        #expect(TextDiagnosticFormat.summary(report) == expected)
    }

    @Test func findingOutsideTheCheckedFilesStillCountsItsFile() {
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.error, at: SourceLocation(path: "-", line: 1, column: 1), "m", rule: "r")],
            checkedFiles: [], rules: [], toolVersion: "0")
        #expect(TextDiagnosticFormat.summary(report) == "1 error in 1 of 1 file")
    }

    @Test func noHintLineForAnUnknownRuleOrABlankHint() {
        let report = DiagnosticReport(
            diagnostics: [
                Diagnostic(.error, at: SourceLocation(path: "a", line: 1, column: 2), "m", rule: "unknown"),
                Diagnostic(.error, at: SourceLocation(path: "a", line: 2, column: 2), "m", rule: "blank"),
            ],
            checkedFiles: ["a"],
            rules: [RuleDescription(id: "blank", defaultSeverity: .error, summary: "s", hint: "  ")],
            toolVersion: "0")
        #expect(DiagnosticRenderer.render(report, as: .text) == """
            a:1:2: error: m [unknown]
            a:2:2: error: m [blank]
            2 errors in 1 of 1 file

            """)
    }
}
