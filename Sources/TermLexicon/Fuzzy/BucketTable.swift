/// A read-only map from 64-bit keys to lists of entry numbers, in flat arrays with open addressing:
/// the fuzzy pass looks buckets up for every word of running text, and a Swift dictionary's
/// seeded hashing and bridging cost several times more per lookup.
///
/// A key's home slot is the top bits of its hash (Fibonacci hashing), so that keys sorted by hash
/// are in slot order whatever the table's size: the table is built by sorting its pairs, and then
/// filled front to back.
struct BucketTable: Sendable {
    let keys: [UInt64]
    /// For slot s: `values[starts[s]..<starts[s + 1]]`, when `keys[s]` is a key.
    let starts: [Int32]
    let values: [Int32]
    private let mask: Int
    /// 64 minus the number of slot bits: a hash shifted right by it is a home slot.
    private let shift: UInt64
    /// Marks an empty slot (no bucket key has it: a key's top four bits hold a length of at most 15).
    private static let empty = UInt64.max

    /// What goes into a table: (key, entry) pairs, entries of one key in the order they come.
    struct Pairs {
        private(set) var keys: [UInt64] = []
        private(set) var entries: [Int32] = []

        mutating func append(_ key: UInt64, _ entry: Int32) {
            keys.append(key)
            entries.append(entry)
        }

        /// Files `entry` under the buckets of `skeleton`'s neighbourhood (a label's).
        mutating func file(_ entry: Int32, under skeleton: [UInt8], neighbours: inout [UInt64]) {
            guard !skeleton.isEmpty else { return }
            FuzzyIndex.neighbourhood(skeleton, label: true, into: &neighbours)
            for bucket in neighbours { append(bucket, entry) }
        }

        /// The pairs, leaving none behind, so that the table sorts them without a copy.
        fileprivate mutating func take() -> (keys: [UInt64], entries: [Int32]) {
            defer { (keys, entries) = ([], []) }
            return (keys, entries)
        }
    }

    /// A table of the pairs' keys, each with its entries in pair order, an entry repeated right
    /// after itself under one key kept once.
    init(_ pairs: Pairs) {
        var copy = pairs
        self.init(taking: &copy)
    }

    /// The same, leaving `pairs` empty. The pairs are sorted by hash (stably, so a key's entries
    /// keep their order), which puts each key's entries side by side and the keys in slot order;
    /// the table is sized by the distinct keys and filled front to back. Numbering the keys through
    /// a hash table instead, pair by pair, cost several cache misses a pair: a million labels file
    /// some 22 million pairs, and that was 6.9 s of a 14 s start (2026-12-07).
    init(taking pairs: inout Pairs) {
        var (sortedKeys, sortedEntries) = pairs.take()
        BucketTable.sortByHash(&sortedKeys, &sortedEntries)
        // Each distinct key and its run of entries (deduplicated) in `runValues`.
        var distinct: [UInt64] = []
        var runStarts: [Int32] = [0]
        var runValues = [Int32](repeating: 0, count: sortedEntries.count)
        var valueCount = 0
        var index = 0
        while index < sortedKeys.count {
            let key = sortedKeys[index]
            var last = sortedEntries[index]
            runValues[valueCount] = last
            valueCount += 1
            index += 1
            while index < sortedKeys.count && sortedKeys[index] == key {
                let entry = sortedEntries[index]
                if entry != last {
                    runValues[valueCount] = entry
                    valueCount += 1
                    last = entry
                }
                index += 1
            }
            distinct.append(key)
            runStarts.append(Int32(valueCount))
        }
        sortedKeys = []
        sortedEntries = []
        // The final table, sized by the distinct keys, which come in home-slot order.
        var capacity = 16, slotBits = 4
        while capacity < distinct.count * 2 {
            capacity *= 2
            slotBits += 1
        }
        let mask = capacity - 1, shift = UInt64(64 - slotBits)
        var keys = [UInt64](repeating: BucketTable.empty, count: capacity)
        var runOfSlot = [Int32](repeating: -1, count: capacity)
        for (run, key) in distinct.enumerated() {
            var slot = BucketTable.slot(of: key, shift: shift)
            while keys[slot] != BucketTable.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            runOfSlot[slot] = Int32(run)
        }
        // Each slot's entries, in slot order.
        var starts = [Int32](repeating: 0, count: capacity + 1)
        var values = [Int32](repeating: 0, count: valueCount)
        var filled = 0
        for slot in 0..<capacity {
            let run = Int(runOfSlot[slot])
            if run >= 0 {
                for position in Int(runStarts[run])..<Int(runStarts[run + 1]) {
                    values[filled] = runValues[position]
                    filled += 1
                }
            }
            starts[slot + 1] = Int32(filled)
        }
        self.keys = keys
        self.starts = starts
        self.values = values
        self.mask = mask
        self.shift = shift
    }

    /// Sorts the pairs by the top 32 bits of their keys' hashes, stably, and then the keys of one
    /// such run that differ by key: each key's entries end up side by side in pair order, and the
    /// keys in the order of their home slots. The keys are sorted as their hashes (multiplying by an
    /// odd number is undone by multiplying by its inverse).
    static func sortByHash(_ keys: inout [UInt64], _ entries: inout [Int32]) {
        for index in keys.indices { keys[index] = hash(keys[index]) }
        RadixSort.sort(&keys, carrying: &entries, lowestBit: 32, digitBits: 8, passes: 4)
        // Hashes that share their top 32 bits (a few thousand among millions) are grouped.
        var runStart = 0
        while runStart < keys.count {
            let top = keys[runStart] >> 32
            var runEnd = runStart + 1
            var mixed = false
            while runEnd < keys.count && keys[runEnd] >> 32 == top {
                mixed = mixed || keys[runEnd] != keys[runStart]
                runEnd += 1
            }
            if mixed { groupByKey(&keys, &entries, runStart..<runEnd) }
            runStart = runEnd
        }
        for index in keys.indices { keys[index] &*= inverseMultiplier }
    }

    /// Reorders `range` by key (here a hash), pairs of one key in the order they were (sorted by
    /// key and then by place, so that however many keys a run holds, it costs a sort).
    private static func groupByKey(_ keys: inout [UInt64], _ entries: inout [Int32], _ range: Range<Int>) {
        let order = range.sorted { (keys[$0], $0) < (keys[$1], $1) }
        let pairs = order.map { (key: keys[$0], entry: entries[$0]) }
        for (offset, pair) in pairs.enumerated() {
            keys[range.lowerBound + offset] = pair.key
            entries[range.lowerBound + offset] = pair.entry
        }
    }

    /// A table as `keys`, `starts` and `values` of a built one describe it (an archive's), checked
    /// so that no lookup leaves its arrays or names an entry past `entryCount`.
    init?(keys: [UInt64], starts: [Int32], values: [Int32], entryCount: Int) {
        let capacity = keys.count
        guard capacity >= 16, capacity & (capacity - 1) == 0, keys.contains(BucketTable.empty),
              starts.count == capacity + 1, starts.first == 0, starts.last == Int32(values.count),
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              values.allSatisfy({ $0 >= 0 && Int($0) < entryCount }) else { return nil }
        self.keys = keys
        self.starts = starts
        self.values = values
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The multiplier's inverse modulo 2^64 (Newton's iteration, each step doubling the bits right).
    private static let inverseMultiplier: UInt64 = {
        var inverse = multiplier
        for _ in 0..<5 { inverse &*= 2 &- multiplier &* inverse }
        return inverse
    }()

    @inline(__always)
    private static func hash(_ key: UInt64) -> UInt64 { key &* multiplier }

    @inline(__always)
    private static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: hash(key) &>> shift)
    }

    /// Calls `body` with each entry filed under `key`, read in place (`entries` hands out a slice,
    /// retained and released at each of the dozen lookups a new skeleton makes).
    @inline(__always)
    func forEachEntry(_ key: UInt64, _ body: (Int32) -> Void) {
        for position in places(of: key) { body(values[position]) }
    }

    /// The entries filed under `key` (empty when none).
    @inline(__always)
    func entries(_ key: UInt64) -> ArraySlice<Int32> {
        values[places(of: key)]
    }

    /// Where `key`'s entries lie in `values` (an empty range when none).
    @inline(__always)
    private func places(of key: UInt64) -> Range<Int> {
        var slot = BucketTable.slot(of: key, shift: shift)
        while true {
            let found = keys[slot]
            if found == key { return Int(starts[slot])..<Int(starts[slot + 1]) }
            if found == BucketTable.empty { return 0..<0 }
            slot = (slot + 1) & mask
        }
    }
}

/// 64-bit word hashes with a byte of flags each, open addressing: what the fuzzy pass knows of a
/// word of text (frequent, particle, head noun ...) in one probe instead of one per list (a seeded
/// `Set` would cost several times more).
struct WordFlagTable: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A frequent word (`FuzzyWordLists`): no fuzzy match starts or ends on it ...
        static let frequent = Flags(rawValue: 1)
        /// ... unless a label starts (ends) with it.
        static let startsLabel = Flags(rawValue: 2)
        static let endsLabel = Flags(rawValue: 4)
        static let particle = Flags(rawValue: 8)
        static let headNoun = Flags(rawValue: 16)
        /// A title of the lexicon (`affixes.tsv`: mollah, Mullah, Qari).
        static let title = Flags(rawValue: 32)
        /// A frequent word some Latin-script label holds inside it (`FuzzyIndex.Tables.innerWords`):
        /// in lower case it goes on a span of capitalised words.
        static let insideLabel = Flags(rawValue: 64)
    }

    private var slots: [UInt64]
    private var flags: [Flags]
    private let mask: Int
    private var zeroFlags: Flags = []
    private var used = 0

    /// An empty table with room for `count` words; flags are added with `insert`, straight into
    /// the slots: gathered first in a dictionary, the some 1,400 words of the lists cost a
    /// million instructions of hashing at every first record.
    init(capacityFor count: Int) {
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        flags = [Flags](repeating: [], count: capacity)
        mask = capacity - 1
    }

    /// Adds `flag` to the word's flags; at most the `count` words the table was made for.
    mutating func insert(_ flag: Flags, for hash: UInt64) {
        if hash == 0 {
            zeroFlags.insert(flag)
            return
        }
        var slot = WordFlagTable.slot(of: hash, mask: mask)
        while slots[slot] != 0 && slots[slot] != hash { slot = (slot + 1) & mask }
        if slots[slot] == 0 {
            // Half the slots stay empty, so every probe ends.
            precondition(used < (mask + 1) / 2, "more words than the table was made for")
            used += 1
            slots[slot] = hash
        }
        flags[slot].insert(flag)
    }

    @inline(__always)
    static func slot(of value: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The word's flags, empty for a word in no list.
    @inline(__always)
    func flags(of hash: UInt64) -> Flags {
        if hash == 0 { return zeroFlags }
        var slot = WordFlagTable.slot(of: hash, mask: mask)
        while true {
            let found = slots[slot]
            if found == hash { return flags[slot] }
            if found == 0 { return [] }
            slot = (slot + 1) & mask
        }
    }
}
