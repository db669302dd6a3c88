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

/// `lexicon stats` coverage: per type and language, entities with a pref, alt, hidden label and
/// with weak labels only; which entities lack a core language; negative labels name nothing.
@Suite("lexicon coverage")
struct LexiconCoverageTests {
    static let small = lexicon(
        entities: "place:ghor\tplace\t\t\t\nplace:kabul\tplace\t\t\t\nperson:x\tperson\t\t\t\n",
        labels: """
            person:x\ten\tpref\tX Y\t\t
            person:x\tps\tnegative\tایکس\t\t
            place:ghor\ten\tpref\tGhor\t\t
            place:ghor\tprs\tpref\tغور\tweak\t
            place:ghor\tprs\talt\tغورات\tweak\t
            place:kabul\ten\tpref\tKabul\t\t
            place:kabul\ten\thidden\tKabool\t\t
            place:kabul\tprs\tpref\tکابل\t\t
            place:kabul\tps\tpref\tکابل\t\t

            """)

    @Test(arguments: [
        (EntityType.place, "en", LexiconCoverage.Counts(pref: 2, alt: 0, hidden: 1, weakOnly: 0)),
        (.place, "prs", LexiconCoverage.Counts(pref: 2, alt: 1, hidden: 0, weakOnly: 1)),
        (.place, "ps", LexiconCoverage.Counts(pref: 1, alt: 0, hidden: 0, weakOnly: 0)),
        (.person, "en", LexiconCoverage.Counts(pref: 1, alt: 0, hidden: 0, weakOnly: 0)),
    ])
    func counts(type: EntityType, lang: String, expected: LexiconCoverage.Counts) {
        #expect(LexiconCoverage(Self.small).counts[type]?[lang] == expected)
    }

    @Test func gapsAndWeakOnlyEntities() {
        let coverage = LexiconCoverage(Self.small)
        #expect(coverage.languages == ["en", "prs", "ps"])
        #expect(coverage.lacking == ["prs": ["person:x"], "ps": ["place:ghor", "person:x"]])
        #expect(coverage.weakOnly == ["prs": ["place:ghor"]])
        #expect(coverage.counts[.person]?["ps"] == nil)
    }
}
