import ContentHash
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile and unlucky input (../shared/repro holds the original reproductions): files that are
/// not ours are never damaged, reads are bounded, and invalid files are refused with their place.
@Suite("hostile input")
struct HostileInputTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of a shipped document in a scratch folder.
    static func document(_ name: String = "qosh-tepa-canal", in scratch: Scratch, folder: String = "doc") throws -> String {
        let source = repository.appendingPathComponent("Alignments/\(name)")
        let target = scratch.directory.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        return target.path
    }

    static func contents(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    // MARK: writing output

    /// `-o` naming one of the command's inputs is refused and the input stays as it was.
    @Test(arguments: [
        ["align", "--presplit", "--source", "prs.txt", "--target", "en.txt", "-o", "en.txt"],
        ["align", "export", "prs-en.tsv", "--format", "vecalign", "-o", "prs-en.tsv"],
        ["align", "export", "prs-en.tsv", "--format", "tmx", "-o", "prs.txt"],
    ])
    func outputOverAnInputIsRefused(arguments: [String]) throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        let victim = folder + "/" + arguments.last!
        let before = try Self.contents(victim)
        let outcome = try CLIRunner.run(arguments, in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("refusing to write over \(arguments.last!), which this command reads"))
        #expect(try Self.contents(victim) == before)
    }

    /// Moses output would give both sides one file name: refused, nothing written.
    @Test func mosesWithOneLanguageOnBothSidesIsRefused() throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        let outcome = try CLIRunner.run(["align", "export", "prs-en.tsv", "--format", "moses", "-o", "mo", "--source-lang", "en"],
                                        in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "lexalign: error: both sides are en: --format moses would write mo.en twice; give --source-lang or --target-lang\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/mo.en"))
    }

    /// A FIFO (like a device) is written into, not renamed over; it stays a FIFO.
    @Test func aNamedPipeIsWrittenIntoAndStaysAPipe() throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        let fifo = folder + "/out.fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        let received = LockedData()
        // Open and read to the end as a reader of a pipe does (Data(contentsOf:) stops at size 0).
        let reader = Thread { received.set(FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()) }
        reader.start()
        let outcome = try CLIRunner.run(["align", "export", "prs-en.tsv", "--format", "vecalign", "-o", fifo], in: URL(fileURLWithPath: folder))
        while !received.isSet { Thread.sleep(forTimeInterval: 0.01) }
        #expect(outcome.status == 0)
        #expect(String(decoding: received.value, as: UTF8.self).hasPrefix("[0]:[0]:"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    /// `/dev/stdout` is standard output, whatever it is connected to.
    @Test func devStdoutIsStandardOutput() throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        let outcome = try CLIRunner.run(["align", "export", "prs-en.tsv", "--format", "vecalign", "-o", "/dev/stdout"], in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("[0]:[0]:"))
    }

    /// Through a symbolic link: the file it points to is rewritten (mode kept), the link stays.
    @Test func aSymlinkedLexiconFileIsFormattedWhereItPoints() throws {
        let scratch = try Scratch()
        let real = scratch.directory.appendingPathComponent("real").path
        let lexicon = scratch.directory.appendingPathComponent("lex").path
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: lexicon, withIntermediateDirectories: true)
        _ = try scratch.file("lex/entities.tsv", "place:kabul\tplace\t\t\t\n")
        _ = try scratch.file("real/labels.tsv", "place:kabul\ten\talt\tKabulo\t\t\nplace:kabul\ten\tpref\tKabul\t\t\n")
        try #require(chmod(real + "/labels.tsv", 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: lexicon + "/labels.tsv", withDestinationPath: "../real/labels.tsv")
        let outcome = try CLIRunner.run(["lexicon", "fmt", lexicon])
        #expect(outcome.status == 0)
        var info = stat()
        #expect(lstat(lexicon + "/labels.tsv", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: real + "/labels.tsv", encoding: .utf8) == "place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKabulo\t\t\n")
        #expect(stat(real + "/labels.tsv", &info) == 0 && info.st_mode & 0o777 == 0o640)
        // nothing left behind in either folder
        #expect(try FileManager.default.contentsOfDirectory(atPath: real) == ["labels.tsv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: lexicon).sorted() == ["entities.tsv", "labels.tsv"])
    }

    /// The old predictable temporary names are not followed: a symlink planted under one does not
    /// make fmt write into its target.
    @Test func plantedSymlinksAreNotWrittenThrough() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", "place:kabul\tplace\t\t\t\n")
        _ = try scratch.file("lex/labels.tsv", "place:kabul\ten\talt\tKabulo\t\t\nplace:kabul\ten\tpref\tKabul\t\t\n")
        let victim = try scratch.file("victim", "must not change\n")
        let lexicon = scratch.directory.appendingPathComponent("lex").path
        for pid in 1...2000 {
            try FileManager.default.createSymbolicLink(atPath: lexicon + "/labels.tsv.lexalign-\(pid).tmp", withDestinationPath: victim)
        }
        #expect(try CLIRunner.run(["lexicon", "fmt", lexicon]).status == 0)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "must not change\n")
    }

    // MARK: pinned files

    /// Pins may name only files inside the bead file's folder; validate reports the pin, and
    /// --fix copies nothing from the file it names.
    @Test(arguments: ["../secret.txt", "/etc/hostname"])
    func pinsOutsideTheFolderAreNotRead(pin: String) throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch, folder: "repo/doc")
        _ = try scratch.file("repo/secret.txt", "SECRET_TOKEN=abc123\n")
        let bead = folder + "/prs-en.tsv"
        let text = try String(contentsOfFile: bead, encoding: .utf8)
        try text.replacingOccurrences(of: "# source: prs.txt", with: "# source: \(pin)").write(toFile: bead, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["validate", "--fix", "doc"], in: URL(fileURLWithPath: folder).deletingLastPathComponent())
        #expect(outcome.status == 1)
        #expect(outcome.output.contains("doc/prs-en.tsv:1:11: error: the pin names \(pin)"))
        #expect(!(try String(contentsOfFile: bead, encoding: .utf8)).contains("SECRET"))
    }

    /// A pin inside the folder that leads elsewhere (a symbolic link out, to a device) or is no
    /// regular file (a FIFO that would block, an endless stream) is not read.
    @Test(arguments: [("/dev/zero", "leads (through a symbolic link) to /dev/zero, outside the bead file's folder"),
                      ("../../secret.txt", "outside the bead file's folder"), ("FIFO", "not a regular file")])
    func pinnedFilesMustBeRegularFilesInTheFolder(destination: String, reason: String) throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch, folder: "repo/doc")
        _ = try scratch.file("secret.txt", "SECRET_TOKEN=abc123\n")
        try FileManager.default.removeItem(atPath: folder + "/prs.txt")
        if destination == "FIFO" {
            try #require(mkfifo(folder + "/prs.txt", 0o600) == 0)
        } else {
            try FileManager.default.createSymbolicLink(atPath: folder + "/prs.txt", withDestinationPath: destination)
        }
        let outcome = try CLIRunner.run(["validate", "--fix", "prs-en.tsv"], in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 1)
        #expect(outcome.output.contains("prs-en.tsv:1:1: error: source sentence file prs.txt cannot be read: "), "\(outcome.output)")
        #expect(outcome.output.contains(reason))
        #expect(!(try String(contentsOfFile: folder + "/prs-en.tsv", encoding: .utf8)).contains("SECRET"))
    }

    /// A pin name with a space round-trips: align writes it escaped, validate and export read it.
    @Test func pinNamesWithSpacesRoundTrip() throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch, folder: "my doc")
        try FileManager.default.moveItem(atPath: folder + "/prs.txt", toPath: folder + "/dari text.txt")
        let here = URL(fileURLWithPath: folder)
        #expect(try CLIRunner.run(["align", "--presplit", "--source", "dari text.txt", "--target", "en.txt", "-o", "prs-en.tsv"], in: here).status == 0)
        #expect(try String(contentsOfFile: folder + "/prs-en.tsv", encoding: .utf8).hasPrefix("# source: dari%20text.txt sha256="))
        let validate = try CLIRunner.run(["validate", "prs-en.tsv"], in: here)
        #expect(!validate.output.contains("error"), "\(validate.output)")
        #expect(try CLIRunner.run(["align", "export", "--all", "prs-en.tsv"], in: here).status == 0)
    }

    // MARK: numbers from files

    /// A ref far beyond the sentence files sizes nothing: export names the problem and stops.
    @Test func aHugeRangeIsARefOutOfRange() throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        let bead = folder + "/prs-en.tsv"
        var lines = try String(contentsOfFile: bead, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let last = lines.count - 2
        var fields = lines[last].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        fields[0] = fields[0].split(separator: "-").first! + "-9223372036854775807"
        lines[last] = fields.joined(separator: "\t")
        try lines.joined(separator: "\n").write(toFile: bead, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["align", "export", "--all", "--format", "vecalign", "prs-en.tsv"], in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("[ref-out-of-range]"))
    }

    /// export and rescore refuse a file validate finds errors in (a duplicated bead, a stale pin).
    @Test(arguments: [["align", "export", "--format", "moses", "-o", "out", "prs-en.tsv"], ["align", "rescore", "prs-en.tsv"]])
    func invalidAlignmentsAreNotExportedOrRescored(arguments: [String]) throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        let bead = folder + "/prs-en.tsv"
        var lines = try String(contentsOfFile: bead, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(lines[5], at: 5)
        try lines.joined(separator: "\n").write(toFile: bead, atomically: true, encoding: .utf8)
        try "changed\n".write(toFile: folder + "/en.txt", atomically: true, encoding: .utf8)
        let before = try Self.contents(bead)
        let outcome = try CLIRunner.run(arguments, in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("[stale-pin]") && outcome.stderr.contains("[coverage]"))
        #expect(outcome.stderr.hasSuffix("finds no error in it\n"))
        #expect(try Self.contents(bead) == before)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.prs"))
    }

    /// An input without line feeds (an endless stream) stops at 256 MiB with an error, exit 2.
    @Test func aLineWithoutEndIsBounded() throws {
        let outcome = try CLIRunner.run(["normalize", "--quiet", "/dev/zero"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "/dev/zero:1: error: line longer than 256 MiB (no line feed): the rest of this input is not read\n")
    }

    /// --jobs is capped near the core count, with a note.
    @Test func jobsAreCapped() throws {
        let outcome = try CLIRunner.run(["tag", "--format", "tsv", "--jobs", "20000"], stdin: "Kabul\n")
        #expect(outcome.output == "1\t0\t5\tplace:kabul\tKabul\n")
        #expect(outcome.stderr.hasPrefix("lexalign: note: --jobs 20000 capped at "))
        #expect(outcome.status == 0)
    }

    // MARK: folder walks

    /// Symbolic links back up the tree: every file is checked once, and the walk ends.
    @Test func selfLinksAreWalkedOnce() throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: "..")
        let outcome = try CLIRunner.run(["validate", "doc"], in: scratch.directory)
        #expect(outcome.status == 0)
        #expect(outcome.output.hasSuffix("in 2 files\n") || outcome.output == "no problems in 2 files\n", "\(outcome.output)")
    }

    /// A bead file without pins validates with a warning, which --strict fails.
    @Test func aBeadFileWithoutPinsIsWarnedAbout() throws {
        let scratch = try Scratch()
        let folder = try Self.document(in: scratch)
        let bead = folder + "/prs-en.tsv"
        let text = try String(contentsOfFile: bead, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n").write(toFile: bead, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["validate", "--strict", "prs-en.tsv"], in: URL(fileURLWithPath: folder))
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("prs-en.tsv:1:1: warning: no source pin: nothing tells when the source sentence file changes"))
    }

    // MARK: lexicons that lint rejects

    static let entities = "place:kabul\tplace\t\t\t\n"
    static let labels = "place:kabul\ten\tpref\tKabul\t\t\n"

    /// Each error lint reports stops tag, align and validate given the folder, with exit 2.
    @Test(arguments: [
        ("broader cycle", entities + "place:a\tplace\tplace:b\t\t\nplace:b\tplace\tplace:a\t\t\n",
         labels + "place:a\ten\tpref\tAville\t\t\nplace:b\ten\tpref\tBville\t\t\n", "[broader-cycle]"),
        ("unknown id", entities, labels + "place:nowhere\ten\tpref\tNowhereland\t\t\n", "[unknown-id]"),
        ("duplicate id", entities + entities, labels, "[duplicate-id]"),
        ("missing en pref", entities + "place:herat\tplace\t\t\t\n", labels + "place:herat\tprs\tpref\tهرات\t\t\n", "[missing-en-pref]"),
        ("second pref", entities, labels + "place:kabul\ten\tpref\tCabul\t\t\n", "[duplicate-pref]"),
        ("empty entities", "", "", "[empty-lexicon]"),
        ("unknown broader", "place:kabul\tplace\tplace:nowhere\t\t\n", labels, "[unknown-broader]"),
        ("script", entities, labels + "place:kabul\tprs\talt\tKabul\t\t\n", "[script-mismatch]"),
        ("Arabic script in English", entities, labels + "place:kabul\ten\talt\tکابل\t\t\n", "[script-mismatch]"),
        ("negative conflict", entities, labels + "place:kabul\ten\tnegative\tKABUL\t\t\n", "[negative-conflict]"),
    ])
    func aLexiconLintRejectsIsNeverUsed(problem: String, entities: String, labels: String, rule: String) throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", entities)
        _ = try scratch.file("lex/labels.tsv", labels)
        let document = try Self.document(in: scratch)
        for arguments in [["tag", "--lexicon", "lex"], ["align", "--presplit", "--source", "doc/prs.txt", "--target", "doc/en.txt", "--lexicon", "lex"],
                          ["validate", "--lexicon", "lex", "doc/prs-en.tsv"]] {
            let outcome = try CLIRunner.run(arguments, stdin: Data("Kabul\n".utf8), in: scratch.directory)
            #expect(outcome.status == 2, "\(problem): \(arguments[0])")
            #expect(outcome.stdout.isEmpty, "\(problem): \(arguments[0])")
            #expect(outcome.stderr.contains(rule), "\(problem): \(arguments[0]): \(outcome.stderr)")
            #expect(outcome.stderr.hasSuffix("and is not used; `lexalign lexicon lint` lists every problem with its hint\n"))
        }
        _ = document
    }

    /// Loading is linear in the depth of broader chains: 3,000 levels (34 s before) load, and the
    /// deepest entity's chain is complete.
    @Test func deepBroaderChainsLoadAndAreComplete() throws {
        let scratch = try Scratch()
        let depth = 3_000
        var entities = "", labels = ""
        for level in 0..<depth { entities += "place:d\(level)\tplace\tplace:d\(level + 1)\t\t\n" }
        entities += "place:d\(depth)\tplace\t\t\t\n"
        for level in 0...depth { labels += "place:d\(level)\ten\tpref\tDeepville \(level)\t\t\n" }
        _ = try scratch.file("lex/entities.tsv", entities)
        _ = try scratch.file("lex/labels.tsv", labels)
        let outcome = try CLIRunner.run(["tag", "--lexicon", "lex"], stdin: Data("Deepville 0\n".utf8), in: scratch.directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
        let mention = try #require((record["mentions"] as? [[String: Any]])?.first)
        #expect((mention["broader"] as? [String])?.count == depth)
        #expect((mention["broader"] as? [String])?.last == "place:d\(depth)")
    }

    // MARK: diagnostics

    /// Escape sequences in a lexicon reach the terminal only as visible text.
    @Test func controlCharactersInDiagnosticsAreEscaped() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", Self.entities)
        _ = try scratch.file("lex/labels.tsv", Self.labels + "place:kabul\t\u{1B}]0;pwned\u{07}\u{1B}[31m\talt\tKabulo\t\t\n")
        let outcome = try CLIRunner.run(["lexicon", "lint", "lex"], in: scratch.directory)
        #expect(outcome.status == 1)
        #expect(!outcome.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(outcome.stderr.contains("unknown lang '\\x1B]0;pwned\\x07\\x1B[31m'"))
    }

    // MARK: line ends, encodings, output quirks

    /// CR-only line ends are line ends: fmt keeps every line (it merged them all before).
    @Test func crOnlyLexiconsKeepTheirLines() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", "place:herat\tplace\t\t\t\rplace:kabul\tplace\t\t\t\r")
        _ = try scratch.file("lex/labels.tsv", "place:kabul\ten\tpref\tKabul\t\t\rplace:herat\ten\tpref\tHerat\t\t\r")
        let lint = try CLIRunner.run(["lexicon", "lint", "lex"], in: scratch.directory)
        #expect(lint.stderr.contains("lex/labels.tsv:1:28: error: line ends in a CR alone (old Mac line ends)"), "\(lint.stderr)")
        #expect(try CLIRunner.run(["lexicon", "fmt", "lex"], in: scratch.directory).status == 0)
        #expect(try String(contentsOfFile: scratch.directory.path + "/lex/labels.tsv", encoding: .utf8)
            == "place:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\n")
        #expect(try CLIRunner.run(["lexicon", "lint", "--strict", "lex"], in: scratch.directory).status == 0)
    }

    /// Invalid UTF-8 in a lexicon is a lint error at its place, and fmt leaves the bytes alone.
    @Test func invalidUTF8InALexiconIsAnErrorAndFmtKeepsTheBytes() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", Self.entities)
        let labels = Array("place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKab".utf8) + [0xFF] + Array("ulo\t\t\n".utf8)
        let path = try scratch.file("lex/labels.tsv", labels)
        let lint = try CLIRunner.run(["lexicon", "lint", "lex"], in: scratch.directory)
        #expect(lint.status == 1)
        #expect(lint.stderr.hasPrefix("lex/labels.tsv:2:23: error: invalid UTF-8 (0xFF) at byte offset 50; lexicon files are UTF-8 [invalid-utf8]"))
        let format = try CLIRunner.run(["lexicon", "fmt", "lex"], in: scratch.directory)
        #expect(format.status == 1)
        #expect(try Self.contents(path) == Data(labels))
    }

    /// A BOM or UTF-16 lexicon gets one clear message; fmt removes a BOM and refuses UTF-16.
    @Test func aByteOrderMarkOrUTF16GetsOneMessage() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", Self.entities)
        let labels = try scratch.file("lex/labels.tsv", [0xEF, 0xBB, 0xBF] + Array(Self.labels.utf8))
        let bom = try CLIRunner.run(["lexicon", "lint", "lex"], in: scratch.directory)
        #expect(bom.stderr.hasPrefix("lex/labels.tsv:1:1: error: the file starts with a byte order mark; lexicon files are UTF-8 without one"))
        #expect(bom.stderr.hasSuffix("1 error in 1 of 2 files\n"))
        #expect(try CLIRunner.run(["lexicon", "fmt", "lex"], in: scratch.directory).status == 0)
        #expect(try Self.contents(labels) == Data(Self.labels.utf8))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.entities.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let entities = try scratch.file("lex/entities.tsv", utf16)
        let lint = try CLIRunner.run(["lexicon", "lint", "lex"], in: scratch.directory)
        #expect(lint.stderr == """
            lex/entities.tsv:1:1: error: the file is UTF-16; lexicon files are UTF-8 (save it as UTF-8 in your editor) [encoding]
                hint: Save the file as UTF-8 without a BOM (`lexalign lexicon fmt` removes a BOM).
            1 error in 1 of 2 files

            """)
        #expect(try CLIRunner.run(["lexicon", "fmt", "lex"], in: scratch.directory).status == 1)
        #expect(try Self.contents(entities) == Data(utf16))
    }

    /// Inline output is UTF-8 even when the input line is not (U+FFFD, as the JSON text shows it).
    @Test func inlineOutputIsValidUTF8() throws {
        let outcome = try CLIRunner.run(["tag", "--format", "inline", "--quiet"], stdin: Data([0xFF] + Array("Daesh ".utf8) + [0xF0, 0x9F, 0x98] + Array(" ISIS-K\n".utf8)))
        #expect(outcome.output == "\u{FFFD}Islamic State \u{FFFD} Islamic State Khorasan Province\n")
        #expect(String(validating: outcome.stdout, as: UTF8.self) != nil)
    }

    // MARK: exit codes

    /// Closed standard output: exit 2 and one message, whatever the command.
    @Test(arguments: [["normalize"], ["tag"], ["split"], ["lexicon", "stats"], ["validate", "Lexicons"],
                      ["align", "export", "Alignments/qosh-tepa-canal/prs-en.tsv"]])
    func closedStandardOutputIsAnError(command: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "echo Kabul | \"$0\" \"$@\" >&-", CLIRunner.binary.path] + command
        process.currentDirectoryURL = Self.repository
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(command)")
        #expect(message == "lexalign: error: cannot write output: standard output is closed\n", "\(command)")
    }

    /// `lexicon stats` counts what it can read and exits 1 when lines had errors.
    @Test func statsOfABrokenLexiconExitsOne() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", Self.entities + "place:herat\tcity\t\t\t\n")
        _ = try scratch.file("lex/labels.tsv", Self.labels)
        let outcome = try CLIRunner.run(["lexicon", "stats", "lex"], in: scratch.directory)
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("entities\t1\n"))
        #expect(outcome.stderr.hasPrefix("lex/entities.tsv:2:13: error: unknown type 'city'"))
    }

    /// A lexicon fix that cannot be written makes validate --fix exit 2 (run as an unprivileged
    /// user, since root writes anywhere).
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
    func aFixThatCannotBeWrittenExitsTwo() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", Self.entities)
        _ = try scratch.file("lex/labels.tsv", "place:kabul\ten\talt\tKabulo\t\t\n" + Self.labels)
        let folder = scratch.directory.appendingPathComponent("lex").path
        #expect(chmod(scratch.directory.path, 0o755) == 0 && chmod(folder, 0o555) == 0)
        defer { chmod(folder, 0o755) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLIRunner.binary.path, "validate", "--fix", folder]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(message)")
        #expect(message.contains("cannot create a file in its folder: Permission denied"))
    }

    /// SIGTERM while a rewrite waits in fsync (strace delays the call): the temporary file is
    /// removed and the original stays as it was.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "needs strace"))
    func anInterruptedWriteLeavesNoTemporaryFile() throws {
        let scratch = try Scratch()
        _ = try scratch.file("lex/entities.tsv", Self.entities)
        let labels = "place:kabul\ten\talt\tKabulo\t\t\n" + Self.labels
        let path = try scratch.file("lex/labels.tsv", labels)
        let folder = scratch.directory.appendingPathComponent("lex").path
        let tracer = Process()
        tracer.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        tracer.arguments = ["-f", "-o", "/dev/null", "-e", "inject=fsync:delay_enter=5000000", CLIRunner.binary.path, "lexicon", "fmt", folder]
        tracer.standardError = FileHandle.nullDevice
        try tracer.run()
        defer { if tracer.isRunning { tracer.terminate() } }
        // Wait for the temporary file, then signal lexalign (the tracer's child).
        let deadline = Date().addingTimeInterval(20)
        var temporary: [String] = []
        while temporary.isEmpty && Date() < deadline {
            temporary = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".tmp") }
            if temporary.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        try #require(!temporary.isEmpty, "no temporary file appeared")
        let children = try String(contentsOfFile: "/proc/\(tracer.processIdentifier)/task/\(tracer.processIdentifier)/children", encoding: .utf8)
        let child = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        let status = (try? String(contentsOfFile: "/proc/\(child)/status", encoding: .utf8)) ?? ""
        let signals = status.split(separator: "\n").filter { $0.hasPrefix("Sig") || $0.hasPrefix("Name") }.joined(separator: "; ")
        #expect(kill(child, SIGTERM) == 0)
        tracer.waitUntilExit()
        #expect(tracer.terminationStatus != 0, "lexalign finished before the signal: \(signals)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["entities.tsv", "labels.tsv"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == labels, "temporary files seen: \(temporary)")
    }
}
