import Foundation
import Testing
import TextNormalization
@testable import SourceDiagnostics

@Suite struct SARIFFormatTests {
    @Test func goldenReport() {
        let expected = #"""
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "lexalign",
                  "version": "0.4.0",
                  "rules": [
                    {
                      "id": "bead-order",
                      "shortDescription": {
                        "text": "Beads cover every sentence once, in order."
                      },
                      "help": {
                        "text": "Rerun lexalign align, or renumber the beads by hand."
                      },
                      "defaultConfiguration": {
                        "level": "error"
                      }
                    },
                    {
                      "id": "source-text",
                      "shortDescription": {
                        "text": "A bead's source text is the text of the sentences it names."
                      },
                      "help": {
                        "text": "Copy the sentence from the sentence file, or realign the document."
                      },
                      "defaultConfiguration": {
                        "level": "error"
                      }
                    },
                    {
                      "id": "low-score",
                      "shortDescription": {
                        "text": "An automatic bead scored below the review threshold."
                      },
                      "help": {
                        "text": "Check the bead and mark it reviewed or rejected."
                      },
                      "defaultConfiguration": {
                        "level": "warning"
                      }
                    },
                    {
                      "id": "many-to-one",
                      "shortDescription": {
                        "text": "A bead joins several sentences."
                      },
                      "defaultConfiguration": {
                        "level": "note"
                      }
                    }
                  ]
                }
              },
              "columnKind": "unicodeCodePoints",
              "results": [
                {
                  "ruleId": "source-text",
                  "ruleIndex": 1,
                  "level": "error",
                  "message": {
                    "text": "source text \"کابل, ولایت\" differs from prs.txt: 40% of letters changed"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "Alignments/kabul%20report/prs-en.tsv"
                        },
                        "region": {
                          "startLine": 3,
                          "startColumn": 5
                        }
                      }
                    }
                  ]
                },
                {
                  "ruleId": "low-score",
                  "ruleIndex": 2,
                  "level": "warning",
                  "message": {
                    "text": "score 0.12 is below the review threshold 0.30"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "Alignments/kabul%20report/prs-en.tsv"
                        },
                        "region": {
                          "startLine": 7,
                          "startColumn": 9
                        }
                      }
                    }
                  ]
                },
                {
                  "ruleId": "many-to-one",
                  "ruleIndex": 3,
                  "level": "note",
                  "message": {
                    "text": "bead 2-3 joins two Pashto sentences"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "Alignments/qosh-tepa/ps-en.tsv"
                        },
                        "region": {
                          "startLine": 4,
                          "startColumn": 1
                        }
                      }
                    }
                  ]
                }
              ],
              "artifacts": [
                {
                  "location": {
                    "uri": "Alignments/kabul%20report/prs-en.tsv"
                  }
                },
                {
                  "location": {
                    "uri": "Alignments/qosh-tepa/ps-en.tsv"
                  }
                }
              ]
            }
          ]
        }
        """# + "\n"
        #expect(DiagnosticRenderer.render(ReportFixtures.mixed, as: .sarif) == expected)
    }

    /// Every property SARIF 2.1.0 requires on the objects written (sarifLog: version, runs; run:
    /// tool; toolComponent: name; reportingDescriptor: id; message: text; multiformatMessageString:
    /// text), plus the ones code scanning relies on, read back with a JSON reader.
    @Test func carriesEveryRequiredField() throws {
        let report = ReportFixtures.mixed
        let log = try object(DiagnosticRenderer.render(report, as: .sarif))
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")

        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "lexalign")
        #expect(driver["version"] as? String == "0.4.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == report.rules.map(\.id))
        for (rule, described) in zip(rules, report.rules) {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == described.summary)
            #expect((rule["help"] as? [String: Any])?["text"] as? String == described.nonEmptyHint)
            #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == described.defaultSeverity.rawValue)
        }

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.diagnostics.count)
        for (result, diagnostic) in zip(results, report.diagnostics) {
            #expect(result["ruleId"] as? String == diagnostic.ruleID)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == diagnostic.ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String))
            #expect(result["level"] as? String == diagnostic.severity.rawValue)
            #expect((result["message"] as? [String: Any])?["text"] as? String == diagnostic.message)
            let locations = try #require(result["locations"] as? [[String: Any]])
            try #require(locations.count == 1)
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(uri == SARIFDiagnosticFormat.uri(forPath: diagnostic.location.path))
            #expect(URL(string: uri) != nil)
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == diagnostic.location.line)
            #expect(region["startColumn"] as? Int == diagnostic.location.column)
        }
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == report.checkedFiles.count)
    }

    @Test func resultOfARuleOutsideTheTableHasNoRuleIndex() throws {
        let report = DiagnosticReport(
            diagnostics: [Diagnostic(.warning, at: SourceLocation(path: "a.tsv", line: 1, column: 1), "m", rule: "unlisted")],
            checkedFiles: ["a.tsv"], rules: ReportFixtures.rules, toolVersion: "0")
        let log = try object(DiagnosticRenderer.render(report, as: .sarif))
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "unlisted")
        #expect(result["ruleIndex"] == nil)
    }

    @Test(arguments: [
        ("Alignments/kabul/prs-en.tsv", "Alignments/kabul/prs-en.tsv"),
        ("Alignments/kabul report/prs-en.tsv", "Alignments/kabul%20report/prs-en.tsv"),
        ("../shared/a-b_c.~(1)!$&'*+,;=@.tsv", "../shared/a-b_c.~(1)!$&'*+,;=@.tsv"),
        ("کابل/prs.tsv", "%DA%A9%D8%A7%D8%A8%D9%84/prs.tsv"),
        ("50%.tsv", "50%25.tsv"),
        ("a#b?c.tsv", "a%23b%3Fc.tsv"),
        ("c:x.tsv", "c%3Ax.tsv"),
        ("dir\\name\t[1]{2}<3>|\"^`.tsv", "dir%5Cname%09%5B1%5D%7B2%7D%3C3%3E%7C%22%5E%60.tsv"),
        ("/home/ci/a b:c.tsv", "file:///home/ci/a%20b:c.tsv"),
        ("-", "-"),
    ])
    func pathsBecomeURIReferences(path: String, uri: String) {
        #expect(SARIFDiagnosticFormat.uri(forPath: path) == uri)
    }

    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
