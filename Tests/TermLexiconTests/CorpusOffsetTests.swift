import Foundation
import Testing
import TermLexicon
import TextNormalization

/// Over every line of ../shared/corpora: each mention's [start, end) in code points of the
/// original line is exactly its surface, and the UTF-16 and UTF-8 offsets point at the same text.
@Suite("mention offsets on the corpora")
struct CorpusOffsetTests {
    static let files = [
        "ntrex128/newstest2019-src.eng.txt", "ntrex128/newstest2019-ref.prs.txt", "ntrex128/newstest2019-ref.pus.txt",
        "tico19/tico19.eng.txt", "tico19/tico19.prs.txt", "tico19/tico19.pus.txt",
        "flores-v1-ps/wikipedia.dev.ps-en.en", "flores-v1-ps/wikipedia.dev.ps-en.ps",
        "flores-v1-ps/wikipedia.devtest.ps-en.en", "flores-v1-ps/wikipedia.devtest.ps-en.ps",
    ]

    @Test(arguments: files)
    func offsetsPointAtTheSurface(file: String) throws {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora").appendingPathComponent(file)
        let text = try readText(url)
        let finder = try builtInModel.makeFinder()
        var mentionCount = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            let scalars = Array(line.unicodeScalars)
            let utf16 = Array(line.utf16)
            for mention in finder.mentions(in: bytes, bytes.indices, options: MatchOptions(includeWeak: true)) {
                mentionCount += 1
                let byCodePoint = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
                let surface = finder.surface(from: mention.start, to: mention.end, bytes: bytes, range: bytes.indices)
                #expect(byCodePoint == surface)
                let keyed = finder.text
                let utf16Range = keyed.utf16Offsets(ofScalars: [mention.start, mention.end])
                let byUTF16 = String(decoding: utf16[utf16Range[0]..<utf16Range[1]], as: UTF16.self)
                let byUTF8 = String(decoding: bytes[Int(keyed.utf8Offsets[mention.start])..<Int(keyed.utf8Offsets[mention.end])], as: UTF8.self)
                #expect(byUTF16 == surface)
                #expect(byUTF8 == surface)
                // a mention neither starts nor ends with a space
                #expect(surface.unicodeScalars.first?.properties.isWhitespace == false)
                #expect(surface.unicodeScalars.last?.properties.isWhitespace == false)
            }
        }
        #expect(mentionCount > 0, "the corpus \(file) should name at least one entity")
    }
}
