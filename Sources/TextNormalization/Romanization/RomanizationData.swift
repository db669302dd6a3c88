import LexiconData

/// The romanisation data of `Lexicons/romanization/`: one ICU rule file per language and a list of
/// whole words the rules cannot vowel. Read once, shared read-only by every worker.
struct RomanizationData: Sendable {
    static let dariRulesPath = "romanization/prs-Latn.txt"
    static let pashtoRulesPath = "romanization/ps-Latn.txt"
    static let wordsPath = "romanization/words.tsv"

    let dariRules: String
    let pashtoRules: String
    /// Matching key of a word -> its romanisation, for each language.
    let dariWords: [[UInt16]: [UInt16]]
    let pashtoWords: [[UInt16]: [UInt16]]
    /// Every Arabic-script letter, mark and sign to ASCII without context (`ArabicScriptLatin`);
    /// every other unit kept.
    let arabicLatin: CodeUnitMap

    /// Reads the files built into the binary.
    static func builtIn(keyFolding: CodeUnitMap) throws(Diagnostic) -> RomanizationData {
        func file(_ path: String) throws(Diagnostic) -> String {
            guard let text = EmbeddedLexicon.files[path] else {
                throw Diagnostic(.error, at: SourceLocation(path: "Lexicons/" + path, line: 1, column: 1),
                                 "file missing from the built-in lexicon", rule: "missing-file")
            }
            return text
        }
        let words = try parseWords(file(wordsPath), path: "Lexicons/" + wordsPath, keyFolding: keyFolding)
        var arabicLatin = CodeUnitMap()
        arabicLatin.set(ArabicScriptLatin.values)
        return RomanizationData(dariRules: try file(dariRulesPath), pashtoRules: try file(pashtoRulesPath),
                                dariWords: words.dari, pashtoWords: words.pashto, arabicLatin: arabicLatin)
    }

    /// Parses words.tsv: `word<TAB>lang<TAB>latin[<TAB>note]`, `#` comments, blank lines ignored.
    static func parseWords(_ text: String, path: String, keyFolding: CodeUnitMap) throws(Diagnostic)
        -> (dari: [[UInt16]: [UInt16]], pashto: [[UInt16]: [UInt16]])
    {
        var dari: [[UInt16]: [UInt16]] = [:]
        var pashto: [[UInt16]: [UInt16]] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            func fail(_ message: String, field: Int) -> Diagnostic {
                let column = fields.prefix(field).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
                return Diagnostic(.error, at: SourceLocation(path: path, line: index + 1, column: column), message,
                                  rule: "romanization-word")
            }
            guard fields.count == 3 || fields.count == 4 else {
                throw fail("expected 3 or 4 tab-separated fields (word, lang, latin, note), found \(fields.count)",
                           field: 0)
            }
            let word = Romanizer.matchingKey(Array(fields[0].utf16), keyFolding: keyFolding)
            guard !word.isEmpty, word.allSatisfy({ ArabicScript.isLetter($0) }) else {
                throw fail("the word must be Arabic-script letters only", field: 0)
            }
            let latin = String(fields[2])
            guard !latin.isEmpty, latin.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                throw fail("the romanisation must be lowercase ASCII letters", field: 2)
            }
            switch fields[1] {
            case "*": dari[word] = Array(latin.utf16); pashto[word] = Array(latin.utf16)
            case "prs": dari[word] = Array(latin.utf16)
            case "ps": pashto[word] = Array(latin.utf16)
            default: throw fail("lang must be prs, ps or *", field: 1)
            }
        }
        return (dari, pashto)
    }
}
