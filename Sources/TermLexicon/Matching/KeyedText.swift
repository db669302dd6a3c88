import TextNormalization

/// A record's text read the way labels are: the key form of every character, spaces dropped,
/// with each key unit remembering which character of the original text it came from, so that a
/// match maps back to exact offsets (docs/FORMATS.md, "Output of the line filters").
///
/// The key form is taken character by character (`CharacterKeys`), which for matching equals the
/// key of the whole line: marks are dropped either way, and compatibility forms expand alone.
public struct KeyedText {
    /// Key units of letters, digits and punctuation; spaces are not kept but end words.
    /// The arrays are buffers reused from record to record: only the first `count` entries count.
    public internal(set) var units: [UInt16] = []
    /// For each unit, the index (in Unicode scalars) of the original character it came from.
    public internal(set) var origins: [Int32] = []
    /// For each unit, whether a word starts or ends there (`WordEdge`).
    public internal(set) var edges: [UInt8] = []
    /// For each original scalar, its offset in UTF-8 bytes; one more entry at the end.
    public internal(set) var utf8Offsets: [Int32] = []
    /// The number of key units.
    public internal(set) var count = 0
    /// The number of scalars of the original text.
    public internal(set) var scalarCount = 0
    /// The first bytes that are not UTF-8 (read as U+FFFD): scalar index and byte offset in the text.
    public internal(set) var firstInvalidUTF8: (scalar: Int, byte: Int)?
    public var hadInvalidUTF8: Bool { firstInvalidUTF8 != nil }
    /// The index of the unit after the text's first apostrophe (', ’ or ʼ, which give no key
    /// unit), or -1 when it has none.
    private(set) var firstApostrophe = -1

    /// The index of the scalar whose UTF-8 bytes hold byte `offset` of the text.
    public func scalarIndex(atByte offset: Int) -> Int {
        var low = 0, high = scalarCount
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(utf8Offsets[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    enum WordEdge {
        static let start: UInt8 = 1
        static let end: UInt8 = 2
        /// A punctuation unit: a word of its own that no letter of a label runs through.
        static let punctuation: UInt8 = 4
        /// The text has a space (or a dash, which the key reads as one) before this unit.
        static let afterSpace: UInt8 = 8
    }

    public init() {}

    /// Reads `bytes[range]` (UTF-8; invalid bytes count as one U+FFFD each, as the decoder does).
    public mutating func read(_ bytes: [UInt8], _ range: Range<Int>, keys: inout CharacterKeys) {
        // A character becomes at most `longestImage` units; a character never seen before may
        // have a longer image, in which case the buffers grow and the record is read again.
        while !readOnce(bytes, range, keys: &keys, capacity: range.count * keys.longestImage + 16) {}
        // Before the ezafe's ی are dropped, which moves units: `firstApostrophe` is a unit index.
        if firstApostrophe >= 0 { splitElidedArticles(bytes, range) }
        if WrittenEzafe.mayOccur(in: bytes, range) { dropWrittenEzafe(bytes, range) }
    }

    private mutating func readOnce(_ bytes: [UInt8], _ range: Range<Int>, keys: inout CharacterKeys,
                                   capacity: Int) -> Bool {
        if units.count < capacity {
            units = [UInt16](repeating: 0, count: capacity)
            origins = [Int32](repeating: 0, count: capacity)
            edges = [UInt8](repeating: 0, count: capacity)
        }
        if utf8Offsets.count < range.count + 1 {
            utf8Offsets = [Int32](repeating: 0, count: range.count + 16)
        }
        // The buffers move into locals for the loop (spans of several stored properties at once
        // would overlap accesses to self) and back afterwards.
        var units: [UInt16] = [], origins: [Int32] = [], edges: [UInt8] = [], utf8Offsets: [Int32] = []
        swap(&units, &self.units)
        swap(&origins, &self.origins)
        swap(&edges, &self.edges)
        swap(&utf8Offsets, &self.utf8Offsets)
        let result = KeyedText.fill(bytes, range, keys: &keys, units: &units, origins: &origins, edges: &edges,
                                    utf8Offsets: &utf8Offsets)
        swap(&units, &self.units)
        swap(&origins, &self.origins)
        swap(&edges, &self.edges)
        swap(&utf8Offsets, &self.utf8Offsets)
        guard let (written, scalars, invalid, apostrophe) = result else { return false }
        count = written
        firstApostrophe = apostrophe
        scalarCount = scalars
        firstInvalidUTF8 = invalid
        return true
    }

    /// The UTF-16 offsets of scalar indices given in ascending order, in one pass: a scalar
    /// takes two UTF-16 units exactly when it took four UTF-8 bytes (an ill-formed sequence
    /// read as U+FFFD is at most three).
    public func utf16Offsets(ofScalars indices: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(indices.count)
        var scalar = 0
        var utf16 = 0
        for target in indices {
            if target < scalar {
                scalar = 0
                utf16 = 0
            }
            while scalar < target {
                utf16 += utf8Offsets[scalar + 1] - utf8Offsets[scalar] == 4 ? 2 : 1
                scalar += 1
            }
            result.append(utf16)
        }
        return result
    }

    @inline(__always) func startsWord(_ index: Int) -> Bool { edges[index] & WordEdge.start != 0 }
    @inline(__always) func endsWord(_ index: Int) -> Bool { edges[index] & WordEdge.end != 0 }
    @inline(__always) func isPunctuation(_ index: Int) -> Bool { edges[index] & WordEdge.punctuation != 0 }
    @inline(__always) func followsSpace(_ index: Int) -> Bool { edges[index] & WordEdge.afterSpace != 0 }

    /// Whether the original character of unit `unit` is a capital letter; `bytes[range]` is the
    /// record the text was read from.
    @inline(__always)
    func isCapital(_ unit: Int, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let offset = range.lowerBound + Int(utf8Offsets[Int(origins[unit])])
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        let (scalar, _, _) = CharacterKeys.decode(bytes, at: offset, end: range.upperBound)
        return scalar.properties.isUppercase
    }

    /// The index of the last unit of the word containing `index`.
    func wordEnd(from index: Int) -> Int {
        var end = index
        while !endsWord(end) { end += 1 }
        return end
    }
}
