import Testing
import TextNormalization

/// The key form: what matching compares (steps 1–5).
@Suite("key form")
struct KeyFormTests {
    @Test(arguments: [
        // Latin: case, diacritics, apostrophes, hyphens and dashes
        ("MUTTAQI", "muttaqi"),
        ("Da’esh", "daesh"),
        ("Da'esh", "daesh"),
        ("Da`esh Da´esh", "daesh daesh"),
        ("ʿAbd al-Ghani", "abd al ghani"),
        ("Muttaqi’s", "muttaqis"),
        ("ISIS-K", "isis k"),
        ("Mazār-i-Sharīf", "mazar i sharif"),
        ("Kabul—Kandahar", "kabul kandahar"),
        ("Ürümqi Straße Łódź", "urumqi strasse lodz"),
        // Russian ё is optional in print: one letter with е; й stays a letter of its own
        ("Объединённых ЁЛКА Йемен", "объединенных елка йемен"),
        ("\u{FF29}\u{FF33}\u{FF2B}", "isk"),
        ("“quoted” «quoted»", "\"quoted\" \"quoted\""),
        // Arabic script: alef, hamza, teh marbuta, heh, yeh, kaf and gaf variants
        ("أفغانستان", "افغانستان"),
        ("إسلام", "اسلام"),
        ("آمو", "امو"),
        ("مسؤول", "مسوول"),
        ("مسئول", "مسیول"),
        ("جزء", "جز"),
        ("القاعدة", "القاعده"),
        ("خانۀ", "خانه"),
        ("متقي", "متقی"),
        ("چې", "چی"),
        ("ۍ", "ی"),
        ("ننګرهار", "ننگرهار"),
        ("كابل", "کابل"),
        ("ٹ ڈ ڑ ں", "ټ ډ ړ ن"),
        // marks, tatweel, ZWNJ and presentation forms
        ("مُحَمَّد", "محمد"),
        ("عیسیٰ", "عیسی"),
        ("ـطالبانـ", "طالبان"),
        ("امیر\u{200C}خان", "امیرخان"),
        ("طالبان\u{200C}ها", "طالبانها"),
        ("\u{FEDB}\u{FE8E}\u{FE91}\u{FEDE}", "کابل"),
        // punctuation and digits
        ("چه؟ نه، بلی؛", "چه? نه, بلی;"),
        ("۱۴۰۲ ٢٠٢٣", "1402 2023"),
    ])
    func folds(input: String, expected: String) throws {
        let output = try normalized(input, .key)
        #expect(output == expected, "\(scalars(output))")
    }

    @Test func digitsCanBeKept() throws {
        #expect(try normalized("۱۴۰۲", .key, digits: .keep) == "۱۴۰۲")
    }

    @Test(arguments: ["متقی", "متقي", "مُتَّقی", "مـتـقی", "\u{0645}\u{062A}\u{0642}\u{0649}"])
    func spellingsOfOneNameShareAKey(spelling: String) throws {
        #expect(try normalized(spelling, .key) == "متقی")
    }

    @Test(arguments: [Language.english, .dari, .pashto])
    func keyIsTheSameInEveryLanguage(language: Language) throws {
        #expect(try normalized("د امیر خان متقي وینا، Muttaqi’s speech", .key, lang: language)
            == "د امیر خان متقی وینا, muttaqis speech")
    }
}
