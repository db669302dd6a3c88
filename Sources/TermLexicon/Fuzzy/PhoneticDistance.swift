/// A weighted edit distance between two strings of `PhoneticFold` symbols (words separated by a
/// space), turned into a score in [0, 1]. The weights say what spellings of one name differ by:
/// - vowels and their absence are cheap (Arabic script does not write short vowels: cheaper still
///   between scripts), a vowel for another vowel cheaper;
/// - near consonants are cheap: q/k, gh/g, kh/k/h, z/dh/zh, s/th, sh/ch, j/zh, w/u/o, y/i/e;
/// - the glides y w and h cost a little, h least at a word's end (Kandahār, کندهار; Herat, هرات);
/// - an inserted or dropped consonant, or another consonant, costs a whole symbol; so does a space
///   less (Abdulghani, Abdul Ghani) only a little;
/// - a word that starts with another sound pays extra: names differ least at their initials;
/// - between two Arabic-script words, the letters Arabic writes for the Persian ones it lacks are
///   near them too: ب for پ, ج or ك or غ for گ, ج for چ, ز or ج for ژ (ننغرهار, نانجارهار for ننگرهار;
///   بكتيا for پکتیا), so Arabic-language spellings of Dari and Pashto names are heard as the same.
public enum PhoneticDistance {
    /// Cost of substituting symbol a by b (symmetric), 1 where nothing makes them near.
    static let substitution: [[Float]] = {
        var table = [[Float]](repeating: [Float](repeating: 1, count: 128), count: 128)
        for symbol in 0..<128 { table[symbol][symbol] = 0 }
        func near(_ a: Character, _ b: Character, _ cost: Float) {
            let x = Int(a.asciiValue!), y = Int(b.asciiValue!)
            table[x][y] = cost
            table[y][x] = cost
        }
        let vowels: [Character] = ["a", "e", "i", "o", "u"]
        for a in vowels { for b in vowels where a != b { near(a, b, 0.2) } }
        near("e", "i", 0.1); near("o", "u", 0.1); near("a", "e", 0.15)
        near("y", "i", 0.1); near("y", "e", 0.15); near("y", "a", 0.4)
        near("w", "u", 0.1); near("w", "o", 0.1); near("w", "f", 0.5); near("w", "b", 0.6)
        near("h", "a", 0.3); near("h", "e", 0.3)
        near("q", "k", 0.2); near("q", "G", 0.4); near("G", "g", 0.2); near("k", "g", 0.5); near("q", "g", 0.5)
        near("x", "k", 0.3); near("x", "h", 0.3); near("x", "G", 0.5); near("x", "q", 0.5)
        near("z", "Z", 0.3); near("z", "D", 0.15); near("d", "D", 0.3); near("z", "s", 0.4); near("Z", "j", 0.3)
        near("s", "T", 0.15); near("t", "T", 0.3); near("s", "S", 0.4); near("S", "C", 0.15); near("s", "C", 0.5)
        near("j", "C", 0.4); near("j", "y", 0.5); near("j", "g", 0.6); near("j", "d", 0.6)
        near("p", "b", 0.5); near("f", "p", 0.5); near("t", "d", 0.5); near("Z", "S", 0.4); near("Z", "g", 0.5)
        // German writes kh as ch (Balch, Chost, Badachschan).
        near("C", "x", 0.4)
        // Cyrillic г (`H`): Russian writes it for g and for the h of other languages (Газни Ghazni,
        // Гильменд Helmand, Герат Herat).
        near("H", "g", 0.1); near("H", "G", 0.1); near("H", "h", 0.2); near("H", "x", 0.4); near("H", "k", 0.5)
        // Cyrillic х (`X`): the h and the kh of other languages (Хамид Hamid, Ахтар Akhtar, Торхам
        // Torkham).
        near("X", "h", 0.05); near("X", "x", 0.05); near("X", "H", 0.3); near("X", "k", 0.5)
        return table
    }()

    /// `substitution` with the letters Arabic uses for the Persian letters it lacks made near.
    static let arabicSubstitution: [[Float]] = {
        var table = substitution
        func near(_ a: Character, _ b: Character, _ cost: Float) {
            let x = Int(a.asciiValue!), y = Int(b.asciiValue!)
            table[x][y] = min(table[x][y], cost)
            table[y][x] = min(table[y][x], cost)
        }
        near("p", "b", 0.2); near("g", "k", 0.2); near("g", "j", 0.3); near("g", "G", 0.2)
        near("C", "j", 0.2); near("Z", "j", 0.2); near("Z", "z", 0.2)
        return table
    }()

    /// The substitution table for a comparison.
    @inline(__always)
    static func substitutions(arabic: Bool) -> [[Float]] { arabic ? arabicSubstitution : substitution }

    /// What a symbol weighs in a name: a consonant 1, a glide 0.5, a vowel 0.25, a space nothing.
    @inline(__always)
    static func weight(_ symbol: UInt8) -> Float {
        if symbol == 0x20 { return 0 }
        if PhoneticFold.isVowel(symbol) { return 0.25 }
        if symbol == 0x79 || symbol == 0x77 || symbol == 0x68 { return 0.5 }
        return 1
    }

    /// Cost of inserting or deleting `symbols[index]`.
    @inline(__always)
    static func indel(_ symbols: ArraySlice<UInt8>, _ offset: Int, crossScript: Bool) -> Float {
        let index = symbols.startIndex + offset
        let symbol = symbols[index]
        if symbol == 0x20 { return 0.3 }
        if PhoneticFold.isVowel(symbol) { return crossScript ? 0.1 : 0.25 }
        if symbol == 0x68 {
            let atWordEnd = index + 1 == symbols.endIndex || symbols[index + 1] == 0x20
            return atWordEnd ? 0.15 : 0.4
        }
        if symbol == 0x79 || symbol == 0x77 { return crossScript ? 0.15 : 0.3 }
        return 1
    }

    /// The extra cost of words that start with sounds far apart.
    static let initialPenalty: Float = 0.5

    /// The score of two symbol strings: 1 - cost / weight of the heavier, at least 0.
    /// - Parameter crossScript: the strings come from different scripts (vowels cost less).
    /// - Parameter arabic: both are Arabic-script words (`arabicSubstitution`).
    public static func score(_ a: [UInt8], _ b: [UInt8], crossScript: Bool, arabic: Bool = false) -> Double {
        var rows: [Float] = []
        return score(a[...], b[...], crossScript: crossScript, arabic: arabic,
                     weights: (weight(of: a[...]), weight(of: b[...])), minimum: 0, rows: &rows)
    }

    /// The weight of a symbol string (see `weight`).
    static func weight(of symbols: ArraySlice<UInt8>) -> Float { symbols.reduce(0) { $0 + weight($1) } }

    /// The score, or 0 as soon as it is sure to stay under `minimum`; `rows` is scratch space reused
    /// from call to call, `weights` the strings' weights computed once.
    /// `sameWordCount`, when known, says whether both have as many spaces (else they are counted).
    static func score(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, crossScript: Bool, arabic: Bool = false,
                      weights: (Float, Float), minimum: Double, rows: inout [Float],
                      sameWordCount: Bool? = nil) -> Double {
        let norm = max(weights.0, weights.1)
        guard norm > 0 else { return a == b ? 1 : 0 }
        let table = substitutions(arabic: arabic)
        let initial = initials(a, b, table: table, sameWordCount: sameWordCount)
        let budget = Float(1 - minimum) * norm - initial
        guard budget >= 0 else { return 0 }
        guard let cost = distance(a, b, crossScript: crossScript, table: table, budget: budget, rows: &rows)
        else { return 0 }
        return Double(max(0, 1 - (cost + initial) / norm))
    }

    /// The initial penalty for each pair of words whose first symbols are far apart (both words
    /// counted in order; with different word counts only the first words).
    static func initials(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, table: [[Float]] = substitution,
                         sameWordCount: Bool? = nil) -> Float {
        // Word starts of both, walked in step: no arrays made.
        let equalCounts = sameWordCount ?? {
            var spaces = 0
            for symbol in a where symbol == 0x20 { spaces += 1 }
            for symbol in b where symbol == 0x20 { spaces -= 1 }
            return spaces == 0
        }()
        var penalty: Float = 0
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex && j < b.endIndex {
            penalty += penaltyForInitials(a[i], b[j], table: table)
            guard equalCounts else { break }
            while i < a.endIndex && a[i] != 0x20 { i += 1 }
            while j < b.endIndex && b[j] != 0x20 { j += 1 }
            i += 1
            j += 1
        }
        return penalty
    }

    /// The penalty for two words starting with `x` and `y`.
    @inline(__always)
    static func penaltyForInitials(_ x: UInt8, _ y: UInt8, table: [[Float]] = substitution) -> Float {
        let vowelX = PhoneticFold.isVowel(x), vowelY = PhoneticFold.isVowel(y)
        if vowelX && vowelY { return 0 }
        if vowelX != vowelY {
            // A vowel against a glide is near (Yusuf, Iusuf; Wardak, Uardak); against a consonant
            // it is not.
            let other = vowelX ? y : x
            return other != 0x79 && other != 0x77 && other != 0x68 ? initialPenalty : 0
        }
        return table[Int(x & 0x7F)][Int(y & 0x7F)] >= 0.5 ? initialPenalty : 0
    }
}
