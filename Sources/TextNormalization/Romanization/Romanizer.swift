/// Step 6 of the pipeline: writes a line's text form in Latin letters.
///
/// Arabic-script words found in the word list are replaced whole; the rest go through the
/// language's ICU rule file; anything still outside ASCII (Latin with diacritics, Cyrillic, Greek,
/// ...) goes through ICU's `Any-Latin; NFKC; Latin-ASCII`. One instance per thread (it owns
/// transliterators and buffers).
final class Romanizer {
    private let data: RomanizationData
    private let keyFolding: CodeUnitMap
    private let dariRules: ICUTransliterator
    private let pashtoRules: ICUTransliterator
    private let anyToASCII: ICUTransliterator
    private var scratch: [UInt16] = []
    private var wordKey: [UInt16] = []

    init(data: RomanizationData, keyFolding: CodeUnitMap) throws(Diagnostic) {
        self.data = data
        self.keyFolding = keyFolding
        dariRules = try ICUTransliterator(rules: data.dariRules, name: "Lexalign-prs-Latn",
                                          path: "Lexicons/" + RomanizationData.dariRulesPath)
        pashtoRules = try ICUTransliterator(rules: data.pashtoRules, name: "Lexalign-ps-Latn",
                                            path: "Lexicons/" + RomanizationData.pashtoRulesPath)
        do {
            anyToASCII = try ICUTransliterator(id: "Any-Latin; NFKC; Latin-ASCII")
        } catch {
            throw Diagnostic(.error, at: SourceLocation(path: "<icu>", line: 1, column: 1), error.description,
                             rule: "icu")
        }
    }

    /// Romanises `text[0..<count]` in place.
    func romanize(_ text: inout [UInt16], count: inout Int, language: Language) throws(ICUError) {
        var needsRules = false
        if language != .english {
            let words = language == .pashto ? data.pashtoWords : data.dariWords
            scratch.removeAll(keepingCapacity: true)
            scratch.append(0x20)  // the rules see a word boundary before the first word
            var index = 0
            while index < count {
                guard isWordUnit(text[index]) else {
                    // Arabic punctuation and ZWNJ are the rules' business too.
                    if text[index] >= 0x80 { needsRules = true }
                    scratch.append(text[index])
                    index += 1
                    continue
                }
                var end = index + 1
                while end < count && isWordUnit(text[end]) { end += 1 }
                Romanizer.matchingKey(text[index..<end], keyFolding: keyFolding, into: &wordKey)
                if let latin = words[wordKey] {
                    scratch.append(contentsOf: latin)
                } else {
                    scratch.append(contentsOf: text[index..<end])
                    needsRules = true
                }
                index = end
            }
            scratch.append(0x20)  // ... and after the last
            if needsRules {
                var length = scratch.count
                try (language == .pashto ? pashtoRules : dariRules).transliterate(&scratch, count: &length)
                scratch.removeSubrange(length...)
            }
            count = scratch.count
            swap(&text, &scratch)
        }
        if text[0..<count].contains(where: { $0 >= 0x80 }) {
            try anyToASCII.transliterate(&text, count: &count)
        }
    }

    /// Arabic-script letters and marks make up words; a ZWNJ separates them (کتاب‌ها = کتاب + ها).
    @inline(__always)
    private func isWordUnit(_ unit: UInt16) -> Bool {
        ArabicScript.isLetter(unit) || ArabicScript.isMark(unit)
    }

    /// The key a word is looked up by: the key form's letter folding, marks dropped.
    static func matchingKey(_ word: ArraySlice<UInt16>, keyFolding: CodeUnitMap, into key: inout [UInt16]) {
        key.removeAll(keepingCapacity: true)
        for unit in word { keyFolding.apply(unit, to: &key) }
    }

    static func matchingKey(_ word: [UInt16], keyFolding: CodeUnitMap) -> [UInt16] {
        var key: [UInt16] = []
        matchingKey(word[...], keyFolding: keyFolding, into: &key)
        return key
    }
}
