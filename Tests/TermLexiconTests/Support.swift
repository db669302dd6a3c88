import Foundation
import TermLexicon
import TextNormalization

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func readText(_ url: URL) throws -> String {
    String(decoding: try Data(contentsOf: url), as: UTF8.self)
}

/// The lexicon files of a folder, named by file name only (as diagnostics show them).
func lexiconSources(in directory: URL) throws -> LexiconSources {
    func file(_ name: String) throws -> LexiconText {
        let url = directory.appendingPathComponent(name)
        // As the command line reads them: bytes, so encoding problems show.
        let bytes = FileManager.default.fileExists(atPath: url.path) ? [UInt8](try Data(contentsOf: url)) : []
        return LexiconText(path: name, bytes: bytes)
    }
    return LexiconSources(entities: try file("entities.tsv"), labels: try file("labels.tsv"), affixes: try file("affixes.tsv"),
                          identifiers: try file("identifiers.tsv"))
}

/// A small lexicon written inline, for matcher tests that must not move when the shipped data does.
func lexicon(entities: String, labels: String, affixes: String = "") -> Lexicon {
    let sources = LexiconSources(entities: LexiconText(path: "entities.tsv", text: entities),
                                 labels: LexiconText(path: "labels.tsv", text: labels),
                                 affixes: LexiconText(path: "affixes.tsv", text: affixes))
    return Lexicon.parse(sources).0
}

/// (surface, id, match kind) of every mention of `text`.
func tag(_ text: String, with finder: MentionFinder, options: MatchOptions = MatchOptions()) -> [String] {
    let bytes = Array(text.utf8)
    return finder.mentions(in: bytes, bytes.indices, options: options).map { mention in
        let surface = String(String.UnicodeScalarView(Array(text.unicodeScalars)[mention.start..<mention.end]))
        return "\(surface)|\(finder.model.entityID(mention.entity))|\(mention.kind.rawValue)"
    }
}

/// The built-in lexicon, parsed and compiled once for all tests (compiled by the fast loader
/// `lexalign tag` uses).
let builtInLexicon: Lexicon = Lexicon.parse(LexiconSources.builtIn()).0
let builtInModel: TaggingModel = try! TaggingModel.load(LexiconSources.builtIn())
