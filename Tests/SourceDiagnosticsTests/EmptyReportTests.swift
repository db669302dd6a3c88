import Foundation
import Testing
@testable import SourceDiagnostics

@Suite struct EmptyReportTests {
    static let expected: [DiagnosticFormat: String] = [
        .text: "no problems in 0 files\n",
        .json: #"{"version":"0.4.0","files":0,"summary":{"errors":0,"warnings":0,"notes":0},"diagnostics":[]}"# + "\n",
        .github: "no problems in 0 files\n",
        .sarif: """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "lexalign",
                      "version": "0.4.0",
                      "rules": []
                    }
                  },
                  "columnKind": "unicodeCodePoints",
                  "results": [],
                  "artifacts": []
                }
              ]
            }

            """,
        .junit: """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="lexalign validate" tests="0" failures="0" errors="0">
            </testsuites>

            """,
    ]

    @Test(arguments: DiagnosticFormat.allCases)
    func emptyReport(format: DiagnosticFormat) {
        #expect(DiagnosticRenderer.render(ReportFixtures.empty, as: format) == Self.expected[format])
    }

    @Test(arguments: [DiagnosticFormat.json, .sarif])
    func emptyReportIsStillAJSONDocument(format: DiagnosticFormat) throws {
        let text = DiagnosticRenderer.render(ReportFixtures.empty, as: format)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test func cleanFilesAreCountedInEveryFormat() throws {
        let report = ReportFixtures.clean
        #expect(DiagnosticRenderer.render(report, as: .github) == "no problems in 3 files\n")
        #expect(DiagnosticRenderer.render(report, as: .json).hasPrefix(#"{"version":"0.4.0","files":3,"#))
        #expect(DiagnosticRenderer.render(report, as: .junit).contains(#"<testcase name="no findings" classname="c.tsv"/>"#))
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticRenderer.render(report, as: .sarif).utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect((run["artifacts"] as? [Any])?.count == 3)
        #expect((run["results"] as? [Any])?.count == 0)
    }
}
