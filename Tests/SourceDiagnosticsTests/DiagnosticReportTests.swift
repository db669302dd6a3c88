import Testing
import TextNormalization
@testable import SourceDiagnostics

@Suite struct DiagnosticReportTests {
    @Test func findingsAreSortedByPlace() {
        let late = Diagnostic(.error, at: SourceLocation(path: "b.tsv", line: 1, column: 1), "x", rule: "r")
        let early = Diagnostic(.warning, at: SourceLocation(path: "a.tsv", line: 9, column: 2), "y", rule: "r")
        let report = DiagnosticReport(diagnostics: [late, early], checkedFiles: ["a.tsv", "b.tsv"], rules: [], toolVersion: "0")
        #expect(report.diagnostics == [early, late])
    }
}
