import Foundation
import Testing
import TermLexicon
import TestCorpora
import TextNormalization

/// Over every line of whole files of running text: each mention's [start, end) in code points of
/// the original line is exactly its surface, and the UTF-16 and UTF-8 offsets point at the same
/// text. The project's own texts always; the external corpora (see `TestCorpora`) when there.
@Suite("mention offsets on the corpora")
struct CorpusOffsetTests {
    @Test("offsets point at the surface: project texts", arguments: TestCorpora.projectTexts)
    func projectTexts(file: String) throws {
        try Self.check(String(decoding: try TestCorpora.projectBytes(file), as: UTF8.self), name: file)
    }

    @Test("offsets point at the surface: corpora", .enabled(if: TestCorpora.shouldRun, Comment(rawValue: TestCorpora.skipReason)),
          arguments: TestCorpora.all)
    func corpora(file: String) throws {
        try Self.check(String(decoding: try TestCorpora.bytes(file), as: UTF8.self), name: file)
    }

    static func check(_ text: String, name: String) throws {
        let finder = try builtInModel.makeFinder()
        var mentionCount = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            let scalars = Array(line.unicodeScalars)
            let utf16 = Array(line.utf16)
            for mention in finder.mentions(in: bytes, bytes.indices, options: MatchOptions(includeWeak: true, partial: true)) {
                mentionCount += 1
                let byCodePoint = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
                let surface = finder.surface(from: mention.start, to: mention.end, bytes: bytes, range: bytes.indices)
                #expect(byCodePoint == surface, "\(name)")
                let keyed = finder.text
                let utf16Range = keyed.utf16Offsets(ofScalars: [mention.start, mention.end])
                let byUTF16 = String(decoding: utf16[utf16Range[0]..<utf16Range[1]], as: UTF16.self)
                let byUTF8 = String(decoding: bytes[Int(keyed.utf8Offsets[mention.start])..<Int(keyed.utf8Offsets[mention.end])], as: UTF8.self)
                #expect(byUTF16 == surface, "\(name)")
                #expect(byUTF8 == surface, "\(name)")
                // a mention neither starts nor ends with a space
                #expect(surface.unicodeScalars.first?.properties.isWhitespace == false, "\(name)")
                #expect(surface.unicodeScalars.last?.properties.isWhitespace == false, "\(name)")
            }
        }
        #expect(mentionCount > 0, "\(name) should name at least one entity")
    }
}
