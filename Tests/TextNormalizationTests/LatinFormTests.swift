import Testing
import TextNormalization

/// The latin form: romanised ASCII (steps 1–4 and 6).
@Suite("latin form")
struct LatinFormTests {
    @Test(arguments: [
        // words of the word list
        ("کابل", Language.dari, "kabul"),
        ("ننګرهار", Language.pashto, "nangarhar"),
        ("ننگرهار", Language.dari, "nangarhar"),
        ("امیر خان متقی", Language.dari, "amir khan muttaqi"),
        ("امیر خان متقي", Language.pashto, "amir khan muttaqi"),
        ("جلال‌آباد", Language.dari, "jalalabad"),
        // the letter rules
        ("هرات", Language.dari, "herat"),
        ("وزیر", Language.dari, "wazir"),
        ("خارجه", Language.dari, "kharja"),
        ("پښتو", Language.pashto, "pashto"),
        ("څښتن", Language.pashto, "tsashtn"),  // no vowel is written after the cluster
        ("ځای", Language.pashto, "dzay"),
        ("لومړۍ", Language.pashto, "lomrai"),
        ("سړی", Language.pashto, "saray"),
        ("چې", Language.pashto, "che"),
        ("بامیان", Language.dari, "bamyan"),
        // digits and punctuation
        ("سال ۱۴۰۲؟", Language.dari, "sal 1402?"),
        ("«طالبان»، داعش", Language.dari, "\"taliban\", daesh"),
        // other scripts and Latin diacritics
        ("Mazār-i-Sharīf", Language.english, "Mazar-i-Sharif"),
        ("Москва", Language.english, "Moskva"),
        ("x² ½", Language.english, "x2 1/2"),
    ])
    func romanises(input: String, language: Language, expected: String) throws {
        #expect(try normalized(input, .latin, lang: language) == expected)
    }

    @Test func languageIsDecidedPerLine() throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .latin))
        let normalizer = try context.makeNormalizer()
        #expect(try normalizer.normalize("د ننګرهار ولایت").text == "da nangarhar wilayat")
        #expect(try normalizer.normalize("ولایت ننگرهار").text == "wilayat nangarhar")
    }
}
