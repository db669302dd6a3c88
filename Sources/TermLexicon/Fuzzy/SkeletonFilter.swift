/// Whether any label's skeleton may be within one edit of a span's, in a few bit tests, before a
/// span walks its start word's candidate labels: fewer than one span in ten has a label that near,
/// and walking the candidates (about 17 for a start word, in lists spread over memory) cost more
/// than the rest of the pass's scoring together.
///
/// Two class sequences are at most one change, insertion or deletion apart only if they share a
/// key, where a sequence's keys are itself and each sequence one class shorter (a change at i
/// leaves both equal without i; an insertion leaves the longer equal to the shorter without it).
/// Every label's keys are set in a Bloom filter (two bits of 2^20 per key); a span none of whose
/// keys is set is more than one edit from every label, so a "no" is certain and a "maybe" is
/// checked by the scan as before (about one span in a hundred is a false "maybe").
///
/// Skeletons of 15 classes are not filtered: a span's packed skeleton stops at 15 classes (and a
/// label's at 16), so a key made from one would not be exact; such a span always answers "maybe",
/// and only such spans can be within one edit of labels that long, which are left out.
struct SkeletonFilter: Sendable {
    private var bits: [UInt64]

    private static let bitCount = 1 << 20
    static let longest = 14

    init() { bits = [] }

    /// The filter of `skeletons` (packed, `FuzzyIndex.packSkeleton`) with their class counts.
    init<S: Sequence>(_ skeletons: S) where S.Element == (packed: UInt64, count: Int) {
        bits = [UInt64](repeating: 0, count: SkeletonFilter.bitCount / 64)
        for (packed, count) in skeletons where count <= SkeletonFilter.longest + 1 {
            SkeletonFilter.forEachKey(packed, count: count) { key in
                let (first, second) = SkeletonFilter.positions(key)
                bits[first >> 6] |= 1 << UInt64(first & 63)
                bits[second >> 6] |= 1 << UInt64(second & 63)
            }
        }
    }

    /// Whether a skeleton of `count` classes may be within one edit of a label's (always, for an
    /// empty filter or a long skeleton).
    @inline(__always)
    func mayBeNear(_ packed: UInt64, count: Int) -> Bool {
        guard !bits.isEmpty, count <= SkeletonFilter.longest else { return true }
        if isSet(packed | UInt64(count) << 60) { return true }
        for index in 0..<count where isSet(SkeletonFilter.key(packed, count: count, without: index)) { return true }
        return false
    }

    @inline(__always)
    private func isSet(_ key: UInt64) -> Bool {
        let (first, second) = SkeletonFilter.positions(key)
        return bits[first >> 6] & (1 &<< UInt64(first & 63)) != 0
            && bits[second >> 6] & (1 &<< UInt64(second & 63)) != 0
    }

    /// The sequence's keys: itself and each one class shorter, with its length on top.
    static func forEachKey(_ packed: UInt64, count: Int, _ body: (UInt64) -> Void) {
        body(packed | UInt64(count) << 60)
        for index in 0..<count { body(key(packed, count: count, without: index)) }
    }

    /// The key of the sequence without its class at `index` (below `count`, at most 15: every
    /// shift is under 64 bits, so none needs Swift's check for a longer one).
    @inline(__always)
    static func key(_ packed: UInt64, count: Int, without index: Int) -> UInt64 {
        let low = packed & ((1 &<< UInt64(4 &* index)) &- 1)
        let high = packed &>> UInt64(4 &* (index &+ 1))
        return low | high &<< UInt64(4 &* index) | UInt64(count &- 1) &<< 60
    }

    @inline(__always)
    private static func positions(_ key: UInt64) -> (Int, Int) {
        let mixed = (key ^ key >> 29) &* 0xBF58_476D_1CE4_E5B9
        let mask = UInt64(bitCount - 1)
        return (Int(truncatingIfNeeded: (mixed >> 20) & mask), Int(truncatingIfNeeded: (mixed >> 42) & mask))
    }
}
