import TextNormalization

/// A record's text read the way labels are: the key form of every character, spaces dropped,
/// with each key unit remembering which character of the original text it came from, so that a
/// match maps back to exact offsets (DESIGN.md, "Entity output").
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
    /// Whether the text held bytes that are not UTF-8 (read as U+FFFD).
    public internal(set) var hadInvalidUTF8 = false

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
    }

    private mutating func readOnce(_ bytes: [UInt8], _ range: Range<Int>, keys: inout CharacterKeys, capacity: Int) -> Bool {
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
        guard let (written, scalars, sawInvalid) = result else { return false }
        count = written
        scalarCount = scalars
        hadInvalidUTF8 = sawInvalid
        return true
    }

    /// The loop of `read`: nil when a character's image did not fit the buffers.
    private static func fill(
        _ bytes: [UInt8], _ range: Range<Int>, keys: inout CharacterKeys, units: inout [UInt16], origins: inout [Int32],
        edges: inout [UInt8], utf8Offsets: inout [Int32]
    ) -> (units: Int, scalars: Int, sawInvalid: Bool)? {
        // Spans: writing by index, without a uniqueness check per element.
        var unitSpan = units.mutableSpan
        var originSpan = origins.mutableSpan
        var edgeSpan = edges.mutableSpan
        var utf8Span = utf8Offsets.mutableSpan
        let limit = unitSpan.count
        var written = 0
        var scalars = 0
        var boundaryPending = true
        var spacePending = false
        /// The script class of the last letter since a space (digits are neutral).
        var previousScript: UInt8 = CharacterKeys.Code.digit
        var index = range.lowerBound
        var astral: [UInt16] = []
        var sawInvalid = false

        while index < range.upperBound {
            let (scalar, length, valid) = CharacterKeys.decode(bytes, at: index, end: range.upperBound)
            if !valid { sawInvalid = true }
            utf8Span[scalars] = Int32(index - range.lowerBound)
            index += length
            // The key units of this character: one unit in the table entry itself (the common
            // case), a range of the cache's pool, or (outside the BMP) an array of their own.
            var poolStart = -1
            var imageCount = 0
            var single: UInt16 = 0
            var singleCode: UInt8 = 0
            var isSingle = false
            if scalar.value < 0x1_0000 {
                let entry = keys.entry(of: scalar.value)
                if entry & CharacterKeys.singleFlag != 0 {
                    single = UInt16(truncatingIfNeeded: entry)
                    singleCode = UInt8(truncatingIfNeeded: (entry >> 16) & 0xF)
                    isSingle = true
                    imageCount = 1
                } else {
                    poolStart = Int(entry >> 8)
                    imageCount = Int(entry & 0xFF)
                }
            } else {
                astral = keys.astralImage(of: scalar)
                imageCount = astral.count
            }
            if written + imageCount > limit { return nil }
            for offset in 0..<imageCount {
                let unit = isSingle ? single : (poolStart >= 0 ? keys.pool[poolStart + offset] : astral[offset])
                let code = isSingle ? singleCode : keys.unitClasses[Int(unit)]
                if code == CharacterKeys.Code.space {
                    boundaryPending = true
                    spacePending = written > 0
                    previousScript = CharacterKeys.Code.digit
                } else if code == CharacterKeys.Code.punctuation {
                    if written > 0 { edgeSpan[written - 1] |= WordEdge.end }
                    unitSpan[written] = unit
                    originSpan[written] = Int32(scalars)
                    edgeSpan[written] = WordEdge.start | WordEdge.end | WordEdge.punctuation | (spacePending ? WordEdge.afterSpace : 0)
                    written += 1
                    boundaryPending = true
                    spacePending = false
                } else {
                    // A change between Arabic and Latin letters ends a word, as in "لهCBS".
                    let isScript = code == CharacterKeys.Code.arabic || code == CharacterKeys.Code.latin
                    let scriptChange = isScript && previousScript != CharacterKeys.Code.digit && code != previousScript
                    if boundaryPending || scriptChange || written == 0 {
                        if written > 0 { edgeSpan[written - 1] |= WordEdge.end }
                        edgeSpan[written] = WordEdge.start
                    } else {
                        edgeSpan[written] = 0
                    }
                    if spacePending { edgeSpan[written] |= WordEdge.afterSpace }
                    unitSpan[written] = unit
                    originSpan[written] = Int32(scalars)
                    written += 1
                    boundaryPending = false
                    spacePending = false
                    if isScript { previousScript = code }
                }
            }
            if !astral.isEmpty { astral.removeAll(keepingCapacity: true) }
            scalars += 1
        }
        if written > 0 { edgeSpan[written - 1] |= WordEdge.end }
        utf8Span[scalars] = Int32(range.count)
        return (written, scalars, sawInvalid)
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

    /// The index of the last unit of the word containing `index`.
    func wordEnd(from index: Int) -> Int {
        var end = index
        while !endsWord(end) { end += 1 }
        return end
    }
}
