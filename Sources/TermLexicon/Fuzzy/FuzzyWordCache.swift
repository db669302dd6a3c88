/// What the fuzzy pass knows of a word of text (its skeleton, symbols, weight, the labels a span
/// starting on it is scored against and what it passes alone), worked out once per distinct word
/// and kept from record to record: a few thousand words make most of any text, and folding a word
/// (through ICU for Cyrillic) and scoring it cost far more than finding it here again. A word gets
/// a profile only when a span needs its symbols or its single-word passes (a profile for every
/// word read was measured: fewer instructions, more time, the table being larger than the caches);
/// its symbols are folded when first asked. Words are found by hash and told apart by their key
/// units, so two words never share a profile. One per matcher; emptied between records once it
/// holds `limit` words.
struct FuzzyWordCache {
    /// What is known of one word, in 64 bytes: profiles are read from a table larger than the
    /// processor's caches, so their size is their speed.
    struct Profile {
        var hash: UInt64
        /// The skeleton's classes, four bits each from the lowest (at most 15 of them, each 1...10).
        var packedSkeleton: UInt64 = 0
        private var unitStart: Int32
        private var symbolStart: Int32 = 0
        var weight: Float = 0
        private var candidateStart: Int32 = 0
        /// -1 until asked.
        private var candidateCount: Int32 = -1
        private var passStart: Int32 = 0
        /// -1 until asked.
        private var passCount: Int32 = -1
        private var unitCount: Int32
        /// -1 until the word is folded.
        private var symbolCount: Int32 = -1
        /// -1 until known: an Arabic-script word's is read from its units, a Latin or Cyrillic
        /// word's comes with its symbols.
        private var skeletonCount: Int8 = -1
        /// The most words of a label among `candidates`.
        var widestCandidate: UInt8 = 0
        /// Whether a negative label of one or two words is among `candidates` (a single word may be
        /// one without any support).
        var nearNegativeWord = false
        /// The script of the word's first unit.
        let script: PhoneticFold.Script

        init(hash: UInt64, units: Range<Int>, script: PhoneticFold.Script) {
            self.hash = hash
            unitStart = Int32(units.lowerBound)
            unitCount = Int32(units.count)
            self.script = script
        }

        var units: Range<Int> { Int(unitStart)..<Int(unitStart) + Int(unitCount) }
        /// The word's symbols in `symbols`; nil until folded (`fold(_:cyrillic:)`).
        var symbols: Range<Int>? {
            symbolCount < 0 ? nil : Int(symbolStart)..<Int(symbolStart) + Int(symbolCount)
        }
        /// The number of classes of `packedSkeleton`, -1 until known.
        var skeletonLength: Int { Int(skeletonCount) }

        mutating func setSkeleton(_ skeleton: (packed: UInt64, count: Int)) {
            packedSkeleton = skeleton.packed
            skeletonCount = Int8(skeleton.count)
        }

        mutating func setSymbols(_ range: Range<Int>, weight: Float) {
            symbolStart = Int32(range.lowerBound)
            symbolCount = Int32(range.count)
            self.weight = weight
        }

        /// The labels a span starting on the word is scored against, in `candidates`; nil until asked.
        var candidates: Range<Int>? {
            get { candidateCount < 0 ? nil : Int(candidateStart)..<Int(candidateStart + candidateCount) }
            set {
                candidateStart = Int32(newValue?.lowerBound ?? 0)
                candidateCount = newValue.map { Int32($0.count) } ?? -1
            }
        }

        /// The candidates the word alone passes as a span of one word, in `singleWordPasses`, before
        /// the text around it is looked at (support, head nouns); nil until asked.
        var singleWordPasses: Range<Int>? {
            get { passCount < 0 ? nil : Int(passStart)..<Int(passStart + passCount) }
            set {
                passStart = Int32(newValue?.lowerBound ?? 0)
                passCount = newValue.map { Int32($0.count) } ?? -1
            }
        }
    }

    /// A slot of the open-addressing table: the word's hash beside its profile number (+ 1, 0 for
    /// an empty slot), so a probe reads the profile only when the hash matches.
    private struct Slot {
        var hash: UInt64 = 0
        var number: Int32 = 0
    }

    private(set) var profiles: [Profile] = []
    private(set) var units: [UInt16] = []
    private(set) var symbols: [UInt8] = []
    private(set) var candidates: [UInt64] = []
    /// Each candidate's packed skeleton, beside it: a span's scan reads both in order.
    private(set) var candidateSkeletons: [UInt64] = []
    /// What single words pass: candidates and their scores, for `passMinimum`.
    private(set) var passedCandidates: [Int32] = []
    private(set) var passedScores: [Double] = []
    private(set) var passMinimum = -1.0
    private var slots: [Slot] = []

    /// What a start word's candidates are: a range of `candidates` and what `best` needs to know of
    /// them before reading them.
    struct CandidateList {
        var range: Range<Int>
        /// The most words of a label among them.
        var widest: Int
        /// Whether a negative label of one or two words is among them.
        var nearNegativeWord: Bool
        /// The spans of two words or more that some candidate may be scored against.
        var shapes = SpanShapes()
        /// Bit `e & 63` for the entity `e` of each label of one or two words among them: a single
        /// word whose only hope is the line's support needs a candidate of a supported entity.
        var supportBits: UInt64 = 0
    }

    /// Candidate lists by packed skeleton (`FuzzyIndex.packSkeleton`, its length in the top four
    /// bits), one table per side: a word that is not a frequent word finds its list here from the
    /// skeleton read with it, without its profile. Open addressing; a slot holds its key + 1 (0:
    /// empty) beside its list, and each side's table is a stored array of its own, read in place
    /// (an array of the two tables was copied out, retained and released, at each look-up).
    private struct ListSlot {
        var key: UInt64 = 0
        var list = CandidateList(range: 0..<0, widest: 0, nearNegativeWord: false)
    }
    private var latinLists: [ListSlot] = [], arabicLists: [ListSlot] = []
    private var latinListCount = 0, arabicListCount = 0
    private var scratch: [UInt8] = []

    static let limit = 1 << 15

    /// Forgets every word when the cache is full (between records: profile numbers of the record
    /// being read stay valid).
    mutating func makeRoomIfFull() {
        guard profiles.count >= FuzzyWordCache.limit else { return }
        profiles.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
        symbols.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        candidateSkeletons.removeAll(keepingCapacity: true)
        passedCandidates.removeAll(keepingCapacity: true)
        passedScores.removeAll(keepingCapacity: true)
        listSummaries.removeAll(keepingCapacity: true)
        for slot in slots.indices { slots[slot] = Slot() }
        if latinListCount > 0 { FuzzyWordCache.empty(&latinLists, count: &latinListCount) }
        if arabicListCount > 0 { FuzzyWordCache.empty(&arabicLists, count: &arabicListCount) }
    }

    /// The candidate list of a skeleton on one side, if gathered (`key`: `skeletonKey`).
    @inline(__always)
    func candidateList(skeleton key: UInt64, arabic: Bool) -> CandidateList? {
        arabic ? FuzzyWordCache.find(key, in: arabicLists) : FuzzyWordCache.find(key, in: latinLists)
    }

    @inline(__always)
    private static func find(_ key: UInt64, in table: [ListSlot]) -> CandidateList? {
        guard !table.isEmpty else { return nil }
        let mask = table.count - 1
        var slot = FuzzyWordCache.slot(of: key, mask: mask)
        while true {
            let stored = table[slot].key
            if stored == 0 { return nil }
            if stored == key &+ 1 { return table[slot].list }
            slot = (slot + 1) & mask
        }
    }

    /// Files a candidate list under its skeleton on one side.
    mutating func fileCandidateList(_ list: CandidateList, skeleton key: UInt64, arabic: Bool) {
        if arabic {
            FuzzyWordCache.file(list, key: key, in: &arabicLists, count: &arabicListCount)
        } else {
            FuzzyWordCache.file(list, key: key, in: &latinLists, count: &latinListCount)
        }
    }

    private static func file(_ list: CandidateList, key: UInt64, in table: inout [ListSlot], count: inout Int) {
        if (count + 1) * 2 > table.count {
            let old = table
            table = [ListSlot](repeating: ListSlot(), count: max(1024, old.count * 2))
            for slot in old where slot.key != 0 { insert(slot.list, key: slot.key &- 1, in: &table) }
        }
        insert(list, key: key, in: &table)
        count += 1
    }

    private static func insert(_ list: CandidateList, key: UInt64, in table: inout [ListSlot]) {
        let mask = table.count - 1
        var slot = FuzzyWordCache.slot(of: key, mask: mask)
        while table[slot].key != 0 { slot = (slot + 1) & mask }
        table[slot] = ListSlot(key: key &+ 1, list: list)
    }

    private static func empty(_ table: inout [ListSlot], count: inout Int) {
        for slot in table.indices { table[slot].key = 0 }
        count = 0
    }

    /// The key of a packed skeleton of `count` classes in the candidate-list tables.
    @inline(__always)
    static func skeletonKey(_ packed: UInt64, count: Int) -> UInt64 { UInt64(count) << 60 | packed }

    /// The number of the word's profile, made on first sight (`script`: its first unit's). An
    /// Arabic-script word's skeleton is `arabicSkeleton` when the caller knows it, else read from
    /// its units as the profile is made; its symbols, and a Latin or Cyrillic word's skeleton, wait
    /// for `fold(_:cyrillic:)`.
    @inline(__always)
    mutating func profile(of word: ArraySlice<UInt16>, hash: UInt64, script: PhoneticFold.Script,
                          arabicSkeleton: (packed: UInt64, count: Int)? = nil) -> Int {
        if profiles.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = FuzzyWordCache.slot(of: hash, mask: mask)
        while slots[slot].number != 0 {
            if slots[slot].hash == hash {
                let number = Int(slots[slot].number) - 1
                if hasUnits(profiles[number].units, word) { return number }
            }
            slot = (slot + 1) & mask
        }
        let unitStart = units.count
        units.append(contentsOf: word)
        var profile = Profile(hash: hash, units: unitStart..<units.count, script: script)
        if script == .arabic { profile.setSkeleton(arabicSkeleton ?? FuzzyIndex.arabicSkeleton(word)) }
        profiles.append(profile)
        listSummaries.append((SpanShapes(), 0))
        slots[slot] = Slot(hash: hash, number: Int32(profiles.count))
        return profiles.count - 1
    }

    /// Folds profile `number`'s word into the phonetic space once: its symbols and weight, and its
    /// skeleton where the units did not give it.
    mutating func fold(_ number: Int, cyrillic: CyrillicFold) {
        guard profiles[number].symbols == nil else { return }
        scratch.removeAll(keepingCapacity: true)
        FuzzyIndex.fold(units[profiles[number].units], script: profiles[number].script, cyrillic: cyrillic,
                        into: &scratch)
        let symbolStart = symbols.count
        symbols.append(contentsOf: scratch)
        profiles[number].setSymbols(symbolStart..<symbols.count, weight: PhoneticDistance.weight(of: scratch[...]))
        if profiles[number].skeletonLength < 0 { profiles[number].setSkeleton(FuzzyIndex.packedSkeleton(of: scratch)) }
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

    /// Profile `number`'s candidates as a list (nil until gathered).
    func candidateList(of number: Int) -> CandidateList? {
        let profile = profiles[number]
        guard let range = profile.candidates else { return nil }
        return CandidateList(range: range, widest: Int(profile.widestCandidate),
                             nearNegativeWord: profile.nearNegativeWord,
                             shapes: listSummaries[number].shapes, supportBits: listSummaries[number].supportBits)
    }

    /// The span shapes and support bits of the profiles' candidate lists (of frequent words;
    /// others' lists are found by skeleton), beside the profiles, which hold the rest of a list:
    /// they stay 64 bytes.
    private var listSummaries: [(shapes: SpanShapes, supportBits: UInt64)] = []

    /// Appends a word's gathered candidates (`PackedCandidate` keys, sorted) with their packed
    /// skeletons (`skeletons`: by entry) and describes them (`entries`: the index's, for the
    /// labels' entities).
    mutating func appendCandidates(_ list: [UInt64], skeletons: [UInt64], entries: [FuzzyIndex.Entry],
                                   nearNegativeWord: Bool) -> CandidateList {
        let start = candidates.count
        candidates.append(contentsOf: list)
        for key in list { candidateSkeletons.append(skeletons[Int(PackedCandidate.entry(key))]) }
        let widest = list.reduce(0) { max($0, PackedCandidate.words($1)) }
        var shapes = SpanShapes()
        // Sorted by skeleton length and words: each shape once.
        var previousShape = UInt64.max
        for key in list where key >> 32 != previousShape {
            previousShape = key >> 32
            shapes.admit(labelWords: PackedCandidate.words(key), classes: PackedCandidate.skeletonLength(key))
        }
        var supportBits: UInt64 = 0
        for key in list where PackedCandidate.words(key) <= 2 {
            supportBits |= 1 &<< UInt64(entries[Int(PackedCandidate.entry(key))].entity & 63)
        }
        return CandidateList(range: start..<candidates.count, widest: widest, nearNegativeWord: nearNegativeWord,
                             shapes: shapes, supportBits: supportBits)
    }

    /// Records profile `number`'s candidates (a frequent word's, gathered by the word itself).
    mutating func setCandidates(_ list: CandidateList, of number: Int) {
        profiles[number].candidates = list.range
        profiles[number].widestCandidate = UInt8(min(list.widest, 255))
        profiles[number].nearNegativeWord = list.nearNegativeWord
        listSummaries[number] = (list.shapes, list.supportBits)
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
        slots = [Slot](repeating: Slot(), count: max(1024, slots.count * 2))
        let mask = slots.count - 1
        for number in profiles.indices {
            let hash = profiles[number].hash
            var slot = FuzzyWordCache.slot(of: hash, mask: mask)
            while slots[slot].number != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(hash: hash, number: Int32(number + 1))
        }
    }

    @inline(__always)
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}

/// The shapes (number of words, number of skeleton classes) of the spans a candidate list has a
/// label for: a span is scored against labels of one word fewer to one more than it has and a
/// skeleton within one class of its length. One bit per shape of 1...8 words and 0...15 classes, so
/// that a span no label of its start word fits is settled by a bit test rather than by the skeleton
/// filter's probes or the list's scan.
struct SpanShapes {
    /// Row `w - 1`: bit `c` set when a span of `w` words and `c` classes is admitted.
    private var rows = InlineArray<8, UInt16>(repeating: 0)
    /// At `w - 1`: one more than the highest column admitted in rows `w - 1` and after (0: none),
    /// kept as rows are admitted so that `admitsLonger`, asked at every word a span grows by, is
    /// one load and a compare (over a 128-bit mask it was about 25 instructions).
    private var longerLimits = InlineArray<8, UInt8>(repeating: 0)

    /// Admits the spans a label of `labelWords` words and `classes` skeleton classes may be scored against.
    mutating func admit(labelWords: Int, classes: Int) {
        guard classes <= 16 else { return }
        // The lengths classes - 1 ... classes + 1 of a row of 16.
        let lengths = UInt16((classes == 0 ? 0b11 : 0b111 << UInt64(classes - 1)) & 0xFFFF as UInt64)
        let limit = UInt8(16 - lengths.leadingZeroBitCount)
        var words = max(labelWords - 1, 1)
        while words <= min(labelWords + 1, 8) {
            rows[words - 1] |= lengths
            for row in 0..<words where longerLimits[row] < limit { longerLimits[row] = limit }
            words += 1
        }
    }

    /// Whether some label fits a span of `words` words (1...8) and `classes` classes (0...15).
    @inline(__always)
    func admits(words: Int, classes: Int) -> Bool {
        classes < 16 && rows[words &- 1] &>> UInt16(truncatingIfNeeded: classes) & 1 != 0
    }

    /// Whether some label fits a span of `words` words or more (1...8) and `classes` classes or
    /// more (0...15): a span that grows by a word gains classes, so when none does, no longer span
    /// from the same word can be scored either. Every later row counts, not the span's own alone
    /// (`spanShapesAdmitLongerThroughLaterRows`: a span may grow towards a label two words longer).
    @inline(__always)
    func admitsLonger(words: Int, classes: Int) -> Bool {
        Int(longerLimits[words &- 1]) > classes
    }
}

/// A candidate of a word as one sortable key: the label's skeleton length, its word count and its
/// entry number. Sorted, a word's candidates come by skeleton length; a span's scan reads lengths
/// and word counts from the list itself, not from the entries scattered over the index.
enum PackedCandidate {
    @inline(__always)
    static func key(skeletonLength: Int, words: Int, entry: Int32) -> UInt64 {
        UInt64(skeletonLength) << 40 | UInt64(min(words, 255)) << 32 | UInt64(UInt32(bitPattern: entry))
    }

    @inline(__always)
    static func skeletonLength(_ key: UInt64) -> Int { Int(key >> 40) }

    @inline(__always)
    static func words(_ key: UInt64) -> Int { Int((key >> 32) & 0xFF) }

    @inline(__always)
    static func entry(_ key: UInt64) -> Int32 { Int32(truncatingIfNeeded: key) }
}
