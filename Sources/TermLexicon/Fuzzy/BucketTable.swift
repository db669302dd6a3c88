/// A read-only map from 64-bit keys to lists of entry numbers, in flat arrays with open addressing:
/// the fuzzy pass looks buckets up for every word of running text, and a Swift dictionary's
/// seeded hashing and bridging cost several times more per lookup.
struct BucketTable: Sendable {
    let keys: [UInt64]
    /// For slot s: `values[starts[s]..<starts[s + 1]]`, when `keys[s]` is a key.
    let starts: [Int32]
    let values: [Int32]
    private let mask: Int
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
    }

    /// A table of the pairs' keys, each with its entries in pair order, an entry repeated right
    /// after itself under one key kept once. The keys are first numbered through a table that grows
    /// with the distinct keys, and the final table is sized by those: sized by the pairs (a million
    /// labels file some 25 million), its work arrays took over a gigabyte.
    init(_ pairs: Pairs) {
        // Each pair's key, numbered in order of first appearance.
        var keyOfPair = [Int32](repeating: 0, count: pairs.keys.count)
        var distinct: [UInt64] = []
        var numbering = [Int32](repeating: 0, count: 16)
        for (pair, key) in pairs.keys.enumerated() {
            if (distinct.count + 1) * 2 > numbering.count {
                numbering = [Int32](repeating: 0, count: numbering.count * 2)
                let mask = numbering.count - 1
                for (number, known) in distinct.enumerated() {
                    var slot = BucketTable.slot(of: known, mask: mask)
                    while numbering[slot] != 0 { slot = (slot + 1) & mask }
                    numbering[slot] = Int32(number + 1)
                }
            }
            let mask = numbering.count - 1
            var slot = BucketTable.slot(of: key, mask: mask)
            while numbering[slot] != 0 && distinct[Int(numbering[slot]) - 1] != key { slot = (slot + 1) & mask }
            if numbering[slot] == 0 {
                distinct.append(key)
                numbering[slot] = Int32(distinct.count)
            }
            keyOfPair[pair] = numbering[slot] - 1
        }
        numbering = []
        // The final table: each distinct key's slot, and its entries' count.
        var capacity = 16
        while capacity < distinct.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var keys = [UInt64](repeating: BucketTable.empty, count: capacity)
        var slotOfKey = [Int32](repeating: 0, count: distinct.count)
        for (number, key) in distinct.enumerated() {
            var slot = BucketTable.slot(of: key, mask: mask)
            while keys[slot] != BucketTable.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            slotOfKey[number] = Int32(slot)
        }
        distinct = []
        var counts = [Int32](repeating: 0, count: capacity)
        var lastEntry = [Int32](repeating: -1, count: capacity)
        for (pair, number) in keyOfPair.enumerated() {
            let slot = Int(slotOfKey[Int(number)])
            let entry = pairs.entries[pair]
            if lastEntry[slot] != entry {
                lastEntry[slot] = entry
                counts[slot] += 1
            }
        }
        lastEntry = []
        var starts = [Int32](repeating: 0, count: capacity + 1)
        for slot in 0..<capacity { starts[slot + 1] = starts[slot] + counts[slot] }
        counts = []
        var values = [Int32](repeating: 0, count: Int(starts[capacity]))
        var next = starts
        for (pair, number) in keyOfPair.enumerated() {
            let slot = Int(slotOfKey[Int(number)])
            let entry = pairs.entries[pair]
            if next[slot] > starts[slot] && values[Int(next[slot]) - 1] == entry { continue }
            values[Int(next[slot])] = entry
            next[slot] += 1
        }
        self.keys = keys
        self.starts = starts
        self.values = values
        self.mask = mask
    }

    /// A table as `keys`, `starts` and `values` of a built one describe it (an archive's), checked
    /// so that no lookup leaves its arrays or names an entry past `entryCount`.
    init?(keys: [UInt64], starts: [Int32], values: [Int32], entryCount: Int) {
        let capacity = keys.count
        guard capacity >= 1, capacity & (capacity - 1) == 0, keys.contains(BucketTable.empty),
              starts.count == capacity + 1, starts.first == 0, starts.last == Int32(values.count),
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              values.allSatisfy({ $0 >= 0 && Int($0) < entryCount }) else { return nil }
        self.keys = keys
        self.starts = starts
        self.values = values
        mask = capacity - 1
    }

    @inline(__always)
    private static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The entries filed under `key` (empty when none).
    @inline(__always)
    func entries(_ key: UInt64) -> ArraySlice<Int32> {
        var slot = BucketTable.slot(of: key, mask: mask)
        while true {
            let found = keys[slot]
            if found == key { return values[Int(starts[slot])..<Int(starts[slot + 1])] }
            if found == BucketTable.empty { return [] }
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
    }

    private let slots: [UInt64]
    private let flags: [Flags]
    private let mask: Int
    private let zeroFlags: Flags

    init(_ table: [UInt64: Flags]) {
        var capacity = 16
        while capacity < table.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var flags = [Flags](repeating: [], count: capacity)
        let mask = capacity - 1
        for (hash, value) in table where hash != 0 {
            var slot = WordFlagTable.slot(of: hash, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash
            flags[slot] = value
        }
        self.slots = slots
        self.flags = flags
        self.mask = mask
        zeroFlags = table[0] ?? []
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
