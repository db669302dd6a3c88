import Testing
import TextNormalization
@testable import SourceDiagnostics

@Suite struct JUnitFormatTests {
    @Test func goldenReport() {
        let expected = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="lexalign validate" tests="3" failures="2" errors="0">
          <testsuite name="Alignments/kabul report/prs-en.tsv" tests="2" failures="2" errors="0">
            <testcase name="3:5 source-text" classname="Alignments/kabul report/prs-en.tsv">
              <failure type="source-text" message="Alignments/kabul report/prs-en.tsv:3:5: error: source text &quot;کابل, ولایت&quot; differs from prs.txt: 40% of letters changed [source-text]">Alignments/kabul report/prs-en.tsv:3:5: error: source text "کابل, ولایت" differs from prs.txt: 40% of letters changed [source-text]
            hint: Copy the sentence from the sentence file, or realign the document.</failure>
            </testcase>
            <testcase name="7:9 low-score" classname="Alignments/kabul report/prs-en.tsv">
              <failure type="low-score" message="Alignments/kabul report/prs-en.tsv:7:9: warning: score 0.12 is below the review threshold 0.30 [low-score]">Alignments/kabul report/prs-en.tsv:7:9: warning: score 0.12 is below the review threshold 0.30 [low-score]
            hint: Check the bead and mark it reviewed or rejected.</failure>
            </testcase>
          </testsuite>
          <testsuite name="Alignments/qosh-tepa/ps-en.tsv" tests="1" failures="0" errors="0">
            <testcase name="4:1 many-to-one" classname="Alignments/qosh-tepa/ps-en.tsv">
              <system-out>Alignments/qosh-tepa/ps-en.tsv:4:1: note: bead 2-3 joins two Pashto sentences [many-to-one]</system-out>
            </testcase>
          </testsuite>
        </testsuites>
        """# + "\n"
        #expect(DiagnosticRenderer.render(ReportFixtures.mixed, as: .junit) == expected)
    }

    /// Each finding is its own test case with one failure; a clean file is one passing case;
    /// repeated names get a count.
    @Test func aTestCasePerFindingAndCleanFilesPass() {
        let place = SourceLocation(path: "b.tsv", line: 2, column: 1)
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.warning, at: place, "low", rule: "low-score"), Diagnostic(.warning, at: place, "lower", rule: "low-score")],
            checkedFiles: ["a.tsv", "b.tsv"], rules: [], toolVersion: "0")
        #expect(DiagnosticRenderer.render(report, as: .junit) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="lexalign validate" tests="3" failures="2" errors="0">
              <testsuite name="a.tsv" tests="1" failures="0" errors="0">
                <testcase name="no findings" classname="a.tsv"/>
              </testsuite>
              <testsuite name="b.tsv" tests="2" failures="2" errors="0">
                <testcase name="2:1 low-score" classname="b.tsv">
                  <failure type="low-score" message="b.tsv:2:1: warning: low [low-score]">b.tsv:2:1: warning: low [low-score]</failure>
                </testcase>
                <testcase name="2:1 low-score (2)" classname="b.tsv">
                  <failure type="low-score" message="b.tsv:2:1: warning: lower [low-score]">b.tsv:2:1: warning: lower [low-score]</failure>
                </testcase>
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

    /// Control characters in a message are shown escaped, so a finding stays one line.
    @Test func controlCharactersInAMessageAreEscaped() {
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.error, at: SourceLocation(path: "a.tsv", line: 1, column: 1), "one\ntwo\u{1}", rule: "r")],
            checkedFiles: ["a.tsv"], rules: [], toolVersion: "0")
        let xml = DiagnosticRenderer.render(report, as: .junit)
        #expect(xml.contains(#"<failure type="r" message="a.tsv:1:1: error: one\x0Atwo\x01 [r]">a.tsv:1:1: error: one\x0Atwo\x01 [r]</failure>"#))
    }
}
