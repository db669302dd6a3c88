import Foundation
import Testing

/// `lexalign split` run as a filter: exact output, diagnostics and exit status.
@Suite("lexalign split")
struct SplitCommandTests {
    static let mixed = """
        Dr. Smith arrived in Kabul. He met officials!
        طالبان گفتند که مذاکره ادامه دارد. آیا توافق می‌شود؟
        طالبانو وویل چې خبرې روانې دي. ایا جوړجاړی کېږي؟

        """

    @Test func standardInputOneSentencePerLineLanguageByLine() throws {
        let outcome = try CLIRunner.run(["split"], stdin: SplitCommandTests.mixed)
        #expect(outcome == CLIRunner.Outcome(stdout: Data("""
            Dr. Smith arrived in Kabul.
            He met officials!
            طالبان گفتند که مذاکره ادامه دارد.
            آیا توافق می‌شود؟
            طالبانو وویل چې خبرې روانې دي.
            ایا جوړجاړی کېږي؟

            """.utf8), stderr: "", status: 0))
        let dash = try CLIRunner.run(["split", "-"], stdin: SplitCommandTests.mixed)
        #expect(dash == outcome)
    }

    @Test func aFixedLanguage() throws {
        // "وی." is v. (Roe v. Wade) in Dari's abbreviations; in Pashto وی is a verb that ends sentences.
        let input = "پرونده روی وی. وید باقی است.\n"
        let dari = try CLIRunner.run(["split", "--lang", "fa-AF"], stdin: input)
        #expect(dari == CLIRunner.Outcome(stdout: Data(input.utf8), stderr: "", status: 0))
        let auto = try CLIRunner.run(["split"], stdin: input)
        #expect(auto.output == input)
        for lang in ["ps", "en"] {
            let outcome = try CLIRunner.run(["split", "--lang", lang], stdin: input)
            #expect(outcome.output == "پرونده روی وی.\nوید باقی است.\n", "\(lang)")
        }
    }

    @Test func twoFilesInOrder() throws {
        let scratch = try Scratch()
        let first = try scratch.file("first.txt", "One. Two.\n")
        let second = try scratch.file("second.txt", "Three? Four!\nFive")
        let outcome = try CLIRunner.run(["split", first, second])
        #expect(outcome == CLIRunner.Outcome(stdout: Data("One.\nTwo.\nThree?\nFour!\nFive\n".utf8), stderr: "", status: 0))
    }

    @Test func anEmptyFileGivesNothing() throws {
        let scratch = try Scratch()
        let outcome = try CLIRunner.run(["split", try scratch.file("empty.txt", [])])
        #expect(outcome == CLIRunner.Outcome(stdout: Data(), stderr: "", status: 0))
    }

    @Test func blankLinesGiveNothingAndEveryLineEndsASentence() throws {
        let outcome = try CLIRunner.run(["split"], stdin: "Kabul Bank Reopens\n\n  \t \nThe bank opened. Crowds came\nNext day\n")
        #expect(outcome.output == "Kabul Bank Reopens\nThe bank opened.\nCrowds came\nNext day\n")
        #expect(outcome.status == 0)
    }

    @Test func tabsAndRunsOfSpacesBecomeOneSpace() throws {
        let outcome = try CLIRunner.run(["split"], stdin: "\t Kabul\tis  quiet.\t\tHerat\u{00A0}\u{00A0}too. \n")
        #expect(outcome.output == "Kabul is quiet.\nHerat too.\n")
    }

    @Test func crlfLineEnds() throws {
        let crlf = try CLIRunner.run(["split"], stdin: "One. Two.\r\n\r\nThree.\r\nFour")
        #expect(crlf.output == "One.\nTwo.\nThree.\nFour\n")
        let joined = try CLIRunner.run(["split", "--join-lines"], stdin: "One. Two\r\nstill two.\r\n\r\nThree\r\n")
        #expect(joined.output == "One.\nTwo still two.\nThree\n")
    }

    @Test func invalidUTF8IsReplacedAndReported() throws {
        let scratch = try Scratch()
        let path = try scratch.file("bad.txt", [0x6F, 0x6B, 0x0A, 0x61, 0xFF, 0x62, 0x2E, 0x20, 0x43, 0xE2, 0x80, 0x0A, 0x7A])
        let outcome = try CLIRunner.run(["split", path])
        #expect(outcome.output == "ok\na\u{FFFD}b.\nC\u{FFFD}\nz\n")
        #expect(outcome.stderr == """
            \(path):2:2: warning: invalid UTF-8 (0xFF) replaced by U+FFFD at byte offset 4 [invalid-utf8]
            \(path):2:7: warning: invalid UTF-8 (0xE2 0x80) replaced by U+FFFD at byte offset 9 [invalid-utf8]

            """)
        #expect(outcome.status == 0)
        let quiet = try CLIRunner.run(["split", "--quiet", path])
        #expect(quiet == CLIRunner.Outcome(stdout: outcome.stdout, stderr: "", status: 0))
    }

    @Test func aByteOrderMarkIsDroppedAndNulBytesReadAsSpaces() throws {
        let outcome = try CLIRunner.run(["split"], stdin: Data([0xEF, 0xBB, 0xBF] + Array("Kabul.\u{0}Herat.\n".utf8)))
        #expect(outcome.output == "Kabul.\nHerat.\n")
        #expect(outcome.stderr == "<stdin>:1:8: warning: NUL byte read as a space at byte offset 9 [nul-byte]\n")
    }

    /// A line of invisible characters alone gives no sentence, and a warning says so.
    @Test func invisibleLinesAreWarnedAbout() throws {
        let outcome = try CLIRunner.run(["split"], stdin: "\u{200C}\u{200C}\n\u{200F}\u{202E}\n\u{E0041}\nKabul.\n")
        #expect(outcome.output == "Kabul.\n")
        #expect(outcome.stderr == """
            <stdin>:1:1: warning: the line holds only invisible characters (U+200C and more): no sentence written at byte offset 0 [invisible-line]
            <stdin>:2:1: warning: the line holds only invisible characters (U+200F and more): no sentence written at byte offset 7 [invisible-line]
            <stdin>:3:1: warning: the line holds only invisible characters (U+E0041): no sentence written at byte offset 14 [invisible-line]

            """)
        #expect(outcome.status == 0)
    }

    @Test func aMissingFileExits2AfterTheOthers() throws {
        let scratch = try Scratch()
        let first = try scratch.file("a.txt", "One. Two.\n")
        let second = try scratch.file("b.txt", "Three.\n")
        let missing = scratch.directory.appendingPathComponent("missing.txt").path
        let outcome = try CLIRunner.run(["split", first, missing, second])
        #expect(outcome == CLIRunner.Outcome(stdout: Data("One.\nTwo.\nThree.\n".utf8),
                                             stderr: "\(missing): error: cannot read: No such file or directory\n",
                                             status: 2))
    }

    @Test func joinLinesJoinsHardWrappedParagraphs() throws {
        let input = """
            The acting foreign minister, Amir Khan Muttaqi, opened a
            trade exhibition on Sunday. Dr. Rahimi
            spoke too.

              
            A second paragraph
            Without a stop

            وزیر خارجه گفت که مذاکره
            ادامه دارد. آیا توافق می‌شود؟
            """
        let outcome = try CLIRunner.run(["split", "--join-lines"], stdin: input)
        #expect(outcome == CLIRunner.Outcome(stdout: Data("""
            The acting foreign minister, Amir Khan Muttaqi, opened a trade exhibition on Sunday.
            Dr. Rahimi spoke too.
            A second paragraph Without a stop
            وزیر خارجه گفت که مذاکره ادامه دارد.
            آیا توافق می‌شود؟

            """.utf8), stderr: "", status: 0))
    }

    @Test(arguments: [1, 2, 3])
    func orderIsKeptWithAnyJobCount(jobs: Int) throws {
        let input = (1...20_000).map { "Line \($0) ends. Then \($0) more" }.joined(separator: "\n") + "\n"
        let expected = (1...20_000).map { "Line \($0) ends.\nThen \($0) more" }.joined(separator: "\n") + "\n"
        let outcome = try CLIRunner.run(["split", "--jobs", String(jobs)], stdin: input)
        #expect(outcome.output == expected)
        let joined = try CLIRunner.run(["split", "--join-lines", "--jobs", String(jobs)],
                                       stdin: input.replacingOccurrences(of: " more\n", with: " more.\n\n"))
        #expect(joined.output == expected.replacingOccurrences(of: " more\n", with: " more.\n"))
    }

    @Test(arguments: [
        ["split", "--lang", "de"],
        ["split", "--jobs", "0"],
        ["split", "--no-such-option"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let outcome = try CLIRunner.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("Error:"))
    }
}
