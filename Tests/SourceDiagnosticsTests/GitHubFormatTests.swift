import Testing
import TextNormalization
@testable import SourceDiagnostics

@Suite struct GitHubFormatTests {
    @Test func goldenReport() {
        let expected = #"""
        ::error file=Alignments/kabul report/prs-en.tsv,line=3,col=5,title=source-text::source text "کابل, ولایت" differs from prs.txt: 40%25 of letters changed
        ::warning file=Alignments/kabul report/prs-en.tsv,line=7,col=9,title=low-score::score 0.12 is below the review threshold 0.30
        ::notice file=Alignments/qosh-tepa/ps-en.tsv,line=4,col=1,title=many-to-one::bead 2-3 joins two Pashto sentences
        Alignments/kabul report/prs-en.tsv:3:5: error: source text "کابل, ولایت" differs from prs.txt: 40% of letters changed [source-text]
            hint: Copy the sentence from the sentence file, or realign the document.
        Alignments/kabul report/prs-en.tsv:7:9: warning: score 0.12 is below the review threshold 0.30 [low-score]
            hint: Check the bead and mark it reviewed or rejected.
        Alignments/qosh-tepa/ps-en.tsv:4:1: note: bead 2-3 joins two Pashto sentences [many-to-one]
        1 error, 1 warning, 1 note in 2 of 2 files
        """# + "\n"
        #expect(DiagnosticRenderer.render(ReportFixtures.mixed, as: .github) == expected)
    }

    @Test func escapingFollowsTheRunner() {
        #expect(GitHubDiagnosticFormat.escapeData("50% a:b, c\r\nd") == "50%25 a:b, c%0D%0Ad")
        #expect(GitHubDiagnosticFormat.escapeProperty("50% a:b, c\r\nd") == "50%25 a%3Ab%2C c%0D%0Ad")
        #expect(GitHubDiagnosticFormat.escapeProperty("%3A") == "%253A")
        #expect(GitHubDiagnosticFormat.escapeProperty("کابل/الف.tsv") == "کابل/الف.tsv")
    }

    @Test func everyCommandIsOneLineWithEscapedProperties() {
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.warning, at: SourceLocation(path: "a,b:c.tsv", line: 2, column: 3), "x\ny", rule: "r:1,2")],
            checkedFiles: ["a,b:c.tsv"], rules: [], toolVersion: "0")
        let first = DiagnosticRenderer.render(report, as: .github).split(separator: "\n").first
        #expect(first == "::warning file=a%2Cb%3Ac.tsv,line=2,col=3,title=r%3A1%2C2::x%0Ay")
    }

    /// A message cannot start a line (line breaks in it are escaped), but a path can: a file named
    /// like a workflow command is fenced off so the runner does not execute it.
    @Test func textListThatCouldCarryCommandsIsFenced() {
        let path = "::add-mask::x lexalign-text-list.tsv"
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.error, at: SourceLocation(path: path, line: 1, column: 1), "cell holds\nmore", rule: "r")],
            checkedFiles: [path], rules: [], toolVersion: "0")
        #expect(DiagnosticRenderer.render(report, as: .github) == """
            ::error file=%3A%3Aadd-mask%3A%3Ax lexalign-text-list.tsv,line=1,col=1,title=r::cell holds%0Amore
            ::stop-commands::lexalign-text-list-2
            ::add-mask::x lexalign-text-list.tsv:1:1: error: cell holds\\x0Amore [r]
            1 error in 1 of 1 file
            ::lexalign-text-list-2::

            """)
    }

    @Test(arguments: [
        ("a.tsv:1:1: error: m [r]\n1 error in 1 of 1 file\n", false),
        ("a:1:1: error: x\n  ::warning::y [r]\n", true),
        ("a:1:1: error: x\r::warning::y [r]\n", true),
        ("a:1:1: error: see ##[error]x [r]\n", true),
        ("a:1:1: error: a::b [r]\n", false),
    ])
    func linesThatCouldBeCommands(text: String, couldBe: Bool) {
        #expect(GitHubDiagnosticFormat.couldHoldCommands(text) == couldBe)
    }
}
