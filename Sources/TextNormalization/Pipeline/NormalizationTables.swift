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
    /// The letter class of every BMP unit, for language detection.
    let letterClasses: [LetterClass]

    enum LetterClass: UInt8, Sendable {
        case other, latin, arabic, pashtoOnly
    }

    init(digits: DigitPolicy, latinFolds: [(UInt16, String)]) {
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
    /// Folds of accented Latin letters to lowercase ASCII, computed by ICU's Latin-ASCII transform
    /// in one call (every letter of `OrthographyRules.latinRanges` on a line of its own).
    static func latinFolds() throws(ICUError) -> [(UInt16, String)] {
        var units: [UInt16] = []
        var sources: [UInt16] = []
        for range in OrthographyRules.latinRanges {
            for unit in range where Unicode.Scalar(unit).map(UnicodeProperties.isAlphabetic) == true {
                sources.append(unit)
                units.append(unit)
                units.append(0x0A)
            }
        }
        var count = units.count
        try ICUTransliterator(id: "Latin-ASCII").transliterate(&units, count: &count)
        let lines = units[0..<count].split(separator: 0x0A, omittingEmptySubsequences: false)
        var folds: [(UInt16, String)] = []
        for (source, line) in zip(sources, lines) {
            let folded = String(decoding: line, as: UTF16.self).lowercased()
            let isASCIILetters = !folded.isEmpty && folded.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
            if isASCIILetters && folded.utf16.first != source { folds.append((source, folded)) }
        }
        return folds
    }
}
