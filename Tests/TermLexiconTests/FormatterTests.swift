import Foundation
import Testing
import TermLexicon

@Suite("lexicon fmt")
struct FormatterTests {
    @Test(arguments: [
        // sorted by id, lang, kind (pref, alt, hidden), label
        ("b\ten\talt\tB2\t\t\na\ten\tpref\tA\t\t\nb\ten\tpref\tB\t\t\nb\ten\thidden\tB0\t\t\n",
         "a\ten\tpref\tA\t\t\nb\ten\tpref\tB\t\t\nb\ten\talt\tB2\t\t\nb\ten\thidden\tB0\t\t\n"),
        // a comment travels with the line below it; the header stays on top
        ("# header\n\n# about b\nb\ten\tpref\tB\t\t\na\ten\tpref\tA\t\t\n",
         "# header\n\na\ten\tpref\tA\t\t\n# about b\nb\ten\tpref\tB\t\t\n"),
        // stray spaces and CRLF are fixed, blank lines dropped, a last line gets its LF
        ("a\ten\tpref\t  Kabul   City \t\t\r\n\n\nb\ten\tpref\tB\t\t",
         "a\ten\tpref\tKabul City\t\t\nb\ten\tpref\tB\t\t\n"),
        // a line with the wrong number of fields is kept, for lint to report
        ("b\ten\tpref\tB\t\t\na\ten\tpref\n", "a\ten\tpref\nb\ten\tpref\tB\t\t\n"),
        // comments after the last data line stay at the end
        ("b\ten\tpref\tB\t\t\n# the end\n", "b\ten\tpref\tB\t\t\n# the end\n"),
        ("", ""),
    ])
    func labels(input: String, expected: String) {
        let output = LexiconFormatter.format(TSVFile(path: "labels.tsv", text: input), kind: .labels)
        #expect(output == expected)
        // idempotent, and never a line lost
        #expect(LexiconFormatter.format(TSVFile(path: "labels.tsv", text: output), kind: .labels) == output)
    }

    @Test func entitiesSortByID() {
        let input = "place:kabul\tplace\t\t\t\norg:isis\torg\t\t\t\n"
        #expect(LexiconFormatter.format(TSVFile(path: "entities.tsv", text: input), kind: .entities)
            == "org:isis\torg\t\t\t\nplace:kabul\tplace\t\t\t\n")
    }

    @Test(arguments: LexiconFileKind.allCases)
    func theShippedFilesAreCanonical(kind: LexiconFileKind) throws {
        let text = try readText(repositoryRoot.appendingPathComponent("Lexicons").appendingPathComponent(kind.fileName))
        #expect(LexiconFormatter.format(TSVFile(path: kind.fileName, text: text), kind: kind) == text)
    }
}
