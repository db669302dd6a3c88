import Foundation
import FoundationXML
import Testing
import TextNormalization
@testable import SourceDiagnostics

/// The JUnit output read back with an XML parser: well-formed, and attributes and text decode to
/// what was written.
@Suite struct JUnitXMLParseTests {
    /// Elements in document order: name, attributes, and the character data directly inside.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            open.append(elements.count)
            elements.append((name, attributes, ""))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
    }

    private func parse(_ xml: String) throws -> Collector {
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        let parsed = parser.parse()
        try #require(parsed, "\(parser.parserError.map(String.init(describing:)) ?? "")")
        return collector
    }

    @Test func goldenReportParses() throws {
        let elements = try parse(DiagnosticRenderer.render(ReportFixtures.mixed, as: .junit)).elements
        #expect(elements.map(\.name) == ["testsuites", "testsuite", "testcase", "failure", "testcase", "failure",
                                          "testsuite", "testcase", "system-out"])
        #expect(elements[0].attributes == ["name": "lexalign validate", "tests": "3", "failures": "2", "errors": "0"])
        #expect(elements[1].attributes["name"] == ReportFixtures.spacedPath)
        #expect(elements[2].attributes["classname"] == ReportFixtures.spacedPath)
        #expect(elements[3].attributes["type"] == "source-text")
        #expect(elements[3].attributes["message"] == ReportFixtures.mixed.diagnostics[0].description)
        #expect(elements[6].attributes["name"] == ReportFixtures.plainPath)
        #expect(elements[8].text == ReportFixtures.mixed.diagnostics[2].description)
    }

    @Test func awkwardTextSurvivesOrIsDropped() throws {
        let path = "a <b> & \"c\" 'd'\t.tsv"
        let message = "x\u{1}y & <z> \"q\" 50%\rکابل"
        let report = DiagnosticReport(
            diagnostics: [
                Diagnostic(.error, at: SourceLocation(path: path, line: 1, column: 1), message, rule: "r&<"),
                Diagnostic(.note, at: SourceLocation(path: path, line: 2, column: 1), "]]> \u{FFFF}", rule: "n"),
            ],
            checkedFiles: [path], rules: [], toolVersion: "0")
        let elements = try parse(DiagnosticRenderer.render(report, as: .junit)).elements
        #expect(elements.map(\.name) == ["testsuites", "testsuite", "testcase", "failure", "testcase", "system-out"])
        #expect(elements[1].attributes["name"] == path)
        #expect(elements[2].attributes["classname"] == path)
        #expect(elements[2].attributes["name"] == "1:1 r&<")
        #expect(elements[3].attributes["type"] == "r&<")
        // Control characters are escaped in the finding itself (the tab of the path too); what XML
        // cannot hold (U+FFFF) is dropped.
        let shownPath = path.replacingOccurrences(of: "\t", with: "\\x09")
        #expect(elements[3].attributes["message"] == "\(shownPath):1:1: error: x\\x01y & <z> \"q\" 50%\\x0Dکابل [r&<]")
        #expect(elements[3].text == "\(shownPath):1:1: error: x\\x01y & <z> \"q\" 50%\\x0Dکابل [r&<]")
        #expect(elements[5].text == "\(shownPath):2:1: note: ]]>  [n]")
    }
}
