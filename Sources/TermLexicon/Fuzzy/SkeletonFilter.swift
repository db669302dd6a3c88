/// Whether any label's skeleton may be within one edit of a span's, in a few bit tests, before a
/// span walks its start word's candidate labels: fewer than one span in ten has a label that near,
/// and walking the candidates (about 17 for a start word, in lists spread over memory) cost more
/// than the rest of the pass's scoring together. A "no" is certain; a "maybe" is checked by the
/// scan. Two Bloom filters of the labels' skeletons answer in turn, the cheaper first:
///
/// - Thirds. Two class sequences S (n classes) and T one change, insertion or deletion apart keep
///   two thirds of S whole: cut S into a head, a middle and a tail (`parts`); an edit in the tail
///   leaves T starting with S's head and middle, one in the head leaves T ending with S's middle and
///   tail, one in the middle leaves T starting with S's head and ending with its tail. A label is
///   filed under those three keys for each length n of a span that can be that near it (its own,
///   one less, one more); a span with none of its three keys filed is a "no". The three bits of a
///   key share one 64-bit word, so a span costs at most three reads.
/// - Deletions, for the spans the thirds let through: S and T are at most one
///   edit apart only if they share a key, where a sequence's keys are itself and each sequence one
///   class shorter (a change at i leaves both equal without i; an insertion leaves the longer equal
///   to the shorter without it). Up to n + 1 keys a span, which is why it comes second: asked first,
///   it read them all for most spans (2 MB sample: 481.6 M instructions with it alone, 475.8 M
///   with both; the thirds alone, 479.5 M, let a fifth more start words through to the scan).
///
/// Skeletons of 15 classes are not filtered: a span's packed skeleton stops at 15 classes (and a
/// label's at 16), so a key made from one would not be exact; such a span always answers "maybe",
/// and only such spans can be within one edit of labels that long, which are left out.
struct SkeletonFilter: Sendable {
    /// The thirds' filter: 2^13 words of 64 bits (64 KB).
    private var thirds: [UInt64]
    /// The deletions' filter: 2^20 bits (128 KB), two bits a key.
    private var deletions: [UInt64]

    private static let thirdsWords = 1 << 13
    private static let deletionBits = 1 << 20
    static let longest = 14

    init() {
        thirds = []
        deletions = []
    }

    /// The filter of `skeletons` (packed, `FuzzyIndex.packSkeleton`) with their class counts. Built
    /// at the first record of every `tag` run, in local arrays: written through the stored ones,
    /// each bit set paid a uniqueness check.
    init<S: Sequence>(_ skeletons: S) where S.Element == (packed: UInt64, count: Int) {
        var thirds = [UInt64](repeating: 0, count: SkeletonFilter.thirdsWords)
        var deletions = [UInt64](repeating: 0, count: SkeletonFilter.deletionBits / 64)
        for (packed, count) in skeletons where count <= SkeletonFilter.longest + 1 {
            for length in max(count - 1, 0)...min(count + 1, SkeletonFilter.longest) {
                let (head, middle, tail) = SkeletonFilter.parts(length)
                // A part longer than the label (for spans one class longer) leaves it out of that key.
                if head + middle <= count {
                    SkeletonFilter.fileThird(SkeletonFilter.frontKey(packed, head + middle, length), in: &thirds)
                }
                if middle + tail <= count {
                    SkeletonFilter.fileThird(SkeletonFilter.backKey(packed &>> UInt64(4 * (count - middle - tail)),
                                                                    length), in: &thirds)
                }
                if head + tail <= count {
                    SkeletonFilter.fileThird(SkeletonFilter.endsKey(packed, head: head,
                                                                    tail: packed &>> UInt64(4 * (count - tail)),
                                                                    length), in: &thirds)
                }
            }
            SkeletonFilter.forEachDeletionKey(packed, count: count) { key in
                let (first, second) = SkeletonFilter.deletionPositions(key)
                deletions[first >> 6] |= 1 << UInt64(first & 63)
                deletions[second >> 6] |= 1 << UInt64(second & 63)
            }
        }
        self.thirds = thirds
        self.deletions = deletions
    }

    /// Whether a skeleton of `count` classes may be within one edit of a label's (always, for an
    /// empty filter or a long skeleton).
    @inline(__always)
    func mayBeNear(_ packed: UInt64, count: Int) -> Bool {
        guard !thirds.isEmpty, count <= SkeletonFilter.longest else { return true }
        let (head, middle, _) = SkeletonFilter.parts(count)
        guard hasThird(SkeletonFilter.frontKey(packed, head &+ middle, count))
            || hasThird(SkeletonFilter.backKey(packed &>> UInt64(4 &* head), count))
            || hasThird(SkeletonFilter.endsKey(packed, head: head, tail: packed &>> UInt64(4 &* (head &+ middle)),
                                               count))
        else { return false }
        if hasDeletionKey(packed | UInt64(count) &<< 60) { return true }
        for index in 0..<count where hasDeletionKey(SkeletonFilter.deletionKey(packed, count: count, without: index)) {
            return true
        }
        return false
    }

    // MARK: Thirds

    /// The classes of a span of `length` in its head, middle and tail: a third each, the head the
    /// smallest.
    @inline(__always)
    private static func parts(_ length: Int) -> (head: Int, middle: Int, tail: Int) {
        let head = length / 3, middle = (length &- head) &>> 1
        return (head, middle, length &- head &- middle)
    }

    // A key holds its classes (at most ten: 40 bits), the span's length from bit 44 and its kind
    // from bit 48.

    /// The key of the first `classes` classes of `packed`, for spans of `length`.
    @inline(__always)
    private static func frontKey(_ packed: UInt64, _ classes: Int, _ length: Int) -> UInt64 {
        packed & ((1 &<< UInt64(4 &* classes)) &- 1) | UInt64(length) &<< 44
    }

    /// The key of a sequence's last classes (`packed` holds them from its lowest bits, nothing
    /// above them), for spans of `length`.
    @inline(__always)
    private static func backKey(_ packed: UInt64, _ length: Int) -> UInt64 {
        packed | UInt64(length) &<< 44 | 1 &<< 48
    }

    /// The key of the first `head` classes of `packed` and of the classes of `tail` (from its
    /// lowest bits, nothing above them), for spans of `length`.
    @inline(__always)
    private static func endsKey(_ packed: UInt64, head: Int, tail: UInt64, _ length: Int) -> UInt64 {
        let shift = UInt64(4 &* head)
        return packed & ((1 &<< shift) &- 1) | tail &<< shift | UInt64(length) &<< 44 | 2 &<< 48
    }

    /// A key's word and its three bits there, all from the product's high bits (its low bits
    /// depend on the key's low bits only).
    @inline(__always)
    private static func thirdPosition(_ key: UInt64) -> (word: Int, bits: UInt64) {
        let mixed = (key ^ key &>> 29) &* 0xBF58_476D_1CE4_E5B9
        let word = Int(truncatingIfNeeded: mixed &>> 51)  // 13 bits: below `thirdsWords`
        let bits = 1 &<< ((mixed &>> 33) & 63) | 1 &<< ((mixed &>> 39) & 63) | 1 &<< ((mixed &>> 45) & 63)
        return (word, bits)
    }

    @inline(__always)
    private static func fileThird(_ key: UInt64, in thirds: inout [UInt64]) {
        let (word, bits) = SkeletonFilter.thirdPosition(key)
        thirds[word] |= bits
    }

    @inline(__always)
    private func hasThird(_ key: UInt64) -> Bool {
        let (word, bits) = SkeletonFilter.thirdPosition(key)
        return thirds[word] & bits == bits
    }

    // MARK: Deletions

    /// The sequence's keys: itself and each one class shorter, with its length on top.
    @inline(__always)
    private static func forEachDeletionKey(_ packed: UInt64, count: Int, _ body: (UInt64) -> Void) {
        body(packed | UInt64(count) << 60)
        for index in 0..<count { body(deletionKey(packed, count: count, without: index)) }
    }

    /// The key of the sequence without its class at `index` (below `count`, at most 15: every
    /// shift is under 64 bits, so none needs Swift's check for a longer one).
    @inline(__always)
    private static func deletionKey(_ packed: UInt64, count: Int, without index: Int) -> UInt64 {
        let low = packed & ((1 &<< UInt64(4 &* index)) &- 1)
        let high = packed &>> UInt64(4 &* (index &+ 1))
        return low | high &<< UInt64(4 &* index) | UInt64(count &- 1) &<< 60
    }

    @inline(__always)
    private func hasDeletionKey(_ key: UInt64) -> Bool {
        let (first, second) = SkeletonFilter.deletionPositions(key)
        return deletions[first >> 6] & (1 &<< UInt64(first & 63)) != 0
            && deletions[second >> 6] & (1 &<< UInt64(second & 63)) != 0
    }

    @inline(__always)
    private static func deletionPositions(_ key: UInt64) -> (Int, Int) {
        let mixed = (key ^ key >> 29) &* 0xBF58_476D_1CE4_E5B9
        let mask = UInt64(deletionBits - 1)
        return (Int(truncatingIfNeeded: (mixed >> 20) & mask), Int(truncatingIfNeeded: (mixed >> 42) & mask))
    }
}
