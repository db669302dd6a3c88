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

    /// `lexicon cldr` lists the CLDR country names the lexicon lacks as labels.tsv lines;
    /// `--apply` adds them in canonical order, and a second run finds nothing.
    @Test func cldrListsThenAddsMissingCountryNames() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch,
            entities: "place:afghanistan\tplace\t\t\t\nplace:kabul\tplace\t\t\t\n",
            labels: "place:afghanistan\ten\tpref\tAfghanistan\t\t\nplace:kabul\ten\tpref\tKabul\t\t\n"
                + "place:kabul\tprs\tpref\tکابل\t\t\nplace:kabul\tru\tpref\tКабул\t\t\n")
        _ = try scratch.file("lexicon/identifiers.tsv", "place:afghanistan\tiso3166-1\tAF\ttest\n")
        let expected = """
            place:afghanistan\tprs\talt\tافغانستان\t\tcldr: ICU 72.1 name of AF (fa_AF)
            place:afghanistan\tru\talt\tАфганистан\t\tcldr: ICU 72.1 name of AF (ru)

            """
        let listed = try CLIRunner.run(["lexicon", "cldr", folder])
        #expect(listed == CLIRunner.Outcome(stdout: Data(expected.utf8),
                                            stderr: "2 CLDR names missing from \(folder)/labels.tsv\n", status: 0))
        let lint = try CLIRunner.run(["lexicon", "lint", folder])
        #expect(lint.stderr.contains("[cldr-name]") && lint.status == 0)
        let applied = try CLIRunner.run(["lexicon", "cldr", "--apply", folder])
        #expect(applied.stderr == "\(folder)/labels.tsv: added 2 CLDR names as alt labels\n")
        #expect(applied.status == 0)
        let labels = try String(contentsOfFile: folder + "/labels.tsv", encoding: .utf8)
        #expect(labels == "place:afghanistan\ten\tpref\tAfghanistan\t\t\n" + expected
            + "place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\tprs\tpref\tکابل\t\t\nplace:kabul\tru\tpref\tКабул\t\t\n")
        let again = try CLIRunner.run(["lexicon", "cldr", "--apply", folder])
        #expect(again.stderr == "\(folder)/labels.tsv: no CLDR name missing\n")
        #expect(try CLIRunner.run(["lexicon", "lint", "--strict", folder]).status == 0)
    }

    @Test func lintPassesACleanLexicon() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:kabul\tplace\t\t\t\n", labels: "place:kabul\ten\tpref\tKabul\t\t\n")
        let outcome = try CLIRunner.run(["lexicon", "lint", folder])
        #expect(outcome.stderr == "no problems in 2 files\n")
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
                hint: Write the QID as Q123, or leave the column empty.
            \(folder)/entities.tsv:2:1: error: place:herat has no en pref label in \(folder)/labels.tsv [missing-en-pref]
                hint: Add a label line with lang en and kind pref.
            \(folder)/entities.tsv:2:1: warning: line is out of order: it sorts before line 1 (run `lexalign lexicon fmt`) [unsorted]
                hint: Run `lexalign lexicon fmt`.
            \(folder)/labels.tsv:2:20: warning: 'Kābul' is redundant: it matches the same text as 'Kabul' on line 1, and spelling variants resolve without being listed [redundant-label]
                hint: Delete it: matching already folds case, letter forms, spaces and diacritics.
            2 errors, 2 warnings in 2 of 2 files

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

    static let conflicted = """
        place:kabul\ten\tpref\tKabul\t\t
        <<<<<<< HEAD
        place:kabul\ten\talt\tCaubul\t\t
        =======
        place:kabul\ten\talt\tKabol\t\t
        >>>>>>> other-branch

        """

    /// A merge conflict left in a file: lint names each marker line; fmt leaves the file alone.
    @Test func conflictMarkersAreErrorsAndStopFmt() throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:kabul\tplace\t\t\t\n", labels: Self.conflicted)
        let hint = "    hint: Keep the lines both sides need, delete the three marker lines, then run `lexalign lexicon fmt`."
        let findings = [2, 4, 6].map { line in
            let marker = ["<<<<<<<", "=======", ">>>>>>>"][line / 2 - 1]
            return "\(folder)/labels.tsv:\(line):1: error: merge conflict marker '\(marker)': the file was merged with a conflict left in it [conflict-marker]\n\(hint)\n"
        }.joined()
        let lint = try CLIRunner.run(["lexicon", "lint", folder])
        #expect(lint.stderr == findings + "3 errors in 1 of 2 files\n")
        #expect(lint.status == 1)

        for arguments in [["lexicon", "fmt", folder], ["lexicon", "fmt", "--check", folder]] {
            let format = try CLIRunner.run(arguments)
            #expect(format.stderr == findings + "3 errors in 1 of 1 file\n\(folder)/labels.tsv: not formatted: mend the lines above first\n")
            #expect(format.status == 1)
            #expect(try String(contentsOfFile: folder + "/labels.tsv", encoding: .utf8) == Self.conflicted)
        }
    }

    /// A line with the wrong number of fields has no sort key to trust: fmt refuses the file.
    @Test func fmtRefusesWrongFieldCounts() throws {
        let scratch = try Scratch()
        let labels = "place:kabul\ten\tpref\tKabul\t\t\nplace:herat en pref Herat\n"
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:kabul\tplace\t\t\t\n", labels: labels)
        let format = try CLIRunner.run(["lexicon", "fmt", folder])
        #expect(format.stderr.hasPrefix("\(folder)/labels.tsv:2:1: error: expected 6 tab-separated fields"))
        #expect(format.stderr.hasSuffix("\(folder)/labels.tsv: not formatted: mend the lines above first\n"))
        #expect(format.status == 1)
        #expect(try String(contentsOfFile: folder + "/labels.tsv", encoding: .utf8) == labels)
    }

    /// Two analysts add labels on two branches: with the repository's .gitattributes, git merges
    /// the lexicon without a conflict, and fmt and lint then leave it canonical and clean.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
    func unionMergeOfTwoBranchesIsClean() throws {
        let scratch = try Scratch()
        let repository = scratch.directory.path
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }
        try git("init", "-q", "-b", "main")
        try FileManager.default.copyItem(atPath: root.appendingPathComponent(".gitattributes").path, toPath: repository + "/.gitattributes")
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:herat\tplace\t\t\t\nplace:kabul\tplace\t\t\t\n",
                                                    labels: "place:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\n")
        try FileManager.default.moveItem(atPath: folder, toPath: repository + "/Lexicons")
        try git("add", "-A")
        try git("commit", "-qm", "lexicon")
        try git("checkout", "-qb", "dari")
        _ = try scratch.file("Lexicons/labels.tsv", "place:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\nplace:kabul\tprs\tpref\tکابل\t\t\n")
        try git("commit", "-qam", "Dari Kabul")
        try git("checkout", "-q", "main")
        _ = try scratch.file("Lexicons/labels.tsv", "place:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\nplace:kabul\tps\tpref\tکابل\t\t\n")
        try git("commit", "-qam", "Pashto Kabul")
        try git("merge", "-q", "--no-edit", "dari")
        let merged = try String(contentsOfFile: repository + "/Lexicons/labels.tsv", encoding: .utf8)
        #expect(!merged.contains("<<<<<<<") && merged.contains("\tprs\t") && merged.contains("\tps\t"))
        _ = try CLIRunner.run(["lexicon", "fmt", repository + "/Lexicons"])
        let lint = try CLIRunner.run(["lexicon", "lint", "--strict", repository + "/Lexicons"])
        #expect(lint.stderr == "no problems in 2 files\n")
        #expect(lint.status == 0)
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

    @Test func statsAsJSON() throws {
        let outcome = try CLIRunner.run(["lexicon", "stats", "--built-in", "--format", "json"])
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["entities", "labels", "flags", "affixes", "identifiers", "coverage", "without", "weak_only"])
        let identifiers = try #require(object["identifiers"] as? [String: Int])
        #expect(identifiers["iso3166-1"] == 17 && (identifiers["iso3166-2"] ?? 0) >= 34 && (identifiers["geonames"] ?? 0) >= 100)
        let without = try #require(object["without"] as? [String: [String]])
        #expect(without["en"] == [])
        let place = try #require((object["coverage"] as? [String: Any])?["place"] as? [String: [String: Int]])
        #expect((place["en"]?["pref"] ?? 0) >= 100)
    }

    /// Export: each format to standard output or -o; never over the lexicon's own files; a
    /// lexicon with errors is not exported.
    @Test(arguments: [
        (["--format", "spacy"], 0, #"{"label":"LOC","pattern":"Kabul","id":"place:kabul"}"# + "\n", ""),
        (["--format", "csv"], 0, "id,type,lang,kind,label,flags,broader,wikidata,iso3166-1,iso3166-2,geonames\r\n"
            + "place:kabul,place,en,pref,Kabul,,,Q5838,,,\r\n", ""),
        (["--format", "skos", "-o", "LEXICON/labels.tsv"], 2, "", "refusing to write over LEXICON/labels.tsv, which this command reads"),
        (["--format", "tbx", "BROKEN"], 1, "", "BROKEN/labels.tsv:1:1: error: unknown id 'place:herat' (not in BROKEN/entities.tsv) [unknown-id]"),
    ])
    func exportWritesEachFormat(arguments: [String], status: Int32, output: String, stderr: String) throws {
        let scratch = try Scratch()
        let folder = try LexiconCommandTests.folder(scratch, entities: "place:kabul\tplace\t\tQ5838\t\n",
                                                    labels: "place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\tps\tnegative\tکابلې\t\t\n")
        let broken = scratch.directory.appendingPathComponent("broken").path
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        _ = try scratch.file("broken/entities.tsv", "place:kabul\tplace\t\t\t\n")
        _ = try scratch.file("broken/labels.tsv", "place:herat\ten\tpref\tHerat\t\t\n")
        var arguments = arguments.map { $0.replacingOccurrences(of: "LEXICON", with: folder).replacingOccurrences(of: "BROKEN", with: broken) }
        if !arguments.contains(broken) { arguments.append(folder) }
        let outcome = try CLIRunner.run(["lexicon", "export"] + arguments)
        #expect(outcome.status == status)
        #expect(outcome.output == output)
        let expectedError = stderr.replacingOccurrences(of: "LEXICON", with: folder).replacingOccurrences(of: "BROKEN", with: broken)
        #expect(expectedError.isEmpty ? outcome.stderr.isEmpty : outcome.stderr.contains(expectedError), "\(outcome.stderr)")
    }

    @Test func aMissingFolderIsAnInputError() throws {
        let outcome = try CLIRunner.run(["lexicon", "lint", "/nonexistent/lexicon"])
        #expect(outcome.stderr == "/nonexistent/lexicon: error: cannot read: not a directory\n")
        #expect(outcome.status == 2)
    }
}
