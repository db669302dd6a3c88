// The flags of the Basic Multilingual Plane, worked out a page of 1,024 characters at a time when a
// character of the page is first asked about. The whole plane at once cost 104 M instructions, most
// of `split`'s start-up, for the three or four pages a text uses. Line filters split on several
// threads, so pages are published with atomics, and a lookup must stay a load or two: it is made
// for every character several times. Tried first: a page object per slot behind
// `AtomicLazyReference` (its `load` was an unspecialised call into the library, asking the runtime
// for generic metadata each time: six times the instructions of all of `split`), then behind an
// `Atomic` of an unmanaged reference (the page and its array were retained and released at each
// lookup: 80% more).
//
// Why it is sound: the table is one allocation of 65,536 entries that lives as long as the process
// and is only ever indexed by a value below 0x1_0000. A page's entries are written by the one
// thread that claims it (`claimed`, compare-and-exchange of its bit) and read only after that
// thread sets the page's bit in `ready` with release ordering and the reader sees it with acquire
// ordering. A thread that finds a page claimed but not ready works the answer out itself and
// writes nothing.

import Synchronization

enum SentenceCharacterTable {
    private static let pageBits = 10
    /// One bit per page: 64 pages of 1,024 characters.
    private static let ready = Atomic<UInt64>(0)
    private static let claimed = Atomic<UInt64>(0)
    nonisolated(unsafe) private static let flags = UnsafeMutablePointer<SentenceCharacters.Flags>
        .allocate(capacity: 0x1_0000)

    /// The flags of a character of the plane (`value` below 0x1_0000).
    @inline(__always)
    static func flags(_ value: Int) -> SentenceCharacters.Flags {
        precondition(value >= 0 && value < 0x1_0000, "not a character of the Basic Multilingual Plane")
        let bit = UInt64(1) << UInt64(value >> pageBits)
        if ready.load(ordering: .acquiring) & bit != 0 { return flags[value] }
        return fillPage(holding: value, bit: bit)
    }

    @inline(never)
    private static func fillPage(holding value: Int, bit: UInt64) -> SentenceCharacters.Flags {
        let before = claimed.bitwiseOr(bit, ordering: .acquiringAndReleasing).oldValue
        guard before & bit == 0 else {
            // Claimed by another thread: ready by now, or being filled.
            if ready.load(ordering: .acquiring) & bit != 0 { return flags[value] }
            return Unicode.Scalar(UInt32(value)).map(SentenceCharacters.flags(computedFor:)) ?? []
        }
        let first = (value >> pageBits) << pageBits
        for character in first ..< first + (1 << pageBits) {
            flags[character] = Unicode.Scalar(UInt32(character)).map(SentenceCharacters.flags(computedFor:)) ?? []
        }
        _ = ready.bitwiseOr(bit, ordering: .releasing)
        return flags[value]
    }
}
