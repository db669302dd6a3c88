/// What the fuzzy pass needs of a word of text (its symbols, skeleton, weight and the labels a span
/// starting on it is scored against), worked out once per distinct word and kept from record to
/// record: a few thousand words make most of any text, and folding a word (through ICU for
/// Cyrillic) and gathering its candidates cost far more than finding it here again. Words are
/// found by hash and told apart by their key units, so two words never share a profile. One per
/// matcher; emptied between records once it holds `limit` words.
struct FuzzyWordCache {
    struct Profile {
        var hash: UInt64
        var units: Range<Int>
        var symbols: Range<Int>
        var skeleton: Range<Int>
        var weight: Float
        /// The labels a span starting on the word is scored against, in `candidates`; nil until asked.
        var candidates: Range<Int>?
        /// The candidates the word alone passes as a span of one word, in `singleWordPasses`, before
        /// the text around it is looked at (support, head nouns); nil until asked.
        var singleWordPasses: Range<Int>?
    }

    private(set) var profiles: [Profile] = []
    private(set) var units: [UInt16] = []
    private(set) var symbols: [UInt8] = []
    private(set) var skeletons: [UInt8] = []
    private(set) var candidates: [Int32] = []
    /// What single words pass: candidates and their scores, for `passMinimum`.
    private(set) var passedCandidates: [Int32] = []
    private(set) var passedScores: [Double] = []
    private(set) var passMinimum = -1.0
    /// Open addressing by hash: profile number + 1, 0 for an empty slot.
    private var slots: [Int32] = []
    private var scratch: [UInt8] = []

    static let limit = 1 << 15

    /// Forgets every word when the cache is full (between records: profile numbers of the record
    /// being read stay valid).
    mutating func makeRoomIfFull() {
        guard profiles.count >= FuzzyWordCache.limit else { return }
        profiles.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
        symbols.removeAll(keepingCapacity: true)
        skeletons.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        passedCandidates.removeAll(keepingCapacity: true)
        passedScores.removeAll(keepingCapacity: true)
        for slot in slots.indices { slots[slot] = 0 }
    }

    /// The number of the word's profile, made on first sight.
    mutating func profile(of word: ArraySlice<UInt16>, hash: UInt64, script: PhoneticFold.Script,
                          cyrillic: CyrillicFold) -> Int {
        if profiles.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = FuzzyWordCache.slot(of: hash, mask: mask)
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if profiles[number].hash == hash && hasUnits(profiles[number].units, word) { return number }
            slot = (slot + 1) & mask
        }
        scratch.removeAll(keepingCapacity: true)
        FuzzyIndex.fold(word, script: script, cyrillic: cyrillic, into: &scratch)
        let unitStart = units.count, symbolStart = symbols.count, skeletonStart = skeletons.count
        units.append(contentsOf: word)
        symbols.append(contentsOf: scratch)
        FuzzyIndex.appendSkeleton(of: scratch[...], to: &skeletons, from: skeletonStart)
        profiles.append(Profile(hash: hash, units: unitStart..<units.count, symbols: symbolStart..<symbols.count,
                                skeleton: skeletonStart..<skeletons.count,
                                weight: PhoneticDistance.weight(of: scratch[...]), candidates: nil,
                                singleWordPasses: nil))
        slots[slot] = Int32(profiles.count)
        return profiles.count - 1
    }

    /// Whether `units[known]` are the word's units.
    @inline(__always)
    private func hasUnits(_ known: Range<Int>, _ word: ArraySlice<UInt16>) -> Bool {
        guard known.count == word.count else { return false }
        var offset = known.lowerBound
        for unit in word {
            if units[offset] != unit { return false }
            offset += 1
        }
        return true
    }

    /// Records the candidates of profile `number`.
    mutating func setCandidates(_ list: [Int32], of number: Int) {
        let start = candidates.count
        candidates.append(contentsOf: list)
        profiles[number].candidates = start..<candidates.count
    }

    /// Records what profile `number` passes as a span of one word at score `minimum` (what was
    /// recorded at another minimum is forgotten).
    mutating func setSingleWordPasses(_ passes: [Int32], scores: [Double], minimum: Double, of number: Int) {
        if minimum != passMinimum {
            for profile in profiles.indices { profiles[profile].singleWordPasses = nil }
            passedCandidates.removeAll(keepingCapacity: true)
            passedScores.removeAll(keepingCapacity: true)
            passMinimum = minimum
        }
        let start = passedCandidates.count
        passedCandidates.append(contentsOf: passes)
        passedScores.append(contentsOf: scores)
        profiles[number].singleWordPasses = start..<passedCandidates.count
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(1024, slots.count * 2))
        let mask = slots.count - 1
        for number in profiles.indices {
            var slot = FuzzyWordCache.slot(of: profiles[number].hash, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    @inline(__always)
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
