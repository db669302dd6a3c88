import Testing
import TextNormalization

/// Properties over every line of the shared English–Dari–Pashto corpora (../shared/corpora):
/// each form keeps the line count and is idempotent.
@Suite("corpus properties")
struct CorpusPropertyTests {
    static let corporaDirectory: String = {
        // Tests/TextNormalizationTests/<this file> -> repository root -> ../shared/corpora
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/../shared/corpora"
    }()

    static let files = [
        "ntrex128/newstest2019-src.eng.txt", "ntrex128/newstest2019-ref.prs.txt", "ntrex128/newstest2019-ref.pus.txt",
        "tico19/tico19.eng.txt", "tico19/tico19.prs.txt", "tico19/tico19.pus.txt",
        "flores-v1-ps/wikipedia.dev.ps-en.en", "flores-v1-ps/wikipedia.dev.ps-en.ps",
        "flores-v1-ps/wikipedia.devtest.ps-en.en", "flores-v1-ps/wikipedia.devtest.ps-en.ps",
    ]

    static func read(_ name: String) throws -> [UInt8] {
        let path = corporaDirectory + "/" + name
        guard let bytes = readFile(path) else {
            Issue.record("cannot read \(path): the corpora must sit in ../shared beside the repository")
            return []
        }
        return bytes
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
    }

    @Test(arguments: NormalizationForm.allCases)
    func idempotentAndLineCountPreserved(form: NormalizationForm) throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: form))
        for file in CorpusPropertyTests.files {
            let input = try CorpusPropertyTests.read(file)
            try #require(!input.isEmpty)
            let processor = NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: .text)
            var first = ChunkResult()
            processor.process(LineChunk(bytes: input, firstLine: 1, byteOffset: 0), into: &first)
            #expect(first.lineCount == CorpusPropertyTests.lineCount(input), "\(file)")
            #expect(CorpusPropertyTests.lineCount(first.output) == CorpusPropertyTests.lineCount(input), "\(file)")
            #expect(first.issues.isEmpty, "\(file): \(first.issues.prefix(3))")

            var second = ChunkResult()
            processor.process(LineChunk(bytes: first.output, firstLine: 1, byteOffset: 0), into: &second)
            if second.output != first.output {
                let once = first.output.split(separator: 0x0A, omittingEmptySubsequences: false)
                let twice = second.output.split(separator: 0x0A, omittingEmptySubsequences: false)
                let differing = zip(once, twice).enumerated().filter { $0.element.0 != $0.element.1 }.prefix(3).map {
                    "line \($0.offset + 1): \(String(decoding: $0.element.0, as: UTF8.self)) -> \(String(decoding: $0.element.1, as: UTF8.self))"
                }
                Issue.record("\(form) is not idempotent on \(file): \(differing)")
            }
        }
    }
}
