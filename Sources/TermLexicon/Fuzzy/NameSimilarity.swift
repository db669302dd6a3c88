import TextNormalization

/// How alike two whole names sound, as the fuzzy pass hears them: each word's key form folded to
/// the phonetic space by its script, compared with the weighted distance. For a string known to be
/// one name (a spreadsheet cell being reconciled), where the fuzzy pass's guards for running text
/// (support, capitals, frequent words) do not apply.
public struct NameSimilarity {
    private let keys: LabelKeys
    private let cyrillic = CyrillicFold()

    public init() throws(NormalizationSetupError) {
        keys = try LabelKeys()
    }

    /// A name in the phonetic space: its words' symbols joined by spaces, and whether every word
    /// is in Arabic script.
    public func symbols(of name: String) -> (symbols: [UInt8], arabic: Bool) {
        var out: [UInt8] = []
        var arabic = true
        // The key form has no spaces; `spaces` says where words began.
        let (key, spaces) = keys.spacedKey(name)
        let starts = [0] + spaces.map(Int.init).filter { $0 > 0 && $0 < key.count }
        for (index, start) in starts.enumerated() {
            let word = key[start..<(index + 1 < starts.count ? starts[index + 1] : key.count)]
            let script = PhoneticFold.script(of: word.first ?? 0)
            if script != .arabic { arabic = false }
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            FuzzyIndex.fold(word, script: script, cyrillic: cyrillic, into: &out)
        }
        return (out, arabic && !out.isEmpty)
    }

    /// The score in [0, 1] of two names' symbols (`symbols(of:)`).
    public static func score(_ a: (symbols: [UInt8], arabic: Bool), _ b: (symbols: [UInt8], arabic: Bool)) -> Double {
        guard !a.symbols.isEmpty, !b.symbols.isEmpty else { return 0 }
        return PhoneticDistance.score(a.symbols, b.symbols, crossScript: a.arabic != b.arabic,
                                      arabic: a.arabic && b.arabic)
    }
}
