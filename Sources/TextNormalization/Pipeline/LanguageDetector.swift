/// Decides whether a line is English, Dari or Pashto from its letters (for `--lang auto`).
///
/// Latin letters against Arabic-script letters decide English. Among Arabic-script lines, Pashto
/// shows itself by letters Dari lacks (ټ ډ ړ ږ ښ ځ څ ګ ڼ ې ۍ) and by function words (د، په، له،
/// څخه، سره); Dari by its own (از، در، با، است، را، این، برای). A line with neither is Dari, the
/// more common language of the two in written Afghan media.
struct LanguageDetector: Sendable {
    /// Short words that mark a language, packed as their UTF-16 units (see `pack`).
    private let pashtoWords: Set<UInt64>
    private let dariWords: Set<UInt64>

    static let pashtoFunctionWords = ["د", "په", "له", "ته", "کې", "کښې", "چې", "او", "دي", "سره", "څخه", "یې", "وو", "شوي", "کړي", "هغه"]
    static let dariFunctionWords = ["از", "در", "با", "است", "را", "این", "آن", "برای", "شد", "شده", "بود", "کرد", "و", "می", "ها", "های"]

    init() {
        pashtoWords = Set(LanguageDetector.pashtoFunctionWords.compactMap { LanguageDetector.pack(Array($0.utf16)[...]) })
        dariWords = Set(LanguageDetector.dariFunctionWords.compactMap { LanguageDetector.pack(Array($0.utf16)[...]) })
    }

    /// - Parameters:
    ///   - text: the cleaned line (UTF-16), only read when the letters alone do not decide.
    ///   - counts: the line's letter counts from the decoder.
    func language(of text: [UInt16], count: Int, counts: LetterCounts) -> Language {
        if counts.arabic == 0 && counts.latin == 0 { return .undetermined }
        if counts.latin > counts.arabic { return .english }
        var pashtoScore = counts.pashtoOnly
        var dariScore = 0
        // Scan words; a ZWNJ ends a word too (می‌رود, کتاب‌ها).
        var start = 0
        var index = 0
        while index <= count {
            let atEnd = index == count
            let unit = atEnd ? 0x20 : text[index]
            let isWordUnit = ArabicScript.isLetter(unit) && unit != ArabicScript.zwnj
            if !isWordUnit {
                if index > start, let key = LanguageDetector.pack(text[start..<index]) {
                    if pashtoWords.contains(key) { pashtoScore += 2 }
                    if dariWords.contains(key) { dariScore += 2 }
                }
                start = index + 1
            }
            index += 1
        }
        return pashtoScore > dariScore ? .pashto : .dari
    }

    /// Packs a word of at most four UTF-16 units into one integer; longer words return nil.
    private static func pack(_ units: ArraySlice<UInt16>) -> UInt64? {
        guard units.count <= 4 else { return nil }
        var key: UInt64 = 0
        for unit in units { key = (key << 16) | UInt64(unit) }
        return key
    }
}
