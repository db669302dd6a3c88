import Foundation
import Testing
import TextNormalization
@testable import SentenceAlignment

/// Sentence splitting over every line of the shared corpora (../shared/corpora): no sentence is
/// empty or holds a tab or a line break, and a line's sentences hold exactly its characters other
/// than white space, in order.
@Suite("sentence splitting on the corpora")
struct SplitCorpusTests {
    static let corporaDirectory: String = {
        // Tests/SentenceAlignmentTests/<this file> -> repository root -> ../shared/corpora
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/../shared/corpora"
    }()

    static let files: [(file: String, language: Language)] = [
        ("ntrex128/newstest2019-src.eng.txt", .english),
        ("ntrex128/newstest2019-ref.prs.txt", .dari),
        ("ntrex128/newstest2019-ref.pus.txt", .pashto),
    ]

    static func lines(of file: String) throws -> [Substring] {
        let path = corporaDirectory + "/" + file
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("cannot read \(path): the corpora must sit in ../shared beside the repository")
            return []
        }
        // The files end lines with CRLF, one Character: split on both line ends.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func withoutWhitespace<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> [Unicode.Scalar] {
        scalars.filter { !$0.properties.isWhitespace }
    }

    /// Every file with every language's rules: the properties do not depend on the language.
    @Test(arguments: files.map(\.file), [Language.english, .dari, .pashto])
    func sentencesKeepEveryCharacter(file: String, language: Language) throws {
        let lines = try SplitCorpusTests.lines(of: file)
        try #require(lines.count == 1997)
        let splitter = try SentenceSplitter(language: language, abbreviations: try Abbreviations.builtIn())
        var failures = 0
        for (number, line) in lines.enumerated() {
            let sentences = try splitter.sentences(in: String(line))
            for sentence in sentences {
                let bad = sentence.isEmpty || sentence.unicodeScalars.contains { $0 == "\t" || SentenceCharacters.isLineBreak($0) }
                    || sentence.unicodeScalars.first!.properties.isWhitespace || sentence.unicodeScalars.last!.properties.isWhitespace
                if bad {
                    failures += 1
                    Issue.record("\(file):\(number + 1): bad sentence \(sentence.debugDescription)")
                }
            }
            let joined = SplitCorpusTests.withoutWhitespace(sentences.flatMap(\.unicodeScalars))
            let expected = SplitCorpusTests.withoutWhitespace(line.unicodeScalars)
            // A line of nothing but white space and invisible marks gives no sentence.
            let blank = !line.unicodeScalars.contains { !SentenceCharacters.isBlank($0) }
            if joined != expected && !(blank && sentences.isEmpty) {
                failures += 1
                Issue.record("\(file):\(number + 1): the sentences \(sentences) do not hold the line's characters")
            }
            if failures > 10 { break }
        }
    }

    /// The processor (`lexalign split`), language decided per line, with and without joining lines.
    @Test(arguments: files.map(\.file), [false, true])
    func processorOutputHoldsTheInput(file: String, joinLines: Bool) throws {
        let path = SplitCorpusTests.corporaDirectory + "/" + file
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let processor = try SplitLineProcessor(options: .init(joinLines: joinLines), abbreviations: try Abbreviations.builtIn())
        var result = ChunkResult()
        processor.process(LineChunk(bytes: bytes, firstLine: 1, byteOffset: 0), into: &result)
        #expect(result.issues.isEmpty)
        #expect(result.lineCount == 1997)
        let output = String(decoding: result.output, as: UTF8.self)
        let sentences = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(output.hasSuffix("\n"))
        #expect(!sentences.contains { $0.isEmpty || $0.contains("\t") })
        #expect(sentences.count >= 1997 || joinLines)
        let input = String(decoding: bytes, as: UTF8.self)
        #expect(SplitCorpusTests.withoutWhitespace(output.unicodeScalars) == SplitCorpusTests.withoutWhitespace(input.unicodeScalars))
    }
}
