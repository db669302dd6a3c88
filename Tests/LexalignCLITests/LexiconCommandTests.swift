import Foundation
import Testing

/// `lexalign lexicon lint|fmt|stats` on folders made for each test.
@Suite("lexalign lexicon")
struct LexiconCommandTests {
    static func folder(_ scratch: Scratch, entities: String, labels: String) throws -> String {
        let folder = scratch.directory.appendingPathComponent("lexicon")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try scratch.file("lexicon/entities.tsv", entities)
        _ = try scratch.file("lexicon/labels.tsv", labels)
        return folder.path
    }

    @Test func lintPassesACleanLexicon() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:kabul\tplace\t\t\t\n", labels: "place:kabul\ten\tpref\tKabul\t\t\n")
        let outcome = try CLIRunner.run(["lexicon", "lint", folder])
        #expect(outcome.stderr == "\(folder): 0 errors, 0 warnings\n")
        #expect(outcome.status == 0)
    }

    @Test func lintReportsEveryProblemAndFails() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch,
            entities: "place:kabul\tplace\t\tq12\t\nplace:herat\tplace\t\t\t\n",
            labels: "place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKābul\t\t\n")
        let outcome = try CLIRunner.run(["lexicon", "lint", folder])
        #expect(outcome.stderr == """
            \(folder)/entities.tsv:1:20: error: 'q12' is not a Wikidata QID (Q followed by digits, e.g. Q1234) [wikidata-syntax]
            \(folder)/entities.tsv:2:1: error: place:herat has no en pref label in \(folder)/labels.tsv [missing-en-pref]
            \(folder)/entities.tsv:2:1: warning: line is out of order: it sorts before line 1 (run `lexalign lexicon fmt`) [unsorted]
            \(folder)/labels.tsv:2:20: warning: 'Kābul' is redundant: it matches the same text as 'Kabul' on line 1, and spelling variants resolve without being listed [redundant-label]
            \(folder): 2 errors, 2 warnings

            """)
        #expect(outcome.status == 1)
    }

    @Test func strictFailsOnWarnings() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:kabul\tplace\t\t\t\n",
            labels: "place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKābul\t\t\n")
        #expect(try CLIRunner.run(["lexicon", "lint", folder]).status == 0)
        #expect(try CLIRunner.run(["lexicon", "lint", "--strict", folder]).status == 1)
    }

    @Test func fmtRewritesInPlaceAndCheckReportsIt() throws {
        let scratch = try Scratch()
        let labels = "# labels\n\n# Kabul's spellings\nplace:kabul\ten\tpref\tKabul\t\t\nplace:herat\ten\tpref\t Herat\t\t\n"
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:herat\tplace\t\t\t\nplace:kabul\tplace\t\t\t\n", labels: labels)
        let check = try CLIRunner.run(["lexicon", "fmt", "--check", folder])
        #expect(check.stderr == "\(folder)/labels.tsv: not in canonical form (run `lexalign lexicon fmt`)\n")
        #expect(check.status == 1)
        #expect(try String(contentsOfFile: folder + "/labels.tsv", encoding: .utf8) == labels)

        let format = try CLIRunner.run(["lexicon", "fmt", folder])
        #expect(format.stderr == "\(folder)/labels.tsv: formatted\n")
        #expect(format.status == 0)
        #expect(try String(contentsOfFile: folder + "/labels.tsv", encoding: .utf8)
            == "# labels\n\nplace:herat\ten\tpref\tHerat\t\t\n# Kabul's spellings\nplace:kabul\ten\tpref\tKabul\t\t\n")
        // nothing left behind, and now canonical
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["entities.tsv", "labels.tsv"])
        #expect(try CLIRunner.run(["lexicon", "fmt", "--check", folder]).status == 0)
    }

    @Test func statsCountsTheBuiltInLexicon() throws {
        let outcome = try CLIRunner.run(["lexicon", "stats", "--built-in"])
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n")
        let entities = lines.first { $0.hasPrefix("entities\t") }.flatMap { Int($0.split(separator: "\t")[1]) } ?? 0
        #expect(entities >= 200)
        #expect(lines.contains { $0.hasPrefix("  person\t") })
        #expect(lines.contains { $0.hasPrefix("  prs\t") })
        #expect(lines.contains { $0.hasPrefix("  ps\t") })
    }

    @Test func aMissingFolderIsAnInputError() throws {
        let outcome = try CLIRunner.run(["lexicon", "lint", "/nonexistent/lexicon"])
        #expect(outcome.stderr == "/nonexistent/lexicon: error: cannot read: not a directory\n")
        #expect(outcome.status == 2)
    }
}
