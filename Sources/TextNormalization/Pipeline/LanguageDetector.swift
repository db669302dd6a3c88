/// Decides whether a line is English, Dari or Pashto from its letters (for `--lang auto`).
///
/// Latin letters against Arabic-script letters decide English. Among Arabic-script lines, Pashto
/// shows itself by letters Dari lacks (ټ ډ ړ ږ ښ ځ څ ګ ڼ ې ۍ) and by function words (د، په، له،
/// څخه، سره); Dari by its own (از، در، با، است، را، این، برای). A line with neither
/// is Dari, the more common language of the two in written Afghan media.
struct LanguageDetector: Sendable {
    /// Short words that mark a language, packed as their UTF-16 units (see `pack`).
    let pashtoWords: PackedWordSet
    let dariWords: PackedWordSet

    static let pashtoFunctionWords = ["د", "په", "له", "ته", "کې", "کښې", "چې", "او",
                                      "دي", "سره", "څخه", "یې", "وو", "شوي", "کړي", "هغه"]
    static let dariFunctionWords = ["از", "در", "با", "است", "را", "این", "آن",
                                    "برای", "شد", "شده", "بود", "کرد", "و", "می", "ها", "های"]

    init() {
        pashtoWords = PackedWordSet(LanguageDetector.pashtoFunctionWords.compactMap { Self.pack(Array($0.utf16)[...]) })
        dariWords = PackedWordSet(LanguageDetector.dariFunctionWords.compactMap { Self.pack(Array($0.utf16)[...]) })
    }

    /// The language of a line from what its decoding counted (`LineDecoder`): its letters, and
    /// its words that are Pashto or Dari function words (a word ends at anything but an Arabic
    /// letter; a ZWNJ ends one too: می‌رود, کتاب‌ها).
    func language(counts: LetterCounts) -> Language {
        if counts.arabic == 0 && counts.latin == 0 { return .undetermined }
        if counts.latin > counts.arabic { return .english }
        let pashtoScore = counts.pashtoOnly + 2 * counts.pashtoWords
        let dariScore = 2 * counts.dariWords
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

/// A few packed words (never 0), looked up by a multiplicative hash into a table of four times as
/// many slots: the detector looks up every word of every Arabic-script line, and `Set`'s seeded
/// hashing cost more than the rest of the detection.
struct PackedWordSet: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64

    init(_ words: [UInt64]) {
        var bits: UInt64 = 4
        while 1 << bits < 4 * words.count { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        let shift = 64 - bits
        for word in words where word != 0 {
            var slot = Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] != 0 && slots[slot] != word { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = word
        }
        self.slots = slots
        self.shift = shift
    }

    @inline(__always)
    func contains(_ word: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = slots[slot]
            if found == word { return word != 0 }
            if found == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }
}
