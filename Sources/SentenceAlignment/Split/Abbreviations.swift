import LexiconData
import TextNormalization

/// Abbreviations that never end a sentence, by language, from
/// `Lexicons/segmentation/abbreviations.txt`: one abbreviation a line with its final period, `#`
/// comments, `[en]`, `[prs]`, `[ps]` lines starting a language's group.
///
/// Latin-script entries apply in every language; Arabic-script ones only in their own group's.
/// Matching is exact and case-sensitive: "No." is an abbreviation, "no." is not.
public struct Abbreviations: Sendable {
    public static let path = "segmentation/abbreviations.txt"

    /// The entries without their final period, as scalars, by language.
    private var words: [Language: Set<[Unicode.Scalar]>] = [:]

    public init() {}

    /// Parses the text of an abbreviations file; `path` names it in diagnostics.
    public init(parsing text: String, path: String) throws(Diagnostic) {
        var group: Language?
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let entry = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            func fail(_ message: String) -> Diagnostic {
                Diagnostic(.error, at: SourceLocation(path: path, line: lineNumber, column: 1), message,
                           rule: "abbreviation-syntax")
            }
            if entry.hasPrefix("[") {
                guard entry.hasSuffix("]"), let language = Language(code: String(entry.dropFirst().dropLast())),
                      language != .undetermined
                else { throw fail("a group is [en], [prs] or [ps], not \(entry)") }
                group = language
                continue
            }
            guard let group else { throw fail("an abbreviation before the first [language] line") }
            let scalars = Array(entry.unicodeScalars)
            guard scalars.count >= 2, let last = scalars.last, SentenceCharacters.isPeriod(last),
                  !scalars.contains(where: SentenceCharacters.isBlank)
            else { throw fail("an abbreviation is one word ending in a period, not '\(entry)'") }
            add(Array(scalars.dropLast()), to: group)
        }
    }

    /// The file built into the binary.
    public static func builtIn() throws(Diagnostic) -> Abbreviations {
        guard let text = EmbeddedLexicon.files[path] else {
            throw Diagnostic(.error, at: SourceLocation(path: "Lexicons/" + path, line: 1, column: 1),
                             "file missing from the built-in lexicon", rule: "missing-file")
        }
        return try Abbreviations(parsing: text, path: "Lexicons/" + path)
    }

    /// Adds `word` (without its final period) for `language`; a Latin-script word is added for
    /// every language.
    public mutating func add(_ word: [Unicode.Scalar], to language: Language) {
        if word.contains(where: SentenceCharacters.isLatinLetter) {
            for each in Language.allCases { words[each, default: []].insert(word) }
        } else {
            words[language, default: []].insert(word)
        }
    }

    /// Whether `word` followed by a period is an abbreviation in `language`.
    public func contains(_ word: ArraySlice<Unicode.Scalar>, in language: Language) -> Bool {
        words[language]?.contains(Array(word)) ?? false
    }

    /// How many abbreviations `language` knows.
    public func count(in language: Language) -> Int { words[language]?.count ?? 0 }
}
