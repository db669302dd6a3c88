import Testing
import TextNormalization

/// The text form: readable, meaning-preserving (steps 1–4).
@Suite("text form")
struct TextFormTests {
    @Test(arguments: [
        // clean: whitespace of every kind, bidi and format controls
        ("  Kabul \t city  ", "Kabul city"),
        ("Kabul\u{00A0}city\u{2003}now", "Kabul city now"),
        ("\u{200F}کابل\u{200E}", "کابل"),
        ("\u{202B}طالبان\u{202C} \u{2067}داعش\u{2069}", "طالبان داعش"),
        ("\u{FEFF}Taliban", "Taliban"),
        ("ISIS\u{00AD}K", "ISISK"),
        ("a\u{200B}b", "ab"),
        ("line\rbreak", "line break"),
        // ZWNJ: kept between Arabic letters, one of a pair, gone elsewhere
        ("می\u{200C}رود", "می\u{200C}رود"),
        ("می\u{200C}\u{200C}رود", "می\u{200C}رود"),
        ("کتاب \u{200C}ها", "کتاب ها"),
        ("کتاب\u{200C} ها", "کتاب ها"),
        ("\u{200C}طالبان\u{200C}", "طالبان"),
        ("abc\u{200C}def", "abcdef"),
        ("طالبان\u{200D}", "طالبان"),
        // compatibility forms that change nothing but the look
        ("\u{FEDB}\u{FE8E}\u{FE91}\u{FEDE}", "کابل"),
        ("\u{FF29}\u{FF33}\u{FF2B} \u{FF11}\u{FF12}", "ISK 12"),
        ("e\u{0301}", "\u{00E9}"),
        // ... and the ones kept because they carry meaning
        ("x\u{00B2} + \u{00BD}", "x\u{00B2} + \u{00BD}"),
        // shared orthography: tatweel, Arabic kaf, alef maksura, Urdu hehs
        ("مـــتقی", "متقی"),
        ("كابل", "کابل"),
        ("موسى", "موسی"),
        ("ہرات", "هرات"),
        // harakat stay in the text form
        ("مُحَمَّد", "مُحَمَّد"),
        // English is left as written
        ("Da’esh — ISIS-K", "Da’esh — ISIS-K"),
    ])
    func sharedSteps(input: String, expected: String) throws {
        let output = try normalized(input, .text)
        #expect(output == expected, "\(scalars(output))")
    }

    @Test(arguments: [
        // Dari folds Arabic yeh; Pashto keeps its five yehs apart
        ("علي", Language.dari, "علی"),
        ("متقي", Language.dari, "متقی"),
        ("متقي", Language.pashto, "متقي"),
        ("ي ی ې ۍ ئ", Language.pashto, "ي ی ې ۍ ئ"),
        ("كې", Language.pashto, "کې"),
        ("ننګرهار", Language.pashto, "ننګرهار"),
        ("ننگرهار", Language.dari, "ننگرهار"),
    ])
    func orthographyByLanguage(input: String, language: Language, expected: String) throws {
        #expect(try normalized(input, .text, lang: language) == expected)
    }

    @Test(arguments: [
        ("سال ۱۴۰۲ و ٢٠٢٣", DigitPolicy?.none, "سال ۱۴۰۲ و ٢٠٢٣"),
        ("سال ۱۴۰۲ و ٢٠٢٣", DigitPolicy.keep, "سال ۱۴۰۲ و ٢٠٢٣"),
        ("سال ۱۴۰۲ و ٢٠٢٣", DigitPolicy.ascii, "سال 1402 و 2023"),
        ("۳٫۵٪ و ۱٬۰۰۰", DigitPolicy.ascii, "3.5% و 1,000"),
    ])
    func digits(input: String, policy: DigitPolicy?, expected: String) throws {
        #expect(try normalized(input, .text, digits: policy) == expected)
    }

    @Test func tatweelBetweenLetterAndMarkStillComposes() throws {
        // Removing the tatweel brings alef and madda together: the result must be NFC (آ).
        let output = try normalized("اـ\u{0653}مو", .text)
        #expect(output == "\u{0622}مو", "\(scalars(output))")
    }
}
