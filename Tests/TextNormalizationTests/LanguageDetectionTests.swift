import Testing
import TextNormalization

@Suite("language per line")
struct LanguageDetectionTests {
    @Test(arguments: [
        ("The Taliban foreign minister spoke in Kabul.", Language.english),
        ("وزیر خارجه طالبان در کابل گفت که داعش تهدید است.", .dari),
        ("د طالبانو د بهرنیو چارو وزیر په کابل کې وویل.", .pashto),
        // Pashto without a letter of its own: its function words decide
        ("د افغانستان او ایران سره", .pashto),
        // Dari with a Pashto-spelled place name is still Dari
        ("این خبر از ننګرهار است و در کابل منتشر شد", .dari),
        // a few English words in a Dari line, and a Dari name in an English line
        ("گزارش BBC و CNN از کابل", .dari),
        ("He wrote کابل in Dari on the board yesterday", .english),
        // words as the decoded line has them: a ZWNJ ends one (می‌روند counts می), a dropped
        // zero-width space does not (دکابل is one word, not د), punctuation does (د، په)
        ("کتاب او قلم می\u{200C}روند", .dari),
        ("د\u{200B}کابل", .dari),
        ("کابل،د،په", .pashto),
        ("2023-04-01 12:00", .undetermined),
        ("", .undetermined),
    ])
    func decides(line: String, expected: Language) throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .text))
        #expect(try context.makeNormalizer().normalize(line).language == expected)
    }

    @Test func aFixedLanguageIsNotSecondGuessed() throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .text, language: .pashto))
        #expect(try context.makeNormalizer().normalize("The Taliban").language == .pashto)
    }

    @Test(arguments: ["en", "eng", "prs", "fa-AF", "fa", "ps", "pus", "pbt"])
    func languageCodes(code: String) {
        #expect(Language(code: code) != nil)
    }
}
