import ContentHash
import Foundation
import Testing

/// `lexalign align` and `lexalign align export`: exact output, diagnostics and exit status.
@Suite("lexalign align")
struct AlignCommandTests {
    // Dari: the second English sentence has no counterpart; the third and fourth are one Dari sentence.
    static let dari = """
        امیرخان متقی روز دوشنبه به قزاقستان سفر کرد.
        او در آستانه با مقام‌های قزاقستان دیدار کرد و گفت که تجارت میان دو کشور در سال ۲۰۲۴ به ۱۲۰۰ میلیون دالر رسیده است.
        طالبان می‌خواهند صادرات خود را افزایش دهند؟

        """
    static let english = """
        Amir Khan Muttaqi travelled to Kazakhstan on Monday.
        The visit had been planned for months.
        In Astana he met Kazakh officials.
        He said trade between the two countries reached 1,200 million dollars in 2024.
        Do the Taliban want to raise their exports?

        """

    @Test func tsvWithPinsRelativeToTheOutputFolder() throws {
        let scratch = try Scratch()
        let source = try scratch.file("prs.txt", Self.dari)
        let target = try scratch.file("en.txt", Self.english)
        let output = scratch.directory.appendingPathComponent("prs-en.tsv").path
        let outcome = try CLIRunner.run(["align", "--presplit", "--source", source, "--target", target, "-o", output])
        #expect(outcome == CLIRunner.Outcome(stdout: Data(), stderr: "", status: 0))
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("# source: prs.txt sha256=") && lines[0].count == "# source: prs.txt sha256=".count + 64)
        #expect(lines[1].hasPrefix("# target: en.txt sha256="))
        #expect(lines[2] == "src\ttgt\tscore\tstatus\tsrc_text\ttgt_text")
        let beads = lines.dropFirst(3).filter { !$0.isEmpty }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(2).joined(separator: " ") }
        #expect(beads == ["1 1", "- 2", "2 3-4", "3 5"])
        #expect(lines.dropFirst(3).filter { !$0.isEmpty }.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 && $0.contains("\tauto\t") })
    }

    @Test func pinsNameFilesFromTheOutputFolder() throws {
        let scratch = try Scratch()
        let source = try scratch.file("prs.txt", Self.dari)
        let target = try scratch.file("en.txt", Self.english)
        try FileManager.default.createDirectory(at: scratch.directory.appendingPathComponent("beads"), withIntermediateDirectories: true)
        let output = scratch.directory.appendingPathComponent("beads/prs-en.tsv").path
        #expect(try CLIRunner.run(["align", "--presplit", "--source", source, "--target", target, "-o", output]).status == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("# source: ../prs.txt sha256="))
        #expect(text.contains("\n# target: ../en.txt sha256="))
    }

    @Test func vecalignIsZeroBasedAndEnglishMayBeTheSource() throws {
        let scratch = try Scratch()
        let english = try scratch.file("en.txt", Self.english)
        let dari = try scratch.file("prs.txt", Self.dari)
        let outcome = try CLIRunner.run(["align", "--presplit", "--source", english, "--source-lang", "en",
                                         "--target", dari, "--target-lang", "prs", "--format", "vecalign"])
        #expect(outcome.status == 0)
        #expect(outcome.output.split(separator: "\n").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
            == ["[0]:[0]", "[1]:[]", "[2,3]:[1]", "[4]:[2]"])
    }

    @Test func runningTextIsSplitFirstAndCarriesNoPins() throws {
        let scratch = try Scratch()
        let source = try scratch.file("prs.txt", Self.dari.split(separator: "\n").joined(separator: " ") + "\n")
        let target = try scratch.file("en.txt", Self.english.split(separator: "\n").joined(separator: " ") + "\n")
        let outcome = try CLIRunner.run(["align", "--source", source, "--target", target])
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.first == "src\ttgt\tscore\tstatus\tsrc_text\ttgt_text")
        #expect(lines.dropFirst().map { $0.split(separator: "\t").prefix(2).joined(separator: " ") } == ["1 1", "- 2", "2 3-4", "3 5"])
    }

    @Test func mosesWritesTwoFiles() throws {
        let scratch = try Scratch()
        let source = try scratch.file("prs.txt", Self.dari)
        let target = try scratch.file("en.txt", Self.english)
        let prefix = scratch.directory.appendingPathComponent("corpus").path
        let outcome = try CLIRunner.run(["align", "--presplit", "--source", source, "--target", target, "--format", "moses", "-o", prefix])
        #expect(outcome == CLIRunner.Outcome(stdout: Data(), stderr: "", status: 0))
        let dari = try String(contentsOfFile: prefix + ".prs", encoding: .utf8)
        let english = try String(contentsOfFile: prefix + ".en", encoding: .utf8)
        #expect(dari.split(separator: "\n").count == 3)
        #expect(english.split(separator: "\n")[1] == "In Astana he met Kazakh officials. He said trade between the two countries reached 1,200 million dollars in 2024.")
    }

    static let usageErrors: [[String]] = [
        ["align", "--source", "a", "--target", "b", "--source-lang", "xx"],
        ["align", "--source", "a", "--target", "b", "--format", "moses"],
        ["align", "--source", "a"],
        ["align", "export", "--format", "tsv", "x.tsv"],
    ]
    static let errorCases: [(arguments: [String], status: Int32)] =
        [(["align", "--presplit", "--source", "/nonexistent/prs.txt", "--target", "/nonexistent/en.txt"], 2)]
        + usageErrors.map { ($0, 64) }

    @Test(arguments: errorCases)
    func errors(arguments: [String], status: Int32) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == status)
        #expect(outcome.stdout.isEmpty)
        #expect(!outcome.stderr.isEmpty)
    }

    @Test func aMissingFileIsNamed() throws {
        let outcome = try CLIRunner.run(["align", "--presplit", "--source", "/nonexistent/prs.txt", "--target", "/nonexistent/en.txt"])
        #expect(outcome.stderr.hasPrefix("/nonexistent/prs.txt: error: cannot read: "))
    }

    @Test func invalidUTF8IsWarnedAboutWithItsPlace() throws {
        let scratch = try Scratch()
        let source = try scratch.file("prs.txt", Array("سلام\nبد ".utf8) + [0xFF, 0x0A])
        let target = try scratch.file("en.txt", "Hello\nBad\n")
        let outcome = try CLIRunner.run(["align", "--presplit", "--source", source, "--target", target, "--format", "vecalign"])
        #expect(outcome.stderr == "\(source):2:4: warning: invalid UTF-8 replaced with U+FFFD at byte offset 14 [invalid-utf8]\n")
        #expect(outcome.status == 0)
    }

    static let dariSentences = "یک\nدو\nسه\nچهار\n"
    static let englishSentences = "One\nTwo.\nThree.\nFour\n"

    /// A bead file in `scratch` with its two sentence files, every pin current.
    static func document(in scratch: Scratch) throws -> String {
        _ = try scratch.file("prs.txt", dariSentences)
        _ = try scratch.file("en.txt", englishSentences)
        return try scratch.file("prs-en.tsv", beadFile)
    }

    static let beadFile = """
        # source: prs.txt sha256=\(SHA256.hex(of: Array(dariSentences.utf8)))
        # target: en.txt sha256=\(SHA256.hex(of: Array(englishSentences.utf8)))
        src\ttgt\tscore\tstatus\tsrc_text\ttgt_text
        1\t1\t0.90\treviewed\tیک\tOne
        2\t2-3\t0.70\tauto\tدو\tTwo. Three.
        3\t-\t0.00\treviewed\tسه\t
        4\t4\t0.20\trejected\tچهار\tFour

        """

    @Test func exportTMXReviewedOnlyWithDariAsFaAF() throws {
        let scratch = try Scratch()
        let file = try Self.document(in: scratch)
        let outcome = try CLIRunner.run(["align", "export", file])
        #expect(outcome.status == 0)
        #expect(outcome.output.components(separatedBy: "<tu ").count - 1 == 1)
        #expect(outcome.output.contains("<tuv xml:lang=\"fa-AF\"><seg>یک</seg></tuv>"))
        let prs = try CLIRunner.run(["align", "export", "--all", "--source-code", "prs", file])
        #expect(prs.output.components(separatedBy: "<tu ").count - 1 == 2)
        #expect(prs.output.contains("<tuv xml:lang=\"prs\"><seg>دو</seg></tuv>"))
        #expect(!prs.output.contains("Four"))
    }

    @Test func exportVecalignAndMoses() throws {
        let scratch = try Scratch()
        let file = try Self.document(in: scratch)
        let vecalign = try CLIRunner.run(["align", "export", "--format", "vecalign", "--all", file])
        #expect(vecalign == CLIRunner.Outcome(stdout: Data("[0]:[0]:0.90\n[1]:[1,2]:0.70\n[2]:[]:0.00\n".utf8), stderr: "", status: 0))
        let prefix = scratch.directory.appendingPathComponent("out").path
        let moses = try CLIRunner.run(["align", "export", "--format", "moses", "-o", prefix, file])
        #expect(moses.status == 0)
        #expect(try String(contentsOfFile: prefix + ".prs", encoding: .utf8) == "یک\n")
        #expect(try String(contentsOfFile: prefix + ".en", encoding: .utf8) == "One\n")
    }

    @Test func rescoreRewritesScoresOnly() throws {
        let scratch = try Scratch()
        let source = try scratch.file("prs.txt", Self.dari)
        let target = try scratch.file("en.txt", Self.english)
        let output = scratch.directory.appendingPathComponent("prs-en.tsv").path
        #expect(try CLIRunner.run(["align", "--presplit", "--source", source, "--target", target, "-o", output]).status == 0)
        let aligned = try String(contentsOfFile: output, encoding: .utf8)
        // A reviewer's edit: every score zeroed, the first bead reviewed.
        var lines = aligned.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in 3..<(lines.count - 1) {
            var fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields[2] = "0.00"
            if index == 3 { fields[3] = "reviewed" }
            lines[index] = fields.joined(separator: "\t")
        }
        try lines.joined(separator: "\n").write(toFile: output, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["align", "rescore", output]) == CLIRunner.Outcome(stdout: Data(), stderr: "", status: 0))
        let rescored = try String(contentsOfFile: output, encoding: .utf8)
        #expect(rescored == aligned.replacingOccurrences(of: "\tauto\t", with: "\treviewed\t", options: [], range: aligned.range(of: "\tauto\t")))
    }

    @Test func exportRefusesABrokenFileNamingEveryProblem() throws {
        let scratch = try Scratch()
        let file = try scratch.file("prs-en.tsv", "src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\nx\t1\t0.5\tauto\ta\tb\n1\t1\t2\tok\ta\tb\n")
        let outcome = try CLIRunner.run(["align", "export", file])
        let folder = scratch.directory.path
        #expect(outcome == CLIRunner.Outcome(stdout: Data(), stderr: """
            \(file):1:1: error: source sentence file \(folder)/prs.txt cannot be read: No such file or directory [missing-sentence-file]
            \(file):1:1: error: target sentence file \(folder)/en.txt cannot be read: No such file or directory [missing-sentence-file]
            \(file):2:1: error: bad source ref `x`: a line number, a range a-b with a <= b, or - [bad-ref]
            \(file):3:5: error: score `2` is not a number in [0,1] [bad-score]
            \(file):3:7: error: status `ok` is not auto, reviewed or rejected [bad-status]
            lexalign: error: \(file) cannot be exported until `lexalign validate` finds no error in it

            """, status: 2))
    }
}
