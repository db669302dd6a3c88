/// The consonant skeleton of a romanised word, for matching names across scripts.
///
/// Arabic script writes few vowels, and English spells the same name many ways (Muttaqi, Mateqi,
/// Motaqi), so a name's shared core is its consonants. Digraphs become one letter (sh, ch, kh, gh,
/// zh, th, ph, ck), letters that romanise interchangeably fold together (q, c and x to k; v to f),
/// vowels and the glides w, y, h drop, and doubled letters collapse: Mashwani, mushwani and
/// mashwanay all give "mSn".
public enum ConsonantSkeleton {
    /// The skeleton of an ASCII word (any case); empty when it has no consonant.
    public static func of<Letters: Collection>(_ word: Letters) -> [UInt8] where Letters.Element == UInt8 {
        var skeleton: [UInt8] = []
        var previous: UInt8 = 0
        var letters = word.makeIterator()
        var pending: UInt8? = letters.next()
        while let raw = pending {
            let letter = raw | 0x20
            var next = letters.next()
            var mapped: UInt8
            let following = next.map { $0 | 0x20 }
            switch (letter, following) {
            case (UInt8(ascii: "s"), UInt8(ascii: "h")): mapped = UInt8(ascii: "S"); next = letters.next()
            case (UInt8(ascii: "c"), UInt8(ascii: "h")): mapped = UInt8(ascii: "C"); next = letters.next()
            case (UInt8(ascii: "k"), UInt8(ascii: "h")): mapped = UInt8(ascii: "K"); next = letters.next()
            case (UInt8(ascii: "g"), UInt8(ascii: "h")): mapped = UInt8(ascii: "G"); next = letters.next()
            case (UInt8(ascii: "z"), UInt8(ascii: "h")): mapped = UInt8(ascii: "J"); next = letters.next()
            case (UInt8(ascii: "t"), UInt8(ascii: "h")): mapped = UInt8(ascii: "t"); next = letters.next()
            case (UInt8(ascii: "p"), UInt8(ascii: "h")): mapped = UInt8(ascii: "f"); next = letters.next()
            case (UInt8(ascii: "c"), UInt8(ascii: "k")): mapped = UInt8(ascii: "k"); next = letters.next()
            default:
                switch letter {
                case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                     UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "h"):
                    mapped = 0
                case UInt8(ascii: "q"), UInt8(ascii: "c"): mapped = UInt8(ascii: "k")
                case UInt8(ascii: "v"): mapped = UInt8(ascii: "f")
                case UInt8(ascii: "x"): mapped = UInt8(ascii: "k")
                case UInt8(ascii: "b")...UInt8(ascii: "z"): mapped = letter
                default: mapped = 0
                }
            }
            if mapped != 0 && mapped != previous { skeleton.append(mapped) }
            // A vowel between two equal consonants keeps them apart (Muttaqi: mtk, not mk).
            previous = mapped == 0 && previous != 0 ? (isVowel(letter) ? 0 : previous) : mapped
            pending = next
        }
        return skeleton
    }

    private static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): true
        default: false
        }
    }
}
