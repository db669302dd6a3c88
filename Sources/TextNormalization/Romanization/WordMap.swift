/// Words (UTF-16) and what they became, in flat pools with an open-addressing index: the
/// romaniser looks up every Arabic-script word of a line here, and a `Dictionary` keyed by arrays
/// hashed each word's units through `Hasher` and allocated an array per entry (a tenth of
/// `normalize --form latin`'s instructions).
struct WordMap {
    private struct Slot {
        var hash: UInt64 = 0
        /// The entry's number + 1; 0 for an empty slot.
        var entry: Int32 = 0
    }

    private struct Entry {
        var keyStart: Int32
        var keyCount: Int32
        var valueStart: Int32
        var valueCount: Int32
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var entries: [Entry] = []
    private var keys: [UInt16] = []
    private var values: [UInt16] = []

    var count: Int { entries.count }

    /// FNV-1a over the units: cheap, and the table's size is a power of two taken from the high
    /// bits of a multiplied hash.
    @inline(__always)
    static func hash(_ word: ArraySlice<UInt16>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for unit in word { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    @inline(__always)
    private func slot(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slots.count - 1)
    }

    /// What `word` became, as a range of `value(_:)`, or nil.
    func find(_ word: ArraySlice<UInt16>, hash: UInt64) -> Range<Int>? {
        var index = slot(of: hash)
        while slots[index].entry != 0 {
            if slots[index].hash == hash {
                let entry = entries[Int(slots[index].entry) - 1]
                let start = Int(entry.keyStart)
                if Int(entry.keyCount) == word.count && keys[start..<start + word.count].elementsEqual(word) {
                    return Int(entry.valueStart)..<Int(entry.valueStart + entry.valueCount)
                }
            }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The stored units of a value range from `find`.
    func value(_ range: Range<Int>) -> ArraySlice<UInt16> { values[range] }

    /// Adds `word` (not yet in the map) with `value`.
    mutating func insert(_ word: ArraySlice<UInt16>, hash: UInt64, value: [UInt16]) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append(Entry(keyStart: Int32(keys.count), keyCount: Int32(word.count), valueStart: Int32(values.count),
                             valueCount: Int32(value.count)))
        keys.append(contentsOf: word)
        values.append(contentsOf: value)
        var index = slot(of: hash)
        while slots[index].entry != 0 { index = (index + 1) & (slots.count - 1) }
        slots[index] = Slot(hash: hash, entry: Int32(entries.count))
    }

    /// Forgets every word, keeping the buffers.
    mutating func removeAll() {
        for index in slots.indices { slots[index] = Slot() }
        entries.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        var grown = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = grown.count - 1
        for slot in slots where slot.entry != 0 {
            var index = Int(truncatingIfNeeded: (slot.hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while grown[index].entry != 0 { index = (index + 1) & mask }
            grown[index] = slot
        }
        slots = grown
    }
}
