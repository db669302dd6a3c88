import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What every line filter shares, run as the binary: JSON Lines input, answers to a co-process
/// line by line, the progress line, and the note about a stale built-in lexicon.
@Suite("line filters")
struct FilterBehaviourTests {
    static let records = """
        {"id":1,"text":"KABUL — كابل","tags":["a"]}
        {"id":2,"body":"no text here"}
        not json
        {"id":3,"text":"Herat","text":"هرات"}

        """

    /// normalize --input jsonl: the object back with its text normalised (or the text alone, or
    /// into another member); error records keep the object, or the line as "input".
    @Test(arguments: [
        (["--form", "key"], """
            {"id":1,"text":"kabul کابل","tags":["a"]}
            {"id":2,"body":"no text here","error":"no string field 'text'"}
            {"line":3,"error":"expected a JSON object","input":"not json"}
            {"id":3,"text":"هرات"}

            """),
        (["--form", "key", "--output-field", "key"], """
            {"id":1,"text":"KABUL — كابل","tags":["a"],"key":"kabul کابل"}
            {"id":2,"body":"no text here","error":"no string field 'text'"}
            {"line":3,"error":"expected a JSON object","input":"not json"}
            {"id":3,"text":"Herat","text":"هرات","key":"هرات"}

            """),
        (["--format", "text"], "KABUL — کابل\n\n\nهرات\n"),
    ])
    func normalizeReadsJSONLines(options: [String], expected: String) throws {
        let outcome = try CLIRunner.run(["normalize", "--input", "jsonl"] + options, stdin: Self.records)
        #expect(outcome.output == expected)
        #expect(outcome.stderr == """
            <stdin>:2:30: error: no string field 'text' at byte offset 79 [bad-json]
            <stdin>:3:1: error: expected a JSON object at byte offset 81 [bad-json]

            """)
        #expect(outcome.status == 2)
    }

    @Test func textFieldOptionsNeedJSONInput() throws {
        let outcome = try CLIRunner.run(["normalize", "--output-field", "key"], stdin: "x\n")
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--text-field and --output-field need --input jsonl."))
    }

    /// A co-process writes one line and waits for its answer before writing the next: each
    /// answer must come without the input ending, whatever the number of jobs.
    @Test(arguments: [["normalize", "--form", "key"], ["tag", "--format", "tsv"], ["split"],
                      ["tag", "--input", "jsonl", "--types", "place"]], ["1", "2"])
    func answersEachLineBeforeTheNextIsWritten(command: [String], jobs: String) throws {
        let lines = command.contains("jsonl") ? [#"{"text":"Kabul"}"#, #"{"text":"هرات"}"#] : ["Kabul.", "هرات."]
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = command + ["--jobs", jobs]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let reader = output.fileHandleForReading.fileDescriptor
        for line in lines {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
            // Wait up to 10 s for one whole answer line.
            var answer: [UInt8] = []
            let deadline = Date().addingTimeInterval(10)
            while answer.last != 0x0A && Date() < deadline {
                var request = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 100) > 0 else { continue }
                var byte: UInt8 = 0
                guard read(reader, &byte, 1) == 1 else { break }
                answer.append(byte)
            }
            let text = String(decoding: answer, as: UTF8.self)
            #expect(text.hasSuffix("\n"), "no answer to \(line) from \(command) --jobs \(jobs)")
            #expect(text.contains(line.contains("Kabul") ? (command[0] == "normalize" ? "kabul" : "Kabul") : "هرات"))
        }
    }

    /// On a terminal, progress counts what has been read (not the last chunk), with the share and
    /// the time left when the input's size is known.
    @Test func progressShowsBytesShareAndTimeLeft() throws {
        let scratch = try Scratch()
        let line = String(repeating: "Kabul and Herat ", count: 8) + "\n"
        let path = try scratch.file("big.txt", String(repeating: line, count: 20_000))  // 2.6 MB: 5 chunks
        var primary: Int32 = 0, secondary: Int32 = 0
        try #require(openpty(&primary, &secondary, nil, nil, nil) == 0)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["normalize", "--jobs", "1", path]
        var environment = ProcessInfo.processInfo.environment
        environment["LEXALIGN_PROGRESS_INTERVAL"] = "0"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        try process.run()
        process.waitUntilExit()
        close(secondary)
        var shown: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }
            shown += buffer[0..<count]
        }
        close(primary)
        let updates = String(decoding: shown, as: UTF8.self).components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        #expect(process.terminationStatus == 0)
        #expect(updates.count == 5, "\(updates)")
        let megabytes = updates.compactMap { $0.split(separator: " ").dropFirst().first.flatMap { Double($0) } }
        #expect(megabytes == [0.5, 1.0, 1.6, 2.1, 2.6], "\(updates)")
        #expect(updates.first?.hasPrefix("lexalign: 0.5 MB, ") == true)
        #expect(updates.last?.contains(" lines, ") == true && updates.last?.contains(", 100%, 0:00 left") == true, "\(updates)")
    }

    /// A run with the built-in lexicon in a folder whose ./Lexicons differs says so once, with
    /// both digests, unless --quiet.
    @Test func aStaleBuiltInLexiconIsNoted() throws {
        let scratch = try Scratch()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: root.appendingPathComponent("Lexicons"), to: scratch.directory.appendingPathComponent("Lexicons"))
        let same = try CLIRunner.run(["tag", "--format", "tsv"], stdin: Data("Kabul\n".utf8), in: scratch.directory)
        #expect(same.stderr == "")
        // A data file the build would embed and this binary does not have is a difference too.
        let extra = scratch.directory.appendingPathComponent("Lexicons/fuzzy/more-words.tsv")
        try "word\tlang\n".write(to: extra, atomically: true, encoding: .utf8)
        let added = try CLIRunner.run(["tag", "--format", "tsv"], stdin: Data("Kabul\n".utf8), in: scratch.directory)
        #expect(added.stderr.hasPrefix("lexalign: note: using the lexicon built into this binary (sha256 "))
        try FileManager.default.removeItem(at: extra)
        // So is a change that keeps every file's size: one letter of a label.
        let labels = scratch.directory.appendingPathComponent("Lexicons/labels.tsv")
        let original = try String(contentsOf: labels, encoding: .utf8)
        let oneLetter = try #require(original.range(of: "\tKabul\t"))
        try original.replacingCharacters(in: oneLetter, with: "\tKabol\t").write(to: labels, atomically: true,
                                                                                 encoding: .utf8)
        let sameSize = try CLIRunner.run(["tag", "--format", "tsv"], stdin: Data("Kabul\n".utf8), in: scratch.directory)
        #expect(sameSize.stderr.hasPrefix("lexalign: note: using the lexicon built into this binary (sha256 "))
        try original.write(to: labels, atomically: true, encoding: .utf8)
        try (try String(contentsOf: labels, encoding: .utf8) + "place:kabul\ten\talt\tKabool\t\t\n").write(to: labels, atomically: true, encoding: .utf8)
        let changed = try CLIRunner.run(["tag", "--format", "tsv"], stdin: Data("Kabul\nKabul\n".utf8), in: scratch.directory)
        #expect(changed.output == "1\t0\t5\tplace:kabul\tKabul\n2\t0\t5\tplace:kabul\tKabul\n")
        let note = try #require(changed.stderr.split(separator: "\n").first.map(String.init))
        #expect(changed.stderr.split(separator: "\n").count == 1)
        #expect(note.hasPrefix("lexalign: note: using the lexicon built into this binary (sha256 "))
        #expect(note.hasSuffix("; rebuild lexalign or pass --lexicon Lexicons"))
        let quiet = try CLIRunner.run(["tag", "--quiet"], stdin: Data("Kabul\n".utf8), in: scratch.directory)
        #expect(quiet.stderr == "")
        let explicit = try CLIRunner.run(["tag", "--format", "tsv", "--lexicon", "Lexicons"], stdin: Data("Kabool\n".utf8), in: scratch.directory)
        #expect(explicit == CLIRunner.Outcome(stdout: Data("1\t0\t6\tplace:kabul\tKabool\n".utf8), stderr: "", status: 0))
    }
}
