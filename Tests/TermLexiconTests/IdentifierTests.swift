import Testing
import TermLexicon
import TextNormalization

/// Identifier schemes: what each accepts, and the lists `tag --ids` takes.
@Suite("identifiers")
struct IdentifierTests {
    @Test(arguments: [
        (IdentifierScheme.iso3166_1, "AF", true), (.iso3166_1, "af", false), (.iso3166_1, "AFG", false),
        (.iso3166_1, "", false), (.iso3166_2, "AF-KAB", true), (.iso3166_2, "PK-KP", true),
        (.iso3166_2, "GB-ENG", true), (.iso3166_2, "FR-75C", true), (.iso3166_2, "AF-KABU", false),
        (.iso3166_2, "AF_KAB", false), (.iso3166_2, "AF-", false), (.iso3166_2, "af-kab", false),
        (.iso3166_2, "AF-KAB-1", false), (.geonames, "1138958", true), (.geonames, "0123", false),
        (.geonames, "12345678901", false), (.geonames, "12a", false), (.geonames, "", false),
        (.wikidata, "Q889", true), (.wikidata, "Q0", false), (.wikidata, "889", false),
    ])
    func syntax(scheme: IdentifierScheme, value: String, wellFormed: Bool) {
        #expect((scheme.syntaxProblem(value) == nil) == wellFormed)
    }

    @Test(arguments: [
        ("wikidata", ["wikidata"]), ("iso3166", ["iso3166-1", "iso3166-2"]),
        ("geonames,wikidata", ["wikidata", "geonames"]), ("all", ["wikidata", "iso3166-1", "iso3166-2", "geonames"]),
        ("iso3166-2,iso3166", ["iso3166-1", "iso3166-2"]),
    ])
    func lists(text: String, expected: [String]) throws {
        #expect(try IdentifierScheme.list(text).map(\.rawValue) == expected)
    }

    @Test(arguments: ["", "wikidata,", "isbn", "ISO3166"])
    func badLists(text: String) {
        #expect(throws: IdentifierScheme.UnknownScheme.self) { try IdentifierScheme.list(text) }
    }

    /// identifiers.tsv lines: what the parser keeps, and the rule of what it refuses.
    @Test(arguments: [
        ("place:kabul\tgeonames\t1138958\tsource", "place:kabul geonames 1138958", nil),
        ("place:kabul\twikidata\tQ5838\tsource", nil, "unknown-scheme"),
        ("place:kabul\tgeonames\tQ5838\tsource", nil, "identifier-syntax"),
        ("Place:kabul\tgeonames\t1138958\tsource", nil, "id-syntax"),
        ("place:kabul\tgeonames\t1138958", nil, "field-count"),
    ] as [(String, String?, String?)])
    func parsedLines(line: String, kept: String?, rule: String?) {
        let (identifiers, problems) = LexiconParser.identifiers(TSVFile(path: "identifiers.tsv", text: line + "\n"))
        #expect(identifiers.map { "\($0.id) \($0.scheme.rawValue) \($0.value)" } == (kept.map { [$0] } ?? []))
        #expect(problems.map(\.ruleID) == (rule.map { [$0] } ?? []))
    }
}

/// ICU's CLDR territory names, which lint's cldr-name rule checks country labels against.
@Suite("CLDR names")
struct CLDRNameTests {
    @Test(arguments: [
        ("AF", "en", "Afghanistan"), ("AF", "fa_AF", "افغانستان"), ("AF", "ru", "Афганистан"),
        ("AF", "uz", "Afgʻoniston"), ("AF", "uz_Cyrl", "Афғонистон"), ("PK", "ar", "باكستان"),
        ("IR", "tg", "Эрон"), ("AF", "xx", nil), ("QQ", "en", nil),
    ] as [(String, String, String?)])
    func territoryNames(region: String, locale: String, expected: String?) {
        #expect(ICUTerritoryNames.name(of: region, in: locale) == expected)
    }

    /// A name counts as there when a label of the language has its key (here: Arabic yeh, ي, in
    /// place of ی), or when another language spells it differently with the same key.
    @Test func namesAreComparedByKey() throws {
        let sources = LexiconSources(
            entities: LexiconText(path: "entities.tsv", text: "place:iran\tplace\t\t\t\n"),
            labels: LexiconText(path: "labels.tsv", text: "place:iran\ten\tpref\tIran\t\t\nplace:iran\tprs\tpref\tايران\t\t\n"
                + "place:iran\tru\tpref\tИран\t\t\n"),
            affixes: LexiconText(path: "affixes.tsv", text: ""),
            identifiers: LexiconText(path: "identifiers.tsv", text: "place:iran\tiso3166-1\tIR\ttest\n"))
        let application = try CLDRCheck.apply(sources)
        #expect(application.added.isEmpty)
        #expect(application.problems.isEmpty)
    }
}
