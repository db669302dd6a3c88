/// Every lookup table the pipeline needs for one set of options, built once and shared read-only
/// by all worker threads.
struct NormalizationTables: Sendable {
    /// Step 2, for the form: the key's also drops apostrophes (`OrthographyRules.apostrophes`).
    let clean: CodeUnitMap
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

    /// Builds the tables `form` uses; the others stay empty (a table is 256 KB to fill).
    init(form: NormalizationForm, digits: DigitPolicy, latinFolds: [(UInt16, String)],
         latinASCII: [(UInt16, String)] = []) {
        var clean = CodeUnitMap()
        for range in OrthographyRules.invisible { clean.set(range: range, to: .drop) }
        for range in OrthographyRules.spaces { clean.set(range: range, to: .unit(0x20)) }
        if form == .key {
            for unit in OrthographyRules.apostrophes { clean[unit] = .drop }
        }
        self.clean = clean

        dariOrthography = form == .key
            ? CodeUnitMap(empty: true)
            : NormalizationTables.orthography(dari: true, digits: digits)
        pashtoOrthography = form == .key
            ? CodeUnitMap(empty: true)
            : NormalizationTables.orthography(dari: false, digits: digits)
        // The latin form needs the key's folding too: its word list is looked up by key.
        keyFolding = form == .text
            ? CodeUnitMap(empty: true)
            : NormalizationTables.keyFolding(latinFolds: latinFolds, digits: digits)

        var ascii = CodeUnitMap(empty: latinASCII.isEmpty)
        ascii.set(latinASCII)
        self.latinASCII = ascii

        var classes = [LetterClass](repeating: .other, count: 0x1_0000)
        for unit in UInt16(0x41)...UInt16(0x5A) { classes[Int(unit)] = .latin; classes[Int(unit + 0x20)] = .latin }
        for range in OrthographyRules.latinRanges {
            for unit in range { classes[Int(unit)] = .latin }
        }
        for range in NormalizationTables.arabicLetterRanges {
            for unit in range where ArabicScript.isLetter(unit) { classes[Int(unit)] = .arabic }
        }
        for unit in ArabicScript.pashtoOnlyLetters { classes[Int(unit)] = .pashtoOnly }
        self.letterClasses = classes
    }

    private static let arabicLetterRanges: [ClosedRange<UInt16>] = [0x0600...0x08FF, 0xFB50...0xFEFC]

    /// Every unit whose letter class is not `other` lies in one of these (Pashto's own letters are
    /// in the Arabic block).
    static let letterClassRanges: [ClosedRange<UInt16>] = [0x41...0x5A, 0x61...0x7A] + OrthographyRules.latinRanges
        + arabicLetterRanges

    /// Step 4 for Dari (`dari`) or Pashto.
    private static func orthography(dari: Bool, digits: DigitPolicy) -> CodeUnitMap {
        var map = CodeUnitMap()
        map.set(OrthographyRules.sharedOrthography)
        if dari { map.set(OrthographyRules.dariOrthography) }
        if digits == .ascii { map.set(OrthographyRules.asciiDigits) }
        return map
    }

    /// Step 5.
    private static func keyFolding(latinFolds: [(UInt16, String)], digits: DigitPolicy) -> CodeUnitMap {
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
        return key
    }

    func orthography(for language: Language) -> CodeUnitMap {
        language == .pashto ? pashtoOrthography : dariOrthography
    }
}

extension NormalizationTables {
    /// Folds of accented Latin letters to lowercase ASCII for the key form: the letter's NFKD
    /// without its marks (ā -> a, ǆ -> dz), or its entry in `OrthographyRules.latinLettersWithoutDecomposition`
    /// (ø -> o). NFKD rather than ICU's Latin-ASCII transform, whose set-up alone costs tens of
    /// milliseconds of start-up. Kept in the source as `LatinFoldTable`, which a test checks
    /// against this: worked out here, the folds were 2.4 M instructions of every start.
    static func latinFoldsFromICU() throws(ICUError) -> [(UInt16, String)] {
        let special = Dictionary(uniqueKeysWithValues: OrthographyRules.latinLettersWithoutDecomposition)
        var letters: [UInt16] = []
        var joined: [UInt16] = []
        for range in OrthographyRules.latinRanges {
            for unit in range {
                guard let scalar = Unicode.Scalar(unit), UnicodeProperties.isAlphabetic(scalar) else { continue }
                letters.append(unit)
                joined.append(unit)
                joined.append(0x0A)
            }
        }
        // One ICU call for all letters, a line each: NFKD never reaches across a line feed.
        var decomposed: [UInt16] = []
        let length = try ICUNormalizer(.nfkd).normalize(joined, count: joined.count, into: &decomposed)
        let lines = decomposed[0..<length].split(separator: 0x0A, omittingEmptySubsequences: false)
        // Each letter's decomposition without its marks, lower-cased scalar by scalar, kept when
        // it is all ASCII letters; built as bytes (strings made and lower-cased per letter were
        // most of the context's start-up).
        var folds: [(UInt16, String)] = []
        var folded: [UInt8] = []
        for (unit, line) in zip(letters, lines) {
            folded.removeAll(keepingCapacity: true)
            var onlyLetters = true
            var iterator = line.makeIterator()
            var decoder = UTF16()
            decoding: while onlyLetters {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar.properties.generalCategory == .nonspacingMark { continue }
                    if let replacement = special[UInt16(truncatingIfNeeded: scalar.value)] {
                        onlyLetters = replacement.unicodeScalars.allSatisfy {
                            appendLowercaseASCIILetter($0, to: &folded)
                        }
                    } else {
                        onlyLetters = appendLowercaseASCIILetter(scalar, to: &folded)
                    }
                case .emptyInput:
                    break decoding
                case .error:
                    onlyLetters = false
                }
            }
            if onlyLetters && !folded.isEmpty && UInt16(folded[0]) != unit {
                folds.append((unit, String(decoding: folded, as: UTF8.self)))
            }
        }
        return folds
    }

    /// Appends the lower case of `scalar` when it is ASCII letters only (a non-ASCII letter may
    /// lower-case to one: KELVIN SIGN is k); false otherwise.
    private static func appendLowercaseASCIILetter(_ scalar: Unicode.Scalar, to out: inout [UInt8]) -> Bool {
        switch scalar.value {
        case 0x41...0x5A:
            out.append(UInt8(scalar.value) + 0x20)
            return true
        case 0x61...0x7A:
            out.append(UInt8(scalar.value))
            return true
        case 0x00...0x7F:
            return false
        default:
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            guard lower.allSatisfy({ (0x61...0x7A).contains($0.value) }) else { return false }
            return lower.allSatisfy { appendLowercaseASCIILetter($0, to: &out) }
        }
    }

    /// Latin letters and punctuation in ASCII, case kept, for the latin form: ICU's Latin-ASCII
    /// as `LatinASCIITable` holds it. Asking ICU at start-up costs about 30 ms: the first
    /// transliterator opened by ID builds ICU's registry of every transform it has.
    static func latinASCII() -> [(UInt16, String)] { LatinASCIITable.entries }

    /// The characters `LatinASCIITable` covers.
    static let latinASCIIRanges: [ClosedRange<UInt16>] = OrthographyRules.latinRanges
        + [0x00A0...0x00BF, 0x2010...0x205E]

    /// What ICU's Latin-ASCII makes of the characters of `latinASCIIRanges` now: a test checks
    /// `LatinASCIITable` against it, and prints the table anew when ICU's answer changes.
    static func latinASCIIFromICU() throws(ICUError) -> [(UInt16, String)] {
        try latinToASCII(ranges: latinASCIIRanges, onlyLetters: false)
    }

    /// What ICU's Latin-ASCII makes of each character of `ranges`, computed in one call (each
    /// character on a line of its own). Only characters it turns into non-empty ASCII are kept.
    private static func latinToASCII(ranges: [ClosedRange<UInt16>],
                                     onlyLetters: Bool) throws(ICUError) -> [(UInt16, String)] {
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
            if !converted.isEmpty, converted.unicodeScalars.allSatisfy(\.isASCII),
               converted.utf16.first != source || converted.utf16.count > 1 {
                result.append((source, converted))
            }
        }
        return result
    }
}
