import Testing
import TextNormalization

/// No Arabic-script letter may survive romanisation, in any line language, alone or inside a word.
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

    /// Every assigned code point of the Arabic (U+0600–06FF), Arabic Supplement (U+0750–077F) and
    /// Arabic Extended-A (U+08A0–08FF) blocks in Unicode 15.0, the version ICU 72 implements (Swift's
    /// own tables may be newer, hence the age filter).
    static let blockScalars: [Unicode.Scalar] = scalars(in: [0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF])

    /// Arabic Extended-B (U+0870–089F) and the presentation forms, which step 3 (NFKC) turns into
    /// letters, all but a few symbols.
    static let otherArabicScalars: [Unicode.Scalar] = scalars(in: [0x0870...0x089F, 0xFB50...0xFDFF, 0xFE70...0xFEFF])

    static func scalars(in ranges: [ClosedRange<UInt32>]) -> [Unicode.Scalar] {
        ranges.joined().compactMap(Unicode.Scalar.init).filter { scalar in
            guard scalar.properties.generalCategory != .unassigned, let age = scalar.properties.age else { return false }
            return age.major < 15 || (age.major == 15 && age.minor == 0)
        }
    }

    /// Symbols with no ASCII form stay, as the latin form keeps € and ‰ (docs/ARCHITECTURE.md 4.2;
    /// NFKC still spells out the rial sign ﷼ and the ligature ﷲ):
    /// the cube and fourth roots, ray, per mille and per ten thousand, afghani sign, poetic verse
    /// sign and misra, rub el hizb, sajdah, the Sindhi ampersand and postposition; among the
    /// presentation forms the letter-dot symbols (FBB2–FBC2) and the honorific ligatures.
    static func isKeptSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .otherSymbol, .modifierSymbol: return true
        default: return scalar.value == 0x0609 || scalar.value == 0x060A
        }
    }

    @Test func blocksAreEnumerated() {
        let scalars = RomanizationCoverageTests.blockScalars
        #expect(scalars.count == 400)  // 256 + 48 + 96: every code point of the three blocks is assigned
        #expect(scalars.filter { $0.properties.generalCategory == .otherLetter }.count == 239)
        #expect(scalars.filter { $0.properties.generalCategory == .nonspacingMark }.count == 105)
        #expect(scalars.filter(RomanizationCoverageTests.isKeptSymbol).map(\.value)
                == [0x0606, 0x0607, 0x0608, 0x0609, 0x060A, 0x060B, 0x060E, 0x060F, 0x06DE, 0x06E9, 0x06FD, 0x06FE])
    }

    /// Property: each code point alone, at the start, middle and end of a word, and in an English
    /// sentence, comes out ASCII (except a kept symbol, which may come out as itself), and
    /// normalising the output again changes nothing.
    @Test(arguments: [Language?.none, .english, .dari, .pashto])
    func everyCodePointOfTheBlocksBecomesASCII(language: Language?) throws {
        try RomanizationCoverageTests.checkASCIIAndIdempotent(RomanizationCoverageTests.blockScalars, language: language)
    }

    @Test(arguments: [Language?.none, .english, .dari, .pashto])
    func extendedBAndPresentationFormsBecomeASCII(language: Language?) throws {
        try RomanizationCoverageTests.checkASCIIAndIdempotent(RomanizationCoverageTests.otherArabicScalars,
                                                              language: language)
    }

    static func checkASCIIAndIdempotent(_ scalars: [Unicode.Scalar], language: Language?) throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .latin, language: language))
        let normalizer = try context.makeNormalizer()
        for scalar in scalars {
            let letter = String(scalar)
            let kept = isKeptSymbol(scalar)
            for input in [letter, letter + "ب", "ب" + letter + "ر", "مر" + letter, "The building " + letter + " met.",
                          "The building called خانه" + letter + " ملت met."] {
                let output = try normalizer.normalize(input).text
                let name = "U+\(String(scalar.value, radix: 16, uppercase: true)) \(scalar.properties.name ?? "")"
                let expectedNonASCII: Set<Unicode.Scalar> = kept ? [scalar] : []
                #expect(Set(output.unicodeScalars.filter { !$0.isASCII }).isSubset(of: expectedNonASCII),
                        "\(name): \(input) -> \(output)")
                let again = try normalizer.normalize(output).text
                #expect(again == output, "\(name): \(input) -> \(output) -> \(again)")
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
