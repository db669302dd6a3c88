import Foundation
import Testing

/// `lexalign validate` over the shipped data and the rule fixtures: exit status, exact output.
@Suite("lexalign validate")
struct ValidateCommandTests {
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
    static let fixtures = repository + "/Tests/AlignmentValidationTests/Fixtures"
    static let ruleNames = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).filter { $0 != "clean" && !$0.hasPrefix(".") }.sorted()

    @Test func theShippedDataIsClean() throws {
        let outcome = try CLIRunner.run(["validate", "--strict", "--realign", "Lexicons", "Alignments"], in: URL(fileURLWithPath: Self.repository))
        #expect(outcome == CLIRunner.Outcome(stdout: Data("no problems in 10 files\n".utf8), stderr: "", status: 0))
        let defaults = try CLIRunner.run(["validate"], in: URL(fileURLWithPath: Self.repository))
        #expect(defaults.status == 0)
    }

    @Test(arguments: ruleNames)
    func eachBrokenFixtureFails(rule: String) throws {
        let folder = Self.fixtures + "/" + rule
        let outcome = try CLIRunner.run(["validate", "--strict"] + (rule == "realign-disagrees" ? ["--realign"] : []) + ["."], in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 1)
        let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
        let findings = outcome.output.split(separator: "\n").filter { !$0.hasPrefix("    hint: ") }.dropLast()
        #expect(findings.map { $0 + "\n" }.joined() == expected)
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let folder = URL(fileURLWithPath: Self.fixtures + "/line-end")
        #expect(try CLIRunner.run(["validate", "."], in: folder).status == 0)
        #expect(try CLIRunner.run(["validate", "--strict", "."], in: folder).status == 1)
    }

    @Test func textFormatWithHintsAndSummary() throws {
        let outcome = try CLIRunner.run(["validate", "prs-en.tsv"], in: URL(fileURLWithPath: Self.fixtures + "/stale-pin"))
        #expect(outcome == CLIRunner.Outcome(stdout: Data("""
            prs-en.tsv:2:25: error: en.txt changed after it was aligned (pinned sha256 616f08005c79…, now 29c3afd82125…) [stale-pin]
                hint: Re-align the changed file (`lexalign align --presplit ... -o`) and review the beads again, or undo the edit.
            1 error in 1 of 1 file

            """.utf8), stderr: "", status: 1))
    }

    @Test func githubFormat() throws {
        let outcome = try CLIRunner.run(["validate", "--format", "github", "prs-en.tsv"], in: URL(fileURLWithPath: Self.fixtures + "/bad-score"))
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("::error file=prs-en.tsv,line=5,col=5,title=bad-score::score `1.5` is not a number in [0,1]\n"))
        #expect(outcome.output.contains("\nprs-en.tsv:5:5: error: score `1.5` is not a number in [0,1] [bad-score]\n"))
    }

    @Test func sarifCarriesTheRequiredFields() throws {
        let outcome = try CLIRunner.run(["validate", "--format", "sarif", "prs-en.tsv"], in: URL(fileURLWithPath: Self.fixtures + "/coverage"))
        #expect(outcome.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "lexalign")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 6)
        #expect(results.allSatisfy { ($0["message"] as? [String: Any])?["text"] is String && $0["ruleId"] is String })
    }

    @Test func junitHasASuitePerFileAndACasePerFinding() throws {
        let clean = try CLIRunner.run(["validate", "--format", "junit", "Lexicons", "Alignments"], in: URL(fileURLWithPath: Self.repository))
        #expect(clean.status == 0)
        #expect(clean.output.components(separatedBy: "<testsuite ").count - 1 == 10)
        #expect(clean.output.components(separatedBy: "<testcase name=\"no findings\"").count - 1 == 10)
        #expect(!clean.output.contains("<failure"))
        // Six coverage findings in one file: six test cases, each with its one failure.
        let broken = try CLIRunner.run(["validate", "--format", "junit", "prs-en.tsv"], in: URL(fileURLWithPath: Self.fixtures + "/coverage"))
        #expect(broken.status == 1)
        #expect(broken.output.contains(#"<testsuite name="prs-en.tsv" tests="6" failures="6" errors="0">"#))
        #expect(broken.output.components(separatedBy: "<testcase ").count - 1 == 6)
        #expect(broken.output.components(separatedBy: "<failure ").count - 1 == 6)
    }

    @Test func fixCopiesTextAndLineEndsButNoRefs() throws {
        let scratch = try Scratch()
        for name in ["prs.txt", "en.txt"] {
            _ = try scratch.file(name, try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/text-mismatch/" + name)).map { $0 })
        }
        let broken = try String(contentsOfFile: Self.fixtures + "/text-mismatch/prs-en.tsv", encoding: .utf8)
        let path = try scratch.file("prs-en.tsv", broken.replacingOccurrences(of: "\n", with: "\r\n"))
        let outcome = try CLIRunner.run(["validate", "--fix", "--strict", "."], in: scratch.directory)
        #expect(outcome.stderr == """
            prs-en.tsv:1:90: fixed: CRLF line end made LF [line-end]
            prs-en.tsv:2:89: fixed: CRLF line end made LF [line-end]
            prs-en.tsv:3:39: fixed: CRLF line end made LF [line-end]
            prs-en.tsv:4:95: fixed: CRLF line end made LF [line-end]
            prs-en.tsv:5:85: fixed: CRLF line end made LF [line-end]
            prs-en.tsv:6:58: fixed: tgt_text copied from the sentence file [text-mismatch]
            prs-en.tsv:6:86: fixed: CRLF line end made LF [line-end]
            prs-en.tsv:7:72: fixed: CRLF line end made LF [line-end]

            """)
        #expect(outcome == CLIRunner.Outcome(stdout: Data("no problems in 1 file\n".utf8), stderr: outcome.stderr, status: 0))
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(fixed == broken.replacingOccurrences(of: "The Taliban want more trade.", with: "The Taliban want to increase trade."))
    }

    /// Corruptions of a shipped document: each makes validate exit 1 naming the file and line.
    @Test(arguments: [
        ("en.txt", "Qosh Tepa", "Qush Tepa", "prs-en.tsv:2:25: error: en.txt changed after it was aligned"),
        // Commenting a bead out drops it: its sentences are then in no bead.
        ("prs-en.tsv", "\n5\t6\t", "\n# 5\t6\t", "prs-en.tsv:9:1: error: gap: source line 5 is in no bead"),
        ("prs-en.tsv", "\n5\t6\t", "\n5-\t6\t", "prs-en.tsv:8:1: error: bad source ref `5-`"),
        ("prs-en.tsv", "\n5\t6\t0.", "\n5\t6\t1.", "prs-en.tsv:8:5: error: score `1."),
        ("prs-en.tsv", "\treviewed\t", "\tapproved\t", "prs-en.tsv:4:"),
    ])
    func corruptingAShippedDocumentFails(file: String, find: String, replace: String, expected: String) throws {
        let scratch = try Scratch()
        let document = Self.repository + "/Alignments/qosh-tepa-canal/"
        for name in ["en.txt", "prs.txt", "ps.txt", "prs-en.tsv", "ps-en.tsv"] {
            var text = try String(contentsOfFile: document + name, encoding: .utf8)
            if name == file {
                let corrupted = text.replacingOccurrences(of: find, with: replace, options: [], range: text.range(of: find))
                #expect(corrupted != text)
                text = corrupted
            }
            _ = try scratch.file(name, text)
        }
        let outcome = try CLIRunner.run(["validate", "prs-en.tsv"], in: scratch.directory)
        #expect(outcome.status == 1)
        #expect(outcome.output.split(separator: "\n").contains { $0.hasPrefix(expected) }, "\(outcome.output)")
    }

    @Test func unreadableInputExitsTwo() throws {
        let outcome = try CLIRunner.run(["validate", "/nonexistent/Alignments"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "/nonexistent/Alignments: error: cannot read: no such file or folder\n")
    }

    /// A wrong path in CI must not be green: a folder with nothing to check is an input error.
    @Test func aFolderWithNothingToCheckExitsTwo() throws {
        let scratch = try Scratch()
        _ = try scratch.file("empty/notes.txt", "nothing here\n")
        let outcome = try CLIRunner.run(["validate", "empty"], in: scratch.directory)
        #expect(outcome == CLIRunner.Outcome(stdout: Data(), stderr: """
            empty: error: nothing to check: no lexicon (entities.tsv) and no bead file (<lang>-<lang>.tsv) in this folder or below

            """, status: 2))
        let defaults = try CLIRunner.run(["validate"], in: scratch.directory.appendingPathComponent("empty"))
        #expect(defaults.status == 2)
        #expect(defaults.stderr == "lexalign: error: nothing to check: no Lexicons or Alignments folder here; name the files or folders to check\n")
    }

    /// A .tsv that is not named like a bead file is skipped with a warning (which --strict fails),
    /// and a symbolic link back up the tree does not make a file count twice.
    @Test func skippedFilesAreNamedAndLinksAreWalkedOnce() throws {
        let scratch = try Scratch()
        let document = Self.repository + "/Alignments/qosh-tepa-canal/"
        for name in ["en.txt", "prs.txt", "prs-en.tsv"] {
            _ = try scratch.file("doc/" + name, try Data(contentsOf: URL(fileURLWithPath: document + name)).map { $0 })
        }
        _ = try scratch.file("doc/prs_en.tsv", "")
        try FileManager.default.createSymbolicLink(atPath: scratch.directory.path + "/doc/loop", withDestinationPath: "..")
        let outcome = try CLIRunner.run(["validate", "--strict", "doc"], in: scratch.directory)
        #expect(outcome.output == """
            doc/prs_en.tsv:1:1: warning: not checked: the name is not <lang>-<lang>.tsv (bead file) or entities/labels/affixes.tsv (lexicon) [unchecked-file]
                hint: Name bead files <source-lang>-<target-lang>.tsv (prs-en.tsv, ps-en.tsv), or move the file out of the folder.
            1 warning in 1 of 2 files

            """)
        #expect(outcome.status == 1)
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        #expect(try CLIRunner.run(["validate", "--format", "xml"]).status == 64)
    }
}
