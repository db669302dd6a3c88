import Testing
import TestCorpora
import TextNormalization

/// Properties over whole files of running text: each form keeps the line count and is
/// idempotent. The project's own texts are always checked; the external English–Dari–Pashto
/// corpora (see `TestCorpora`) when they are there.
@Suite("corpus properties")
struct CorpusPropertyTests {
    static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
    }

    @Test("idempotent, line count kept: project texts", arguments: NormalizationForm.allCases, TestCorpora.projectTexts)
    func projectTexts(form: NormalizationForm, file: String) throws {
        try Self.check(form: form, input: try TestCorpora.projectBytes(file), name: file)
    }

    @Test("idempotent, line count kept: corpora", .enabled(if: TestCorpora.shouldRun, Comment(rawValue: TestCorpora.skipReason)),
          arguments: NormalizationForm.allCases, TestCorpora.all)
    func corpora(form: NormalizationForm, file: String) throws {
        try Self.check(form: form, input: try TestCorpora.bytes(file), name: file)
    }

    static func check(form: NormalizationForm, input: [UInt8], name: String) throws {
        try #require(!input.isEmpty, "\(name) is empty")
        let context = try NormalizationContext(options: NormalizationOptions(form: form))
        let processor = NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: .text)
        var first = ChunkResult()
        processor.process(LineChunk(bytes: input, firstLine: 1, byteOffset: 0), into: &first)
        #expect(first.lineCount == lineCount(input), "\(name)")
        #expect(lineCount(first.output) == lineCount(input), "\(name)")
        #expect(first.issues.isEmpty, "\(name): \(first.issues.prefix(3))")

        var second = ChunkResult()
        processor.process(LineChunk(bytes: first.output, firstLine: 1, byteOffset: 0), into: &second)
        if second.output != first.output {
            let once = first.output.split(separator: 0x0A, omittingEmptySubsequences: false)
            let twice = second.output.split(separator: 0x0A, omittingEmptySubsequences: false)
            let differing = zip(once, twice).enumerated().filter { $0.element.0 != $0.element.1 }.prefix(3).map {
                "line \($0.offset + 1): \(String(decoding: $0.element.0, as: UTF8.self)) -> \(String(decoding: $0.element.1, as: UTF8.self))"
            }
            Issue.record("\(form) is not idempotent on \(name): \(differing)")
        }
    }
}
