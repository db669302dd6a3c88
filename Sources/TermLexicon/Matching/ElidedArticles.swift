import TextNormalization

/// French writes the articles le, la and de before a vowel as l' and d', joined to the next word:
/// "l'Afghanistan", "chef de l'Alliance du Nord", "Mouvement islamique d'Ouzbékistan". The key
/// form drops apostrophes, so the name became one word with its article (lafghanistan) and no
/// label matched it. The article cannot be an ordinary prefix of `affixes.tsv`, which the key
/// would read in any word starting with the letter ("Loman" is no l' + Oman): only where the text
/// has the apostrophe is a word-initial l or d its own word, in text (`KeyedText`) and in labels
/// (`LabelKeys`) alike, so "Front national de résistance de l'Afghanistan" still matches itself.
/// A record is looked at again only when its reading saw an apostrophe: scanning every record's
/// bytes for one (memchr, and for ’ every E2 lead byte, which each ZWNJ of Dari text has) cost
/// 10 M instructions more on the 5 MB corpus.
enum ElidedArticles {
    /// An apostrophe that may follow an elided article: ', ’ (U+2019) or ʼ (U+02BC).
    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 || value == 0x2BC }

    /// The length in bytes of the apostrophe at `bytes[index]` (', ’ U+2019 or ʼ U+02BC), or 0.
    static func apostropheLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        guard index < end else { return 0 }
        switch bytes[index] {
        case 0x27: return 1
        case 0xE2: return index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 ? 3 : 0
        case 0xCA: return index + 1 < end && bytes[index + 1] == 0xBC ? 2 : 0
        default: return 0
        }
    }

    /// An article that may be elided: l, L, d, D.
    static func isArticleLetter(_ byte: UInt8) -> Bool {
        byte == 0x6C || byte == 0x4C || byte == 0x64 || byte == 0x44
    }

    /// Whether `byte` ends a word before an article: the label's start, a space or a hyphen.
    private static func isWordBreak(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2D }

    /// `bytes[range]` (a label, UTF-8) with a space for the apostrophe of each elided article
    /// (a word-initial l or d, the apostrophe, then a letter), or nil when it has none: most labels
    /// have none, and are read once without a copy.
    static func spaced(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8]? {
        var output: [UInt8]?
        var copiedUpTo = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard isArticleLetter(bytes[index]), index == range.lowerBound || isWordBreak(bytes[index - 1]) else {
                continue
            }
            let length = apostropheLength(bytes, at: index + 1, end: range.upperBound)
            guard length > 0, index + 1 + length < range.upperBound,
                  CharacterKeys.decode(bytes, at: index + 1 + length, end: range.upperBound).0.properties.isAlphabetic
            else { continue }
            if output == nil { output = []; output!.reserveCapacity(range.count) }
            output!.append(contentsOf: bytes[copiedUpTo...index])
            output!.append(0x20)
            copiedUpTo = index + 1 + length
            index += length
        }
        guard var output else { return nil }
        output.append(contentsOf: bytes[copiedUpTo..<range.upperBound])
        return output
    }
}

extension KeyedText {
    /// Makes the l or d of each elided article (`ElidedArticles`) a word of its own: a unit from
    /// the one before the first apostrophe on that starts a word and does not end it, whose
    /// character is l or d followed by an apostrophe and then the next unit's character. Called
    /// only for a record with an apostrophe.
    mutating func splitElidedArticles(_ bytes: [UInt8], _ range: Range<Int>) {
        guard count > 1 else { return }
        for unit in max(firstApostrophe - 1, 0)..<(count - 1)
        where edges[unit] & (WordEdge.start | WordEdge.end) == WordEdge.start {
            guard units[unit] == 0x6C || units[unit] == 0x64, edges[unit + 1] & WordEdge.punctuation == 0 else {
                continue
            }
            let origin = Int(origins[unit])
            let offset = range.lowerBound + Int(utf8Offsets[origin])
            guard ElidedArticles.isArticleLetter(bytes[offset]) else { continue }
            let length = ElidedArticles.apostropheLength(bytes, at: offset + 1, end: range.upperBound)
            guard length > 0, Int(origins[unit + 1]) == origin + 2 else { continue }
            edges[unit] |= WordEdge.end
            edges[unit + 1] |= WordEdge.start
        }
    }
}
