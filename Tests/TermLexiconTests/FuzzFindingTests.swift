import Testing
import TermLexicon
import TextNormalization

/// Inputs the lexicon fuzz target found (Fuzz/regressions/FuzzLexiconParser), minimised: each
/// broke a property the formatter or the loader promises.
@Suite("lexicon fuzz findings")
struct LexiconFuzzFindingTests {
    /// fmt never turns a data line into a comment or a conflict marker, never writes a file it
    /// would then refuse, and keeps every data line.
    @Test(arguments: [
        " #b\tperson\t\t\t\n",
        " >>>>>>> b\tperson\t\t\t\n",
        " <<<<<<< a\tperson\t\t\t\n",
        String(repeating: "z", count: 60) + "\tplace\t\t\t\na" + String(repeating: "\0", count: 30) + "\tplace\t\t\t\n",
    ])
    func fmtKeepsDataLinesAndAcceptsItsOutput(input: String) {
        let file = LexiconText(path: "entities.tsv", bytes: Array(input.utf8))
        guard LexiconFormatter.blockingProblems(file, kind: .entities).isEmpty else { return }
        let again = LexiconText(path: "entities.tsv", bytes: Array(LexiconFormatter.format(file.tsv, kind: .entities).utf8))
        #expect(LexiconFormatter.blockingProblems(again, kind: .entities).isEmpty)
        let dataLines = { (text: LexiconText) in text.tsv.lines.filter { !$0.isComment && !$0.isBlank }.count }
        #expect(dataLines(again) == dataLines(file))
    }

    /// A file with NUL bytes is not taken for UTF-16 unless the NULs alternate, and fmt refuses it.
    @Test(arguments: [
        (String(repeating: "z", count: 60) + "\tplace\t\t\t\na" + String(repeating: "\0", count: 30) + "\tplace\t\t\t\n", "nul-byte"),
        ("p\0l\0a\0c\0e\0:\0k\0a\0b\0u\0l\0\t\0", "encoding"),
    ])
    func nulBytesAndUTF16(input: String, rule: String) {
        let file = LexiconText(path: "entities.tsv", bytes: Array(input.utf8))
        #expect(file.encodingProblems.map(\.ruleID) == [rule])
        #expect(!LexiconFormatter.blockingProblems(file, kind: .entities).isEmpty)
    }

    /// A NUL is placed on the line the TSV reader counts, CR line ends included.
    @Test func aNulIsPlacedOnItsLine() {
        let file = LexiconText(path: "affixes.tsv", bytes: Array("a\rb\r\nx\u{0}".utf8))
        #expect(file.encodingProblems.map(\.location.description) == ["affixes.tsv:3:2"])
        #expect(file.tsv.lines.count == 3)
    }

    /// The loader and lint agree on what a comment is (`#` then a combining mark is one).
    @Test func loadAgreesWithLint() throws {
        let sources = LexiconSources(entities: LexiconText(path: "entities.tsv", text: "#\u{301}x\nplace:a\tplace\t\t\t\n"),
                                     labels: LexiconText(path: "labels.tsv", text: "place:a\ten\tpref\tA\t\t\n"),
                                     affixes: LexiconText(path: "affixes.tsv", text: ""))
        let lintErrors = try LexiconLinter().lint(sources).contains { $0.severity == .error }
        #expect(((try? TaggingModel.load(sources, verify: true)) == nil) == lintErrors)
        #expect(!lintErrors)
    }

    /// A CR in a comment or inside a data line's note is a line end lint refuses; the loader's fast
    /// readers looked for one only at the end of a data line, so they took the file.
    @Test(arguments: [
        ("place:a\tplace\t\t\t\n", "# Labels.\rkind: pref\nplace:a\ten\tpref\tA\t\t\n"),
        ("place:a\tplace\t\t\t\n", "place:a\ten\tpref\tA\t\ta note\rwith a CR\n"),
        ("# Entities\r\nplace:a\tplace\t\t\t\n", "place:a\ten\tpref\tA\t\t\n"),
        ("#\r", ""),  // Fuzz/regressions/FuzzLexiconParser/load-skips-cr-in-comment
    ])
    func aCRAnywhereIsRefusedAsLintRefusesIt(entities: String, labels: String) throws {
        let sources = LexiconSources(entities: LexiconText(path: "entities.tsv", text: entities),
                                     labels: LexiconText(path: "labels.tsv", text: labels),
                                     affixes: LexiconText(path: "affixes.tsv", text: ""))
        let lintErrors = try LexiconLinter().lint(sources).filter { $0.severity == .error }
        // (A CR inside a line also splits it, so lint may find a field count wrong too.)
        #expect(lintErrors.contains { $0.ruleID == "line-end" })
        #expect(throws: LexiconLoadError.self) { try TaggingModel.load(sources, verify: true) }
        #expect(throws: LexiconLoadError.self) { try TaggingModel.load(sources) }
    }

    /// Even unverified, the loader throws the parser's errors: a malformed broader id is one.
    @Test func unverifiedLoadThrowsBroaderSyntaxErrors() {
        let sources = LexiconSources(entities: LexiconText(path: "entities.tsv", text: "place:a\tplace\tplace:/x\t\t\n"),
                                     labels: LexiconText(path: "labels.tsv", text: ""), affixes: LexiconText(path: "affixes.tsv", text: ""))
        #expect(throws: LexiconLoadError.self) { try TaggingModel.load(sources) }
    }
}
