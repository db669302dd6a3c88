import Foundation
import Testing
import TextNormalization
@testable import SourceDiagnostics

@Suite struct JSONFormatTests {
    @Test func goldenReport() {
        let expected = #"""
        {"version":"0.4.0","files":2,"summary":{"errors":1,"warnings":1,"notes":1},"diagnostics":[\#
        {"path":"Alignments/kabul report/prs-en.tsv","line":3,"column":5,"severity":"error","rule":"source-text",\#
        "message":"source text \"کابل, ولایت\" differs from prs.txt: 40% of letters changed",\#
        "hint":"Copy the sentence from the sentence file, or realign the document."},\#
        {"path":"Alignments/kabul report/prs-en.tsv","line":7,"column":9,"severity":"warning","rule":"low-score",\#
        "message":"score 0.12 is below the review threshold 0.30","hint":"Check the bead and mark it reviewed or rejected."},\#
        {"path":"Alignments/qosh-tepa/ps-en.tsv","line":4,"column":1,"severity":"note","rule":"many-to-one",\#
        "message":"bead 2-3 joins two Pashto sentences"}]}
        """# + "\n"
        #expect(DiagnosticRenderer.render(ReportFixtures.mixed, as: .json) == expected)
    }

    @Test func parsesAndCarriesEveryField() throws {
        let text = DiagnosticRenderer.render(ReportFixtures.mixed, as: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "0.4.0")
        #expect(document["files"] as? Int == 2)
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["errors": 1, "warnings": 1, "notes": 1])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 3)
        for (object, diagnostic) in zip(diagnostics, ReportFixtures.mixed.diagnostics) {
            #expect(object["path"] as? String == diagnostic.location.path)
            #expect(object["line"] as? Int == diagnostic.location.line)
            #expect(object["column"] as? Int == diagnostic.location.column)
            #expect(object["severity"] as? String == diagnostic.severity.rawValue)
            #expect(object["rule"] as? String == diagnostic.ruleID)
            #expect(object["message"] as? String == diagnostic.message)
        }
        #expect(diagnostics[0]["hint"] as? String == ReportFixtures.rules[1].hint)
        #expect(diagnostics[2]["hint"] == nil)
    }

    @Test func stringsRoundTripThroughAJSONReader() throws {
        let awkward = "q\"b\\s/ nul\u{0} bell\u{7} tab\t lf\n cr\r us\u{1F} del\u{7F} nbsp\u{A0} ls\u{2028} کابل ښار 🇦🇫 e\u{301}"
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.error, at: SourceLocation(path: awkward, line: 1, column: 1), awkward, rule: "r")],
            checkedFiles: [awkward], rules: [], toolVersion: awkward)
        let text = DiagnosticRenderer.render(report, as: .json)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let diagnostic = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        // Compared scalar by scalar: String == would accept a canonically equivalent rewrite.
        #expect((document["version"] as? String).map { Array($0.unicodeScalars) } == Array(awkward.unicodeScalars))
        #expect((diagnostic["message"] as? String).map { Array($0.unicodeScalars) } == Array(awkward.unicodeScalars))
        #expect((diagnostic["path"] as? String).map { Array($0.unicodeScalars) } == Array(awkward.unicodeScalars))
    }

    @Test func controlCharactersAreUnicodeEscapes() {
        var out = ""
        JSONValue.writeString("a\u{0}\t\n\r\u{1B}\u{1F} \"\\ کابل\u{7F}", to: &out)
        #expect(out == "\"a\\u0000\\u0009\\u000a\\u000d\\u001b\\u001f \\\"\\\\ کابل\u{7F}\"")
    }

    @Test func isOneLine() {
        let text = DiagnosticRenderer.render(ReportFixtures.mixed, as: .json)
        #expect(text.unicodeScalars.filter { $0 == "\n" }.count == 1)
        #expect(text.unicodeScalars.last == "\n")
    }
}
