import Testing
import TextNormalization
@testable import SourceDiagnostics

@Suite struct JUnitFormatTests {
    @Test func goldenReport() {
        let expected = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="lexalign validate" tests="2" failures="1" errors="0">
          <testsuite name="lexalign validate" tests="2" failures="1" errors="0">
            <testcase name="Alignments/kabul report/prs-en.tsv" classname="lexalign.validate">
              <failure type="source-text" message="Alignments/kabul report/prs-en.tsv:3:5: error: source text &quot;کابل, ولایت&quot; differs from prs.txt: 40% of letters changed [source-text]">Alignments/kabul report/prs-en.tsv:3:5: error: source text "کابل, ولایت" differs from prs.txt: 40% of letters changed [source-text]
            hint: Copy the sentence from the sentence file, or realign the document.</failure>
              <failure type="low-score" message="Alignments/kabul report/prs-en.tsv:7:9: warning: score 0.12 is below the review threshold 0.30 [low-score]">Alignments/kabul report/prs-en.tsv:7:9: warning: score 0.12 is below the review threshold 0.30 [low-score]
            hint: Check the bead and mark it reviewed or rejected.</failure>
            </testcase>
            <testcase name="Alignments/qosh-tepa/ps-en.tsv" classname="lexalign.validate">
              <system-out>Alignments/qosh-tepa/ps-en.tsv:4:1: note: bead 2-3 joins two Pashto sentences [many-to-one]</system-out>
            </testcase>
          </testsuite>
        </testsuites>
        """# + "\n"
        #expect(DiagnosticRenderer.render(ReportFixtures.mixed, as: .junit) == expected)
    }

    @Test func everyCheckedFileIsATestCaseAndWarningsFail() {
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.warning, at: SourceLocation(path: "b.tsv", line: 2, column: 1), "low", rule: "low-score")],
            checkedFiles: ["a.tsv", "b.tsv", "c.tsv"], rules: [], toolVersion: "0")
        #expect(DiagnosticRenderer.render(report, as: .junit) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="lexalign validate" tests="3" failures="1" errors="0">
              <testsuite name="lexalign validate" tests="3" failures="1" errors="0">
                <testcase name="a.tsv" classname="lexalign.validate"/>
                <testcase name="b.tsv" classname="lexalign.validate">
                  <failure type="low-score" message="b.tsv:2:1: warning: low [low-score]">b.tsv:2:1: warning: low [low-score]</failure>
                </testcase>
                <testcase name="c.tsv" classname="lexalign.validate"/>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func escapingAndCharactersXMLCannotHold() {
        #expect(JUnitDiagnosticFormat.escapeText("a<b>&c\"d'e\tf\ng\rh") == "a&lt;b&gt;&amp;c\"d'e\tf\ng&#13;h")
        #expect(JUnitDiagnosticFormat.escapeAttribute("a<b>&c\"d'e\tf\ng\rh") == "a&lt;b&gt;&amp;c&quot;d'e&#9;f&#10;g&#13;h")
        #expect(JUnitDiagnosticFormat.escapeText("nul\u{0} bell\u{7} vt\u{B} ff\u{C} esc\u{1B} us\u{1F} ok") == "nul bell vt ff esc us ok")
        #expect(JUnitDiagnosticFormat.escapeText("\u{FFFE}\u{FFFF}\u{FFFD}\u{7F}\u{85}کابل 🇦🇫") == "\u{FFFD}\u{7F}\u{85}کابل 🇦🇫")
        #expect(JUnitDiagnosticFormat.escapeText("]]>") == "]]&gt;")
    }

    @Test func multiLineMessageKeepsItsFirstLineAsTheFailureMessage() {
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.error, at: SourceLocation(path: "a.tsv", line: 1, column: 1), "one\ntwo\u{1}", rule: "r")],
            checkedFiles: ["a.tsv"], rules: [], toolVersion: "0")
        let xml = DiagnosticRenderer.render(report, as: .junit)
        #expect(xml.contains(#"<failure type="r" message="a.tsv:1:1: error: one">a.tsv:1:1: error: one"# + "\ntwo [r]</failure>"))
    }
}
