/// What the fuzzy pass reads of every word before it knows whether the word matters: its flags in
/// the word lists and its skeleton, kept by the word's hash in a small direct-mapped table. Text is
/// made of a few thousand words met again and again, so most words are found here and only their
/// hash is computed; a word's skeleton (most of the cost of reading an Arabic-script word) is
/// worked out once, when the word is first met or first needs it. A slot holds the last word
/// filed under it; a word found under its hash is taken to be the word, as the word lists' flags
/// are. One per matcher.
struct WordMemo {
    struct Entry {
        var hash: UInt64 = 0
        /// The skeleton (`FuzzyIndex.packSkeleton`) and its number of classes, `unknown` until asked.
        var skeleton: UInt64 = 0
        var skeletonCount: Int8 = Entry.empty
        var flags = WordFlagTable.Flags()

        /// A slot that holds no word.
        static let empty: Int8 = -3
        /// A word whose skeleton is not worked out yet.
        static let unknown: Int8 = -2
    }

    /// 32,768 slots of 24 bytes (768 KB): on the mixed corpus 2^13 slots found three words in four,
    /// 2^15 more, for 2% less time in a one-job `tag` (5 interleaved rounds on 50 MB).
    private static let slotBits = 15
    private(set) var entries = [Entry](repeating: Entry(), count: 1 << WordMemo.slotBits)

    @inline(__always)
    static func slot(of hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    /// The entry filed for `hash` at `slot`, if that slot holds it.
    @inline(__always)
    func entry(_ hash: UInt64, at slot: Int) -> Entry? {
        let entry = entries[slot]
        return entry.hash == hash && entry.skeletonCount != Entry.empty ? entry : nil
    }

    @inline(__always)
    mutating func file(_ entry: Entry, at slot: Int) {
        entries[slot] = entry
    }
}
