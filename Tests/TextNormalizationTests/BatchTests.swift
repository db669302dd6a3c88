import Testing
import TextNormalization

/// Cutting input into chunks of lines and running processors in parallel, in order.
@Suite("batch processing")
struct BatchTests {
    static func chunks(of text: [UInt8], size: Int) throws -> [LineChunk] {
        var chunker = LineChunker(MemoryByteSource(text), targetSize: size)
        var chunks: [LineChunk] = []
        while let chunk = try chunker.next() { chunks.append(chunk) }
        return chunks
    }

    static func lines(of chunks: [LineChunk]) -> [String] {
        var lines: [String] = []
        for chunk in chunks {
            chunk.forEachLine { lines.append(String(decoding: chunk.bytes[$0], as: UTF8.self)) }
        }
        return lines
    }

    @Test(arguments: [
        ("a\nb\nc\n", ["a", "b", "c"]),
        ("a\nb\nc", ["a", "b", "c"]),
        ("a\r\nb\r\n", ["a", "b"]),
        ("a\rb\n", ["a\rb"]),
        ("\n\n", ["", ""]),
        ("", []),
        ("only", ["only"]),
    ])
    func linesAndLineEnds(input: String, expected: [String]) throws {
        for size in [1, 2, 3, 1 << 20] {
            let chunks = try BatchTests.chunks(of: Array(input.utf8), size: size)
            #expect(BatchTests.lines(of: chunks) == expected, "chunk size \(size)")
        }
    }

    /// The chunker knows offsets; lines are counted by whoever processes a chunk, so it leaves
    /// `firstLine` 0.
    @Test func chunksKnowTheirOffsetAndLineCount() throws {
        let chunks = try BatchTests.chunks(of: Array("one\ntwo\nthree\nfour\nfive".utf8), size: 5)
        #expect(chunks.map(\.byteOffset) == [0, 4, 8, 14, 19])
        #expect(chunks.map(\.lineCount) == [1, 1, 1, 1, 1])
        #expect(chunks.map(\.firstLine) == [0, 0, 0, 0, 0])
    }

    @Test(arguments: [
        ("", 0), ("\n", 1), ("a", 1), ("a\n", 1), ("a\nb", 2), ("\n\n\n", 3), ("a\r\nb\r\n", 2), ("a\rb", 1),
    ])
    func lineCounts(input: String, expected: Int) {
        #expect(LineChunk(bytes: Array(input.utf8), firstLine: 0, byteOffset: 0).lineCount == expected)
    }

    @Test func aLineLongerThanTheChunkIsKeptWhole() throws {
        let long = String(repeating: "x", count: 10_000)
        let chunks = try BatchTests.chunks(of: Array("a\n\(long)\nb".utf8), size: 64)
        #expect(BatchTests.lines(of: chunks) == ["a", long, "b"])
    }

    @Test(arguments: [
        "a\nb\n\nc\nd\n",
        "a\nb\n \t\r\nc\r\nd",
        "\n\na\n\n\n",
        "one long paragraph\nwithout a blank line\nat all\n",
        "",
    ])
    func paragraphsAreNeverCut(input: String) throws {
        let bytes = Array(input.utf8)
        for size in [1, 2, 3, 5, 8, 1 << 20] {
            var chunker = LineChunker(MemoryByteSource(bytes), targetSize: size, cut: .blankLine)
            var chunks: [LineChunk] = []
            while let chunk = try chunker.next() { chunks.append(chunk) }
            #expect(chunks.flatMap(\.bytes) == bytes, "chunk size \(size)")
            #expect(BatchTests.lines(of: chunks) == BatchTests.lines(of: try BatchTests.chunks(of: bytes, size: 1 << 20)))
            // Every chunk but the last ends with a blank line.
            for chunk in chunks.dropLast() {
                var lines: [String] = []
                chunk.forEachLine { lines.append(String(decoding: chunk.bytes[$0], as: UTF8.self)) }
                #expect(lines.last?.allSatisfy { $0 == " " || $0 == "\t" } == true, "chunk size \(size): \(lines)")
            }
        }
    }

    /// With a document field, chunks end only between records of different documents; a line that
    /// is not a JSON object (or lacks the member) is a document of its own.
    @Test(arguments: [
        ("{\"d\":1}\n{\"d\":1}\n{\"d\":1}\n{\"d\":2}\n{\"d\":2}\n{\"d\":\"x\"}\n", [[1, 2, 3], [4, 5], [6]]),
        ("{\"d\":1}\nnot json\n{\"d\":1}\n{\"e\":1}\n", [[1], [2], [3], [4]]),
        ("{\"d\":7,\"t\":\"a\"}\n{\"t\":\"b\",\"d\":7}", [[1, 2]]),
    ])
    func documentsAreNeverCut(input: String, documents: [[Int]]) throws {
        let bytes = Array(input.utf8)
        for size in [1, 2, 5, 9, 1 << 20] {
            var chunker = LineChunker(MemoryByteSource(bytes), targetSize: size, cut: .documentField("d"))
            var chunks: [LineChunk] = []
            while let chunk = try chunker.next() { chunks.append(chunk) }
            #expect(chunks.flatMap(\.bytes) == bytes, "chunk size \(size)")
            // Each chunk holds whole documents: its first line starts one, its last line ends one.
            let firsts = Set(documents.map { $0.first! }), lasts = Set(documents.map { $0.last! })
            var firstLine = 1
            for chunk in chunks {
                var count = 0
                chunk.forEachLine { _ in count += 1 }
                #expect(count == chunk.lineCount)
                #expect(firsts.contains(firstLine), "chunk size \(size)")
                #expect(lasts.contains(firstLine + count - 1), "chunk size \(size)")
                firstLine += count
            }
        }
    }

    /// Cut only at the end: the whole input is one chunk; beyond the limit, the error says what
    /// could not be held.
    @Test(arguments: [
        ("a\nb\n\nc\n", 64, ["a\nb\n\nc\n"], nil),
        ("a\nb", 64, ["a\nb"], nil),
        ("", 64, [], nil),
        (String(repeating: "word\n", count: 40), 16, [],
         "input longer than 0 MiB, the most one document may hold: the rest of this input is not read"),
    ] as [(String, Int, [String], String?)])
    func wholeInputsAreOneChunk(input: String, limit: Int, expected: [String], error: String?) throws {
        var chunker = LineChunker(MemoryByteSource(Array(input.utf8)), targetSize: 2, cut: .endOfInput, maximumLine: limit)
        var chunks: [String] = []
        do {
            while let chunk = try chunker.next() { chunks.append(String(decoding: chunk.bytes, as: UTF8.self)) }
            #expect(error == nil)
            #expect(chunks == expected)
        } catch let tooLong as LineTooLong {
            #expect(tooLong.message == error)
            // Numbered by the runner, which has counted the lines before it.
            #expect(tooLong.line == 0)
        }
    }

    /// Every job count numbers lines alike (each worker counts its own chunk's lines, then waits
    /// for the counts before it) and writes them in order.
    @Test(arguments: [1, 2, 3, 4])
    func workersNumberLinesInOrder(jobs: Int) throws {
        let input = (1...3_000).map { $0 % 7 == 0 ? "" : "سطر \($0)" }.joined(separator: "\n")
        let context = try NormalizationContext(options: NormalizationOptions(form: .key))
        let processors = try (0..<jobs).map { _ in
            NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: .jsonl)
        }
        var output: [UInt8] = []
        try ParallelLineRunner(processors: processors, chunkSize: 101).run(MemoryByteSource(Array(input.utf8))) {
            output += $0.output
        }
        let numbers = String(decoding: output, as: UTF8.self).split(separator: "\n").map { line in
            Int(line.dropFirst(#"{"line":"#.count).prefix { $0.isNumber })
        }
        #expect(numbers == (1...3_000).map { $0 })
    }

    /// A line too long for the reader stops the input with its own number, after every line read
    /// before it has been processed and written, whatever the number of jobs.
    @Test(arguments: [1, 2, 3])
    func aLineTooLongComesAfterEveryLineBeforeIt(jobs: Int) throws {
        let lines = (1...2_000).map { "line \($0)" }
        let input = Array((lines.joined(separator: "\n") + "\n" + String(repeating: "x", count: 5_000)).utf8)
        let context = try NormalizationContext(options: NormalizationOptions(form: .key))
        let processors = try (0..<jobs).map { _ in
            NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: .text)
        }
        var output: [UInt8] = []
        let runner = ParallelLineRunner(processors: processors, chunkSize: 256, maximumLine: 4_096)
        #expect(throws: LineTooLong(line: 2_001, limit: 4_096)) {
            try runner.run(MemoryByteSource(input)) { output += $0.output }
        }
        #expect(String(decoding: output, as: UTF8.self) == lines.joined(separator: "\n") + "\n")
    }

    @Test(arguments: [1, 2, 3, 4])
    func runnerKeepsInputOrder(jobs: Int) throws {
        let input = (1...5_000).map { "سطر \($0) Line \($0)" }.joined(separator: "\n") + "\n"
        let context = try NormalizationContext(options: NormalizationOptions(form: .key))
        let processors = try (0..<jobs).map { _ in
            NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: .text)
        }
        var output: [UInt8] = []
        var lines = 0
        try ParallelLineRunner(processors: processors, chunkSize: 997).run(MemoryByteSource(Array(input.utf8))) {
            output += $0.output
            lines += $0.lineCount
        }
        let expected = (1...5_000).map { "سطر \($0) line \($0)" }.joined(separator: "\n") + "\n"
        #expect(String(decoding: output, as: UTF8.self) == expected)
        #expect(lines == 5_000)
    }

    @Test func jsonRecordsCarryLineTextFormAndLanguage() throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .key))
        let processor = NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: .jsonl, fileName: "a.txt")
        var result = ChunkResult()
        processor.process(LineChunk(bytes: Array("Say \"ISIS-K\"\\\n\nکابل\n".utf8), firstLine: 7, byteOffset: 0), into: &result)
        #expect(String(decoding: result.output, as: UTF8.self) == """
            {"line":7,"file":"a.txt","text":"say \\"isis k\\"\\\\","form":"key","lang":"en"}
            {"line":8,"file":"a.txt","text":"","form":"key","lang":"und"}
            {"line":9,"file":"a.txt","text":"کابل","form":"key","lang":"prs"}

            """)
    }

    @Test func issuesCarryTheirPlaceInTheInput() throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .text))
        let processor = NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: .text)
        var result = ChunkResult()
        processor.process(LineChunk(bytes: [0x61, 0x0A, 0x62, 0xFF, 0x0A], firstLine: 10, byteOffset: 100), into: &result)
        #expect(result.issues == [LineIssue(line: 11, column: 2, byteOffset: 103, severity: .warning,
                                            message: "invalid UTF-8 (0xFF) replaced by U+FFFD", ruleID: "invalid-utf8")])
        #expect(result.issues[0].diagnostic(path: "in.txt").description
            == "in.txt:11:2: warning: invalid UTF-8 (0xFF) replaced by U+FFFD at byte offset 103 [invalid-utf8]")
    }
}
