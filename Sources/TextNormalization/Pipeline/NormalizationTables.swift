/// Every lookup table the pipeline needs for one set of options, built once and shared read-only
/// by all worker threads.
struct NormalizationTables: Sendable {
    /// Step 2 for the text and latin forms.
    let clean: CodeUnitMap
    /// Step 2 for the key form (also drops apostrophes, see `OrthographyRules.apostrophes`).
    let cleanForKey: CodeUnitMap
    /// Step 4 for Dari (also used for English lines and lines without letters).
    let dariOrthography: CodeUnitMap
    /// Step 4 for Pashto.
    let pashtoOrthography: CodeUnitMap
    /// Step 5.
    let keyFolding: CodeUnitMap
    /// Step 6: accented Latin letters and typographic punctuation to ASCII, case kept (ICU's
    /// Latin-ASCII, tabulated). Empty unless the form is latin.
    let latinASCII: CodeUnitMap
    /// The letter class of every BMP unit, for language detection.
    let letterClasses: [LetterClass]

    enum LetterClass: UInt8, Sendable {
        case other, latin, arabic, pashtoOnly
    }

    init(digits: DigitPolicy, latinFolds: [(UInt16, String)], latinASCII: [(UInt16, String)] = []) {
        var clean = CodeUnitMap()
        for range in OrthographyRules.invisible { clean.set(range: range, to: .drop) }
        for range in OrthographyRules.spaces { clean.set(range: range, to: .unit(0x20)) }
        self.clean = clean

        var cleanForKey = clean
        for unit in OrthographyRules.apostrophes { cleanForKey[unit] = .drop }
        self.cleanForKey = cleanForKey

        var dari = CodeUnitMap()
        dari.set(OrthographyRules.sharedOrthography)
        dari.set(OrthographyRules.dariOrthography)
        var pashto = CodeUnitMap()
        pashto.set(OrthographyRules.sharedOrthography)
        if digits == .ascii {
            dari.set(OrthographyRules.asciiDigits)
            pashto.set(OrthographyRules.asciiDigits)
        }
        self.dariOrthography = dari
        self.pashtoOrthography = pashto

        var key = CodeUnitMap()
        // ASCII lines skip ICU, so the table lower-cases ASCII itself (NFKC_Casefold does the rest).
        for unit in UInt16(0x41)...UInt16(0x5A) { key[unit] = .unit(unit + 0x20) }
        for unit in UInt16(0x0600)...UInt16(0x08FF) where ArabicScript.isMark(unit) { key[unit] = .drop }
        for range in OrthographyRules.keyCombiningMarks { key.set(range: range, to: .drop) }
        key.set(latinFolds)
        key.set(OrthographyRules.keyLetterFolds)
        key.set(OrthographyRules.keyPunctuation)
        for unit in OrthographyRules.apostrophes { key[unit] = .drop }
        for unit in OrthographyRules.keyHyphens { key[unit] = .unit(0x20) }
        for range in OrthographyRules.spaces { key.set(range: range, to: .unit(0x20)) }
        if digits == .ascii { key.set(OrthographyRules.asciiDigits) }
        self.keyFolding = key

        var ascii = CodeUnitMap()
        ascii.set(latinASCII)
        self.latinASCII = ascii

        var classes = [LetterClass](repeating: .other, count: 0x1_0000)
        for unit in UInt16(0x41)...UInt16(0x5A) { classes[Int(unit)] = .latin; classes[Int(unit + 0x20)] = .latin }
        for range in OrthographyRules.latinRanges {
            for unit in range { classes[Int(unit)] = .latin }
        }
        for unit in UInt16(0x0600)...UInt16(0x08FF) where ArabicScript.isLetter(unit) { classes[Int(unit)] = .arabic }
        for unit in UInt16(0xFB50)...UInt16(0xFEFC) where ArabicScript.isLetter(unit) { classes[Int(unit)] = .arabic }
        for unit in ArabicScript.pashtoOnlyLetters { classes[Int(unit)] = .pashtoOnly }
        self.letterClasses = classes
    }

    func orthography(for language: Language) -> CodeUnitMap {
        language == .pashto ? pashtoOrthography : dariOrthography
    }
}

extension NormalizationTables {
    /// Folds of accented Latin letters to lowercase ASCII for the key form: the letter's NFKD
    /// without its marks (ā -> a, ǆ -> dz), or its entry in `OrthographyRules.latinLettersWithoutDecomposition`
    /// (ø -> o). NFKD rather than ICU's Latin-ASCII transform, whose set-up alone costs tens of
    /// milliseconds of start-up.
    static func latinFolds() throws(ICUError) -> [(UInt16, String)] {
        let nfkd = try ICUNormalizer(.nfkd)
        let special = Dictionary(uniqueKeysWithValues: OrthographyRules.latinLettersWithoutDecomposition)
        var folds: [(UInt16, String)] = []
        for range in OrthographyRules.latinRanges {
            for unit in range {
                guard let scalar = Unicode.Scalar(unit), UnicodeProperties.isAlphabetic(scalar) else { continue }
                let base = try nfkd.normalize(String(scalar)).unicodeScalars
                    .filter { $0.properties.generalCategory != .nonspacingMark }
                    .map { special[UInt16(truncatingIfNeeded: $0.value)].map { Array($0.unicodeScalars) } ?? [$0] }
                    .joined()
                let folded = String(String.UnicodeScalarView(base)).lowercased()
                let isASCIILetters = !folded.isEmpty && folded.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
                if isASCIILetters && folded.utf16.first != unit { folds.append((unit, folded)) }
            }
        }
        return folds
    }

    /// Latin letters and punctuation in ASCII, case kept, for the latin form.
    static func latinASCII() throws(ICUError) -> [(UInt16, String)] {
        try latinToASCII(ranges: OrthographyRules.latinRanges + [0x00A0...0x00BF, 0x2010...0x205E], onlyLetters: false)
    }

    /// What ICU's Latin-ASCII makes of each character of `ranges`, computed in one call (each
    /// character on a line of its own). Only characters it turns into non-empty ASCII are kept.
    private static func latinToASCII(ranges: [ClosedRange<UInt16>], onlyLetters: Bool) throws(ICUError) -> [(UInt16, String)] {
        var units: [UInt16] = []
        var sources: [UInt16] = []
        for range in ranges {
            for unit in range {
                guard let scalar = Unicode.Scalar(unit), scalar.properties.generalCategory != .unassigned,
                      !onlyLetters || UnicodeProperties.isAlphabetic(scalar) else { continue }
                sources.append(unit)
                units.append(unit)
                units.append(0x0A)
            }
        }
        var count = units.count
        try ICUTransliterator(id: "Latin-ASCII").transliterate(&units, count: &count)
        let lines = units[0..<count].split(separator: 0x0A, omittingEmptySubsequences: false)
        var result: [(UInt16, String)] = []
        for (source, line) in zip(sources, lines) {
            let converted = String(decoding: line, as: UTF16.self)
            if !converted.isEmpty, converted.unicodeScalars.allSatisfy(\.isASCII), converted.utf16.first != source || converted.utf16.count > 1 {
                result.append((source, converted))
            }
        }
        return result
    }
}
