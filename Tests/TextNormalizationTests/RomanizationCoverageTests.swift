import Testing
import TextNormalization

/// No Arabic-script letter may survive romanisation, in either language, alone or inside a word.
@Suite("romanisation covers every letter")
struct RomanizationCoverageTests {
    /// The 32 letters of the Dari alphabet, and alef madda.
    static let dariAlphabet = Array("ا آ ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی".split(separator: " ").map(String.init))
    /// The 44 letters of the Pashto alphabet (with its yehs ي ی ې ۍ ئ) and alef madda.
    static let pashtoAlphabet = Array("ا آ ب پ ت ټ ث ج چ ح خ ځ څ د ډ ذ ر ړ ز ژ ږ س ش ښ ص ض ط ظ ع غ ف ق ک ګ ل م ن ڼ و ه ۀ ي ی ې ۍ ئ".split(separator: " ").map(String.init))
    /// Arabic, Urdu and hamza forms met in Dari and Pashto text (keyboards, PDFs, older spelling).
    static let otherForms = Array("ك ي ى ة أ إ ؤ ئ ء ٱ ۀ ہ ھ ے ۃ ە ٹ ڈ ڑ ں ڪ ۓ ﻛ ﺏ ﻻ".split(separator: " ").map(String.init))

    static var everyLetter: [String] { dariAlphabet + pashtoAlphabet + otherForms }

    static func isArabicScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }

    @Test func alphabetsAreComplete() {
        #expect(Set(RomanizationCoverageTests.dariAlphabet).count == 33)
        #expect(Set(RomanizationCoverageTests.pashtoAlphabet).count == 46)
    }

    @Test(arguments: [Language.dari, .pashto])
    func everyLetterBecomesASCII(language: Language) throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .latin, language: language))
        let normalizer = try context.makeNormalizer()
        for letter in RomanizationCoverageTests.everyLetter {
            // alone, at the start, in the middle and at the end of a word
            for word in [letter, letter + "ب", "ب" + letter + "ر", "مر" + letter] {
                let output = try normalizer.normalize(word).text
                #expect(!output.unicodeScalars.contains(where: RomanizationCoverageTests.isArabicScript),
                        "\(word) -> \(output)")
                #expect(output.unicodeScalars.allSatisfy { $0.isASCII }, "\(word) -> \(output)")
            }
        }
    }

    @Test(arguments: [Language.dari, .pashto])
    func marksAndPunctuationBecomeASCII(language: Language) throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .latin, language: language))
        let normalizer = try context.makeNormalizer()
        let text = "مُحَمَّدٌ ٰ، ؛ ؟ ۔ « » ٪ ٫ ۱۲۳ ٤٥٦ می\u{200C}رود"
        let output = try normalizer.normalize(text).text
        #expect(output.unicodeScalars.allSatisfy { $0.isASCII }, "\(output)")
    }
}
