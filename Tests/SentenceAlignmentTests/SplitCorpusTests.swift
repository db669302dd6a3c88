import Foundation
import Testing
import TestCorpora
import TextNormalization
@testable import SentenceAlignment

/// Sentence splitting over whole files of running text: no sentence is empty or holds a tab or a
/// line break, and a line's sentences hold exactly its characters other than white space, in
/// order. The project's own texts always; the NTREX-128 corpus files (see `TestCorpora`) when there.
@Suite("sentence splitting on the corpora")
struct SplitCorpusTests {
    static let corpusFiles = [
        "ntrex128/newstest2019-src.eng.txt", "ntrex128/newstest2019-ref.prs.txt", "ntrex128/newstest2019-ref.pus.txt",
    ]
    static let languages: [Language] = [.english, .dari, .pashto]
    static let corpora = Comment(rawValue: TestCorpora.skipReason)

    /// Every file with every language's rules: the properties do not depend on the language.
    @Test("sentences keep every character: project texts", arguments: TestCorpora.projectTexts, languages)
    func projectSentences(file: String, language: Language) throws {
        try Self.checkSentences(try TestCorpora.projectBytes(file), name: file, language: language)
    }

    @Test("sentences keep every character: corpora", .enabled(if: TestCorpora.shouldRun, corpora),
          arguments: corpusFiles, languages)
    func corpusSentences(file: String, language: Language) throws {
        try Self.checkSentences(try TestCorpora.bytes(file), name: file, language: language)
    }

    /// The processor (`lexalign split`), language decided per line, with and without joining lines.
    @Test("processor output holds the input: project texts", arguments: TestCorpora.projectTexts, [false, true])
    func projectProcessor(file: String, joinLines: Bool) throws {
        try Self.checkProcessor(try TestCorpora.projectBytes(file), name: file, joinLines: joinLines)
    }

    @Test("processor output holds the input: corpora", .enabled(if: TestCorpora.shouldRun, corpora),
          arguments: corpusFiles, [false, true])
    func corpusProcessor(file: String, joinLines: Bool) throws {
        try Self.checkProcessor(try TestCorpora.bytes(file), name: file, joinLines: joinLines)
    }

    static func lines(of bytes: [UInt8]) -> [Substring] {
        // Some files end lines with CRLF, one Character: split on both line ends.
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func withoutWhitespace<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> [Unicode.Scalar] {
        scalars.filter { !$0.properties.isWhitespace }
    }

    static func checkSentences(_ bytes: [UInt8], name: String, language: Language) throws {
        let lines = Self.lines(of: bytes)
        try #require(!lines.isEmpty, "\(name) is empty")
        let splitter = try SentenceSplitter(language: language, abbreviations: try Abbreviations.builtIn())
        var failures = 0
        for (number, line) in lines.enumerated() {
            let sentences = try splitter.sentences(in: String(line))
            for sentence in sentences {
                let bad = sentence.isEmpty || sentence.unicodeScalars.contains { $0 == "\t" || SentenceCharacters.isLineBreak($0) }
                    || sentence.unicodeScalars.first!.properties.isWhitespace || sentence.unicodeScalars.last!.properties.isWhitespace
                if bad {
                    failures += 1
                    Issue.record("\(name):\(number + 1): bad sentence \(sentence.debugDescription)")
                }
            }
            let joined = withoutWhitespace(sentences.flatMap(\.unicodeScalars))
            let expected = withoutWhitespace(line.unicodeScalars)
            // A line of nothing but white space and invisible marks gives no sentence.
            let blank = !line.unicodeScalars.contains { !SentenceCharacters.isBlank($0) }
            if joined != expected && !(blank && sentences.isEmpty) {
                failures += 1
                Issue.record("\(name):\(number + 1): the sentences \(sentences) do not hold the line's characters")
            }
            if failures > 10 { break }
        }
    }

    static func checkProcessor(_ bytes: [UInt8], name: String, joinLines: Bool) throws {
        let lineCount = lines(of: bytes).count
        let processor = try SplitLineProcessor(options: .init(joinLines: joinLines), abbreviations: try Abbreviations.builtIn())
        var result = ChunkResult()
        processor.process(LineChunk(bytes: bytes, firstLine: 1, byteOffset: 0), into: &result)
        #expect(result.issues.isEmpty, "\(name)")
        #expect(result.lineCount == lineCount, "\(name)")
        let output = String(decoding: result.output, as: UTF8.self)
        let sentences = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(output.hasSuffix("\n"), "\(name)")
        #expect(!sentences.contains { $0.isEmpty || $0.contains("\t") }, "\(name)")
        #expect(sentences.count >= lineCount || joinLines, "\(name)")
        let input = String(decoding: bytes, as: UTF8.self)
        #expect(withoutWhitespace(output.unicodeScalars) == withoutWhitespace(input.unicodeScalars), "\(name)")
    }
}
