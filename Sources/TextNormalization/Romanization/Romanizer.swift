/// Step 6 of the pipeline: writes a line's text form in Latin letters.
///
/// Arabic-script words found in the word list are replaced whole; the rest go through the
/// language's ICU rule file (Dari's for English lines and lines without letters, as in step 4), one
/// distinct word at a time; an Arabic-script letter, mark or sign the rules leave, or one between
/// words, takes its value from `ArabicScriptLatin`, so no Arabic script reaches ICU's Any-Latin
/// (which leaves most of it, or makes combining marks of it). Anything still outside ASCII (Latin
/// with diacritics, Cyrillic, Greek, ...) goes through ICU's `NFKC; Any-Latin; NFKC; Latin-ASCII`. One
/// instance per thread (it owns transliterators and buffers).
final class Romanizer {
    private let data: RomanizationData
    private let keyFolding: CodeUnitMap
    private let latinASCII: CodeUnitMap
    private let dariRules: RulePasses
    private let pashtoRules: RulePasses
    /// Made when a line first needs it (most text never does): opening a transliterator by ID
    /// builds ICU's registry of transforms, about 30 ms.
    private var anyToASCII: ICUTransliterator?
    private var scratch: [UInt16] = []
    private var wordKey: [UInt16] = []
    /// Romanisations of the words met so far, by language.
    private var dariSeen = WordMap()
    private var pashtoSeen = WordMap()

    init(data: RomanizationData, keyFolding: CodeUnitMap, latinASCII: CodeUnitMap) throws(Diagnostic) {
        self.data = data
        self.keyFolding = keyFolding
        self.latinASCII = latinASCII
        dariRules = try RulePasses(rules: data.dariRules, name: "Lexalign-prs-Latn",
                                   path: "Lexicons/" + RomanizationData.dariRulesPath)
        pashtoRules = try RulePasses(rules: data.pashtoRules, name: "Lexalign-ps-Latn",
                                     path: "Lexicons/" + RomanizationData.pashtoRulesPath)
    }

    /// ICU's romanisation of whatever script is left, opened on first use.
    private func anyLatin() throws(ICUError) -> ICUTransliterator {
        if let anyToASCII { return anyToASCII }
        // NFKC first too: a compatibility character (circled ㋗, squared ㍻) becomes letters of
        // its script, which Any-Latin must still see, or the next pass would romanise them.
        let made = try ICUTransliterator(id: "NFKC; Any-Latin; NFKC; Latin-ASCII")
        anyToASCII = made
        return made
    }

    /// Romanises `text[0..<count]` in place.
    func romanize(_ text: inout [UInt16], count: inout Int, language: Language) throws(ICUError) {
        // An English line may quote an Arabic-script name: it is read as Dari, as step 4 reads it.
        if language != .english || Romanizer.containsArabicScript(text, count: count) {
            let isPashto = language == .pashto
            let isEnglish = language == .english
            scratch.removeAll(keepingCapacity: true)
            var index = 0
            while index < count {
                let unit = text[index]
                guard isWordUnit(unit) else {
                    if unit == ArabicScript.zwnj {
                        // A ZWNJ only separates a suffix: nothing to write.
                    } else if !isEnglish, let punctuation = Romanizer.punctuation(unit) {
                        scratch.append(punctuation)
                    } else {
                        // Arabic punctuation and signs by the table; every other unit is kept.
                        data.arabicLatin.apply(unit, to: &scratch)
                    }
                    index += 1
                    continue
                }
                var end = index + 1
                while end < count && isWordUnit(text[end]) { end += 1 }
                try appendWord(text[index..<end], isPashto: isPashto)
                index = end
            }
            count = scratch.count
            swap(&text, &scratch)
        }
        // Latin letters with diacritics and typographic punctuation by table; ICU's Any-Latin
        // only for what is left (Cyrillic, Greek, ...), which is rare and slow to set up per line.
        // Most lines are ASCII by now, which the table keeps as they are.
        guard text[0..<count].contains(where: { $0 >= 0x80 }) else { return }
        var needsICU = false
        scratch.removeAll(keepingCapacity: true)
        for unit in text[0..<count] {
            latinASCII.apply(unit, to: &scratch)
            if unit >= 0x80 && !latinASCII.changes(unit) { needsICU = true }
        }
        count = scratch.count
        swap(&text, &scratch)
        if needsICU {
            try anyLatin().transliterate(&text, count: &count)
        }
    }

    /// Appends the romanisation of one Arabic-script word: from the word list, from the words
    /// already seen, or from the language's rules. News text repeats its words, so the rules run
    /// once per distinct word, not once per occurrence.
    private func appendWord(_ word: ArraySlice<UInt16>, isPashto: Bool) throws(ICUError) {
        let hash = WordMap.hash(word)
        if isPashto, let known = pashtoSeen.find(word, hash: hash) {
            scratch.append(contentsOf: pashtoSeen.value(known))
            return
        }
        if !isPashto, let known = dariSeen.find(word, hash: hash) {
            scratch.append(contentsOf: dariSeen.value(known))
            return
        }
        let latin: [UInt16]
        Romanizer.matchingKey(word, keyFolding: keyFolding, into: &wordKey)
        if let listed = (isPashto ? data.pashtoWords : data.dariWords)[wordKey] {
            latin = listed
        } else {
            // The rules see the word between spaces, as at the edges of a line.
            var buffer: [UInt16] = [0x20]
            buffer.append(contentsOf: word)
            buffer.append(0x20)
            var length = buffer.count
            try (isPashto ? pashtoRules : dariRules).transliterate(&buffer, count: &length)
            let ruled = buffer[1..<max(1, length - 1)]
            if ruled.allSatisfy({ $0 < 0x80 }) {
                latin = Array(ruled)
            } else {
                // Letters and marks of other languages the rule files do not know.
                var mapped: [UInt16] = []
                for unit in ruled { data.arabicLatin.apply(unit, to: &mapped) }
                latin = mapped
            }
        }
        scratch.append(contentsOf: latin)
        if isPashto {
            if pashtoSeen.count >= Romanizer.seenLimit { pashtoSeen.removeAll() }
            pashtoSeen.insert(word, hash: hash, value: latin)
        } else {
            if dariSeen.count >= Romanizer.seenLimit { dariSeen.removeAll() }
            dariSeen.insert(word, hash: hash, value: latin)
        }
    }

    /// Bounds the memory of the seen-words caches on endless input.
    private static let seenLimit = 200_000

    /// Arabic punctuation in ASCII (the rule files say the same, for words run through them alone).
    private static func punctuation(_ unit: UInt16) -> UInt16? {
        switch unit {
        case 0x060C: return 0x2C
        case 0x061B: return 0x3B
        case 0x061F: return 0x3F
        case 0x06D4: return 0x2E
        case 0x00AB, 0x00BB: return 0x22
        case 0x066A: return 0x25
        default: return nil
        }
    }

    /// Whether `text[0..<count]` holds a character of the Arabic blocks or presentation forms.
    static func containsArabicScript(_ text: [UInt16], count: Int) -> Bool {
        for unit in text[0..<count] where unit >= 0x0600 {
            if unit <= 0x08FF || (unit >= 0xFB50 && unit <= 0xFDFF) || (unit >= 0xFE70 && unit <= 0xFEFF) {
                return true
            }
        }
        return false
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
