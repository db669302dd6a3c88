/// The character-level rules of steps 2, 4 and 5 of the pipeline, as lookup tables.
///
/// One concept per line, grouped by what they fix. Sources of the variants: the Arabic and Persian
/// keyboard layouts (Arabic kaf and yeh typed for Persian ones), Urdu keyboards used for Pashto,
/// presentation forms from PDF extraction, and typographic habits (tatweel, bidi marks, ZWNJ).
enum OrthographyRules {
    // MARK: step 2, clean (every form, before Unicode normalisation)

    /// Characters that only steer display: bidi controls, joiners, BOM, soft hyphen, other controls.
    static let invisible: [ClosedRange<UInt16>] = [
        0x0000...0x0008, 0x000E...0x001F, 0x007F...0x0084, 0x0086...0x009F, 0x00AD...0x00AD,
        0x061C...0x061C, 0x180E...0x180E, 0x200B...0x200B, 0x200D...0x200F, 0x202A...0x202E,
        0x2060...0x2064, 0x2066...0x206F, 0xFEFF...0xFEFF, 0xFFF9...0xFFFB,
    ]

    /// Whitespace of every kind, including no-break and ideographic spaces and line separators.
    static let spaces: [ClosedRange<UInt16>] = [
        0x0009...0x000D, 0x0020...0x0020, 0x0085...0x0085, 0x00A0...0x00A0, 0x1680...0x1680,
        0x2000...0x200A, 0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
    ]

    /// Apostrophe-like characters (' ’ ‘ ʿ ʾ ʼ ` ´ ′ ...). The key form drops them before NFKC,
    /// which would otherwise turn ´ into a space and a combining accent.
    static let apostrophes: [UInt16] = [
        0x0027, 0x0060, 0x00B4, 0x02B9, 0x02BB, 0x02BC, 0x02BD, 0x02BE, 0x02BF, 0x2018, 0x2019,
        0x201B, 0x2032, 0x2035, 0xFF07,
    ]

    // MARK: step 4, orthography (text and latin forms)

    /// Variants every Arabic-script language here writes the same way.
    static let sharedOrthography: [(UInt16, String)] = [
        (0x0640, ""),        // tatweel, a stretching stroke with no meaning
        (0x0643, "\u{06A9}"),  // Arabic kaf ك -> keheh ک, the kaf of Dari and Pashto
        (0x06AA, "\u{06A9}"),  // swash kaf ڪ -> ک
        (0x0649, "\u{06CC}"),  // alef maksura ى -> Farsi yeh ی (Dari and Pashto write ی)
        (0x06C1, "\u{0647}"),  // Urdu heh goal ہ -> heh ه
        (0x06BE, "\u{0647}"),  // heh doachashmee ھ -> heh ه
        (0x06D5, "\u{0647}"),  // ae ە -> heh ه
        (0x06C3, "\u{0629}"),  // Urdu teh marbuta goal ۃ -> teh marbuta ة
    ]

    /// Dari writes one yeh; Pashto's ي is a letter of its own and is left alone.
    static let dariOrthography: [(UInt16, String)] = [
        (0x064A, "\u{06CC}"),  // Arabic yeh ي -> Farsi yeh ی
    ]

    /// Persian and Arabic-Indic digits and the Arabic number signs in ASCII (`--digits ascii`).
    static let asciiDigits: [(UInt16, String)] =
        (0..<10).map { (UInt16(0x06F0 + $0), String($0)) } + (0..<10).map { (UInt16(0x0660 + $0), String($0)) } + [
            (0x066B, "."),  // Arabic decimal separator
            (0x066C, ","),  // Arabic thousands separator
            (0x066A, "%"),  // Arabic percent sign
        ]

    // MARK: step 5, key folding (after NFKC_Casefold)

    /// Letter variants the key treats as one letter.
    static let keyLetterFolds: [(UInt16, String)] = [
        // alef with madda, hamza above or below, wasla, wavy hamza -> bare alef
        (0x0622, "\u{0627}"), (0x0623, "\u{0627}"), (0x0625, "\u{0627}"), (0x0671, "\u{0627}"),
        (0x0672, "\u{0627}"), (0x0673, "\u{0627}"), (0x0675, "\u{0627}"),
        // hamza alone is dropped; hamza on a carrier becomes the carrier
        (0x0621, ""), (0x0624, "\u{0648}"), (0x0676, "\u{0648}"),
        // the yeh family: Arabic yeh, alef maksura, Pashto ې ۍ, hamza yeh, Urdu ے ۓ, Kashmiri yeh
        (0x064A, "\u{06CC}"), (0x0649, "\u{06CC}"), (0x06D0, "\u{06CC}"), (0x06CD, "\u{06CC}"),
        (0x0626, "\u{06CC}"), (0x0678, "\u{06CC}"), (0x06D2, "\u{06CC}"), (0x06D3, "\u{06CC}"),
        (0x0620, "\u{06CC}"), (0x06CE, "\u{06CC}"),
        // heh with yeh or hamza above, teh marbuta, Urdu and Kurdish hehs -> heh
        (0x06C0, "\u{0647}"), (0x06C2, "\u{0647}"), (0x0629, "\u{0647}"), (0x06C3, "\u{0647}"),
        (0x06C1, "\u{0647}"), (0x06BE, "\u{0647}"), (0x06D5, "\u{0647}"),
        // kaf and gaf as the keyboards of each language write them
        (0x0643, "\u{06A9}"), (0x06AA, "\u{06A9}"), (0x06AB, "\u{06AF}"),
        // Urdu-keyboard letters typed for their Pashto twins; noon ghunna -> noon
        (0x0679, "\u{067C}"), (0x0688, "\u{0689}"), (0x0691, "\u{0693}"), (0x06BA, "\u{0646}"),
        (0x0640, ""),  // tatweel
        (0x200C, ""),  // ZWNJ (NFKC_Casefold already drops it; kept here so the table says so)
        // Cyrillic ё -> е: ordinary Russian print may write either (Rules of Russian Orthography
        // and Punctuation, 1956, §10), so Объединённых and Объединенных are one name (Ё too,
        // though case folding has made it ё by then).
        (0x0451, "\u{0435}"), (0x0401, "\u{0435}"),
    ]

    /// Punctuation the key writes in ASCII, so "؟" and "?" compare equal.
    static let keyPunctuation: [(UInt16, String)] = [
        (0x060C, ","), (0x061B, ";"), (0x061F, "?"), (0x06D4, "."), (0x066D, "*"),
        (0x00AB, "\""), (0x00BB, "\""), (0x201C, "\""), (0x201D, "\""), (0x201E, "\""),
        (0x201F, "\""), (0x2033, "\""), (0x2039, "\""), (0x203A, "\""),
    ]

    /// Hyphens and dashes: the key reads "ISIS-K" as "isis k" and "Mazar-i-Sharif" as "mazar i sharif".
    static let keyHyphens: [UInt16] = [
        0x002D, 0x058A, 0x1806, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2E3A,
        0x2E3B, 0xFE58, 0xFE63, 0xFF0D,
    ]

    /// Combining marks dropped by the key: Latin/Greek/Cyrillic diacritics left after NFKC.
    static let keyCombiningMarks: [ClosedRange<UInt16>] = [
        0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
    ]

    /// Latin letters whose base letter Unicode does not decompose out (ø is not o + a mark).
    static let latinLettersWithoutDecomposition: [(UInt16, String)] = [
        (0x00D8, "O"), (0x00F8, "o"), (0x0110, "D"), (0x0111, "d"), (0x0126, "H"), (0x0127, "h"),
        (0x0131, "i"), (0x0141, "L"), (0x0142, "l"), (0x0166, "T"), (0x0167, "t"), (0x00C6, "AE"),
        (0x00E6, "ae"), (0x0152, "OE"), (0x0153, "oe"), (0x00DF, "ss"), (0x00DE, "TH"), (0x00FE, "th"),
        (0x00D0, "D"), (0x00F0, "d"), (0x014A, "N"), (0x014B, "n"), (0x018F, "E"), (0x0259, "e"),
        (0x0197, "I"), (0x0268, "i"), (0x0191, "F"), (0x0192, "f"), (0x0138, "k"), (0x0180, "b"),
        (0x0181, "B"), (0x0253, "b"), (0x0189, "D"), (0x0256, "d"), (0x0257, "d"), (0x01E4, "G"),
        (0x01E5, "g"), (0x0260, "g"), (0x0261, "g"), (0x0266, "h"), (0x0269, "i"), (0x019A, "l"),
        (0x026B, "l"), (0x026C, "l"), (0x0271, "m"), (0x0272, "n"), (0x0273, "n"), (0x0275, "o"),
        (0x027D, "r"), (0x0282, "s"), (0x0288, "t"), (0x028B, "v"), (0x0290, "z"), (0x0291, "z"),
        (0x01B5, "Z"), (0x01B6, "z"), (0x0224, "Z"), (0x0225, "z"), (0x023A, "A"), (0x2C65, "a"),
        (0x023B, "C"), (0x023C, "c"), (0x0246, "E"), (0x0247, "e"), (0x024C, "R"), (0x024D, "r"),
        (0x024E, "Y"), (0x024F, "y"),
    ]

    /// Latin letters with diacritics the key folds to ASCII.
    static let latinRanges: [ClosedRange<UInt16>] = [
        0x00C0...0x024F, 0x0250...0x02AF, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF,
    ]
}
