/// A read-only map from 64-bit keys to lists of entry numbers, in flat arrays with open addressing:
/// the fuzzy pass looks buckets up for every word of running text, and a Swift dictionary's
/// seeded hashing and bridging cost several times more per lookup.
struct BucketTable: Sendable {
    private let keys: [UInt64]
    /// For slot s: `values[starts[s]..<starts[s + 1]]`, when `keys[s]` is a key.
    private let starts: [Int32]
    private let values: [Int32]
    private let mask: Int
    /// Marks an empty slot (no bucket key has it: a key's top four bits hold a length of at most 15).
    private static let empty = UInt64.max

    init(_ buckets: [UInt64: [Int32]]) {
        var capacity = 16
        while capacity < buckets.count * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: BucketTable.empty, count: capacity)
        var lists = [[Int32]](repeating: [], count: capacity)
        let mask = capacity - 1
        for (key, list) in buckets {
            var slot = BucketTable.slot(of: key, mask: mask)
            while keys[slot] != BucketTable.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            lists[slot] = list
        }
        var starts: [Int32] = [0]
        var values: [Int32] = []
        for list in lists {
            values.append(contentsOf: list)
            starts.append(Int32(values.count))
        }
        self.keys = keys
        self.starts = starts
        self.values = values
        self.mask = mask
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

/// A read-only set of 64-bit word hashes with open addressing, for the per-word checks of the
/// fuzzy pass (frequent words, head nouns), which a seeded `Set` makes several times dearer.
struct HashSet64: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    private let hasZero: Bool

    init<S: Sequence>(_ values: S) where S.Element == UInt64 {
        let unique = Array(Set(values))
        var capacity = 16
        while capacity < unique.count * 2 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        for value in unique where value != 0 {
            var slot = HashSet64.slot(of: value, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
        self.slots = slots
        self.mask = mask
        hasZero = unique.contains(0)
    }

    @inline(__always)
    private static func slot(of value: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        var slot = HashSet64.slot(of: value, mask: mask)
        while true {
            let found = slots[slot]
            if found == value { return true }
            if found == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}
