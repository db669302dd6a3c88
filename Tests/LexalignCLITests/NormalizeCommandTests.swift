import Foundation
import Testing
import ContentHash
import TextNormalization

/// `lexalign normalize` run as a Unix filter: exact output and exit status.
@Suite("lexalign normalize")
struct NormalizeCommandTests {
    /// The release, ICU, Unicode, and the lexicon built in: its counts and the digest of the
    /// repository's Lexicons/ it was built from.
    @Test func versionNamesICUUnicodeAndTheLexicon() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let lexicons = root.appendingPathComponent("Lexicons")
        var files: [String: [UInt8]] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: lexicons.path) where FileSetDigest.isLexiconDataFile(relative) {
            files[relative] = [UInt8](try Data(contentsOf: lexicons.appendingPathComponent(relative)))
        }
        func records(_ name: String) -> Int {
            String(decoding: files[name] ?? [], as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }.count
        }
        let outcome = try CLIRunner.run(["--version"])
        #expect(outcome.output == "lexalign 0.2.0 (ICU \(ICUVersion.icu), Unicode \(ICUVersion.unicode); built-in lexicon: "
            + "\(records("entities.tsv")) entities, \(records("labels.tsv")) labels, sha256 \(FileSetDigest.short(FileSetDigest.hex(of: files))))\n")
        #expect(outcome.status == 0)
    }

    static let sample = """
        Kabul — Amir Khan Muttaqi’s visit to ISIS-K’s homeland
        امیر خان متقي، وزیر خارجهٔ طالبان، در کابل گفت که داعش ۱۲ جنگجو دارد.
        د طالبانو د بهرنیو چارو وزیر امیر خان متقي په ننګرهار کې وویل.

        """

    @Test(arguments: [
        ("text", """
            Kabul — Amir Khan Muttaqi’s visit to ISIS-K’s homeland
            امیر خان متقی، وزیر خارجهٔ طالبان، در کابل گفت که داعش ۱۲ جنگجو دارد.
            د طالبانو د بهرنیو چارو وزیر امیر خان متقي په ننګرهار کې وویل.

            """),
        ("key", """
            kabul amir khan muttaqis visit to isis ks homeland
            امیر خان متقی, وزیر خارجه طالبان, در کابل گفت که داعش 12 جنگجو دارد.
            د طالبانو د بهرنیو چارو وزیر امیر خان متقی په ننگرهار کی وویل.

            """),
        ("latin", """
            Kabul - Amir Khan Muttaqi's visit to ISIS-K's homeland
            amir khan muttaqi, wazir kharja-ye taliban, dar kabul gaft ke daesh 12 jangju dard.
            da talbano da bahrnyo charo wazir amir khan muttaqi pa nangarhar ke wwil.

            """),
    ])
    func forms(form: String, expected: String) throws {
        let outcome = try CLIRunner.run(["normalize", "--form", form], stdin: NormalizeCommandTests.sample)
        #expect(outcome.output == expected)
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    @Test func jsonLinesRecordLineTextFormAndLanguage() throws {
        let outcome = try CLIRunner.run(["normalize", "--form", "key", "--format", "jsonl"], stdin: "ISIS-K\n\nداعش\nد داعش\n")
        #expect(outcome.output == """
            {"line":1,"text":"isis k","form":"key","lang":"en"}
            {"line":2,"text":"","form":"key","lang":"und"}
            {"line":3,"text":"داعش","form":"key","lang":"prs"}
            {"line":4,"text":"د داعش","form":"key","lang":"ps"}

            """)
        #expect(outcome.status == 0)
    }

    @Test func aFixedLanguageAndDigits() throws {
        let outcome = try CLIRunner.run(["normalize", "--lang", "fa-AF", "--digits", "ascii"], stdin: "سال ۱۴۰۲ علي\n")
        #expect(outcome.output == "سال 1402 علی\n")
        let pashto = try CLIRunner.run(["normalize", "--lang", "ps"], stdin: "سال ۱۴۰۲ علي\n")
        #expect(pashto.output == "سال ۱۴۰۲ علي\n")
    }

    @Test func filesAreReadInOrderAndJSONNamesThem() throws {
        let scratch = try Scratch()
        let first = try scratch.file("first.txt", "Kabul\n")
        let second = try scratch.file("second.txt", "Herat\nKhost\n")
        let text = try CLIRunner.run(["normalize", "--form", "key", first, second])
        #expect(text.output == "kabul\nherat\nkhost\n")
        let json = try CLIRunner.run(["normalize", "--form", "key", "--format", "jsonl", first, "-", second], stdin: "Ghazni")
        #expect(json.output == """
            {"line":1,"file":"\(first)","text":"kabul","form":"key","lang":"en"}
            {"line":1,"file":"<stdin>","text":"ghazni","form":"key","lang":"en"}
            {"line":1,"file":"\(second)","text":"herat","form":"key","lang":"en"}
            {"line":2,"file":"\(second)","text":"khost","form":"key","lang":"en"}

            """)
    }

    @Test(arguments: [1, 2, 3])
    func everyLineInOrderWithAnyJobCount(jobs: Int) throws {
        let input = (1...20_000).map { "Line \($0) سطر ۱۲ \($0)" }.joined(separator: "\n") + "\n"
        let outcome = try CLIRunner.run(["normalize", "--form", "key", "--jobs", String(jobs)], stdin: input)
        let expected = (1...20_000).map { "line \($0) سطر 12 \($0)" }.joined(separator: "\n") + "\n"
        #expect(outcome.output == expected)
        #expect(outcome.status == 0)
    }

    // MARK: bad input

    @Test func emptyInputGivesEmptyOutput() throws {
        let scratch = try Scratch()
        let outcome = try CLIRunner.run(["normalize", try scratch.file("empty.txt", [])])
        #expect(outcome == CLIRunner.Outcome(stdout: Data(), stderr: "", status: 0))
    }

    @Test func invalidUTF8IsReplacedAndReported() throws {
        let scratch = try Scratch()
        let path = try scratch.file("bad.txt", [0x6F, 0x6B, 0x0A, 0x61, 0xFF, 0x62, 0xE2, 0x80, 0x0A, 0x7A])
        let outcome = try CLIRunner.run(["normalize", path])
        #expect(outcome.output == "ok\na\u{FFFD}b\u{FFFD}\nz\n")
        #expect(outcome.stderr == """
            \(path):2:2: warning: invalid UTF-8 (0xFF) replaced by U+FFFD at byte offset 4 [invalid-utf8]
            \(path):2:4: warning: invalid UTF-8 (0xE2 0x80) replaced by U+FFFD at byte offset 6 [invalid-utf8]

            """)
        #expect(outcome.status == 0)
    }

    @Test func warningsAreCappedButCounted() throws {
        let scratch = try Scratch()
        let path = try scratch.file("garbage.txt", [UInt8](repeating: 0xFF, count: 25) + [0x0A])
        let outcome = try CLIRunner.run(["normalize", path])
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines.last == "\(path): note: 5 more problems of this kind not shown")
        #expect(outcome.output == String(repeating: "\u{FFFD}", count: 25) + "\n")
        let quiet = try CLIRunner.run(["normalize", "--quiet", path])
        #expect(quiet.stderr == "")
    }

    /// A NUL separated something (words, fields): it reads as a space, with a warning.
    @Test func nulBytesAreReadAsSpacesAndReported() throws {
        let scratch = try Scratch()
        let path = try scratch.file("nul.txt", [0x61, 0x00, 0x62, 0x0A])
        let outcome = try CLIRunner.run(["normalize", path])
        #expect(outcome.output == "a b\n")
        #expect(outcome.stderr == "\(path):1:2: warning: NUL byte read as a space at byte offset 1 [nul-byte]\n")
        #expect(outcome.status == 0)
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let outcome = try CLIRunner.run(["normalize"], stdin: Data([0xEF, 0xBB, 0xBF] + Array("کابل\n".utf8)))
        #expect(outcome.output == "کابل\n")
    }

    /// Lines end at LF: a CR alone is read as a space, with one warning per line that has one.
    @Test func aLoneCRIsASpaceWithAWarning() throws {
        let outcome = try CLIRunner.run(["normalize"], stdin: "Kabul\rDaesh\rHerat\r")
        #expect(outcome.output == "Kabul Daesh Herat\n")
        #expect(outcome.stderr == "<stdin>:1:6: warning: CR without LF read as a space: lines end at LF (for a file with CR line ends: tr '\\r' '\\n') at byte offset 5 [lone-cr]\n")
        #expect(outcome.status == 0)
    }

    @Test func crlfLineEndsReadAsLF() throws {
        let crlf = try CLIRunner.run(["normalize", "--form", "key"], stdin: "Kabul\r\nHerat\r\n\r\nend")
        #expect(crlf.output == "kabul\nherat\n\nend\n")
        let lf = try CLIRunner.run(["normalize", "--form", "key"], stdin: "Kabul\nHerat\n\nend")
        #expect(crlf.output == lf.output)
    }

    @Test func aFiftyMegabyteLineIsOneLine() throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50_000_100)
        let word = Array("Kabul کابل ".utf8)
        while bytes.count < 50_000_000 { bytes += word }
        bytes.append(0x0A)
        bytes += Array("next\n".utf8)
        let outcome = try CLIRunner.run(["normalize", "--form", "key"], stdin: Data(bytes))
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines.first?.count == bytes.count - 1 - 5 - 1)  // the trailing space is trimmed
        #expect(lines.dropFirst().first.map { String(decoding: $0, as: UTF8.self) } == "next")
    }

    @Test func aMissingFileIsReportedAndTheOthersStillProcessed() throws {
        let scratch = try Scratch()
        let first = try scratch.file("a.txt", "Kabul\n")
        let second = try scratch.file("b.txt", "Herat\n")
        let missing = scratch.directory.appendingPathComponent("missing.txt").path
        let outcome = try CLIRunner.run(["normalize", "--form", "key", first, missing, second])
        #expect(outcome.output == "kabul\nherat\n")
        #expect(outcome.stderr == "\(missing): error: cannot read: No such file or directory\n")
        #expect(outcome.status == 2)
    }

    @Test func aDirectoryIsNotAnInput() throws {
        let scratch = try Scratch()
        let outcome = try CLIRunner.run(["normalize", scratch.directory.path])
        #expect(outcome.stderr == "\(scratch.directory.path): error: cannot read: Is a directory\n")
        #expect(outcome.status == 2)
    }

    @Test(arguments: [
        ["normalize", "--jobs", "0"],
        ["normalize", "--form", "phonetic"],
        ["normalize", "--lang", "de"],
        ["normalize", "--digits", "roman"],
        ["normalize", "--no-such-option"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("Error:"))
    }
}
