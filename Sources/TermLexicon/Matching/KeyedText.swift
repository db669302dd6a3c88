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
        guard let (written, scalars, invalid) = result else { return false }
        count = written
        scalarCount = scalars
        firstInvalidUTF8 = invalid
        return true
    }

    /// Where the scan of `fill` stands between key units.
    private struct FillState {
        var written = 0
        var boundaryPending = true
        var spacePending = false
        /// The script class of the last letter since a space (digits are neutral).
        var previousScript: UInt8 = CharacterKeys.Code.digit
    }

    /// Appends one key unit with its word edges. A static function rather than a nested one:
    /// captured variables would be boxed and pay an exclusivity check on every access.
    @inline(__always)
    private static func put(
        _ unit: UInt16, code: UInt8, origin: Int, state: inout FillState,
        units: inout MutableSpan<UInt16>, origins: inout MutableSpan<Int32>, edges: inout MutableSpan<UInt8>
    ) {
        if code == CharacterKeys.Code.space {
            state.boundaryPending = true
            state.spacePending = state.written > 0
            state.previousScript = CharacterKeys.Code.digit
            return
        }
        let written = state.written
        if code == CharacterKeys.Code.punctuation {
            if written > 0 { edges[written - 1] |= WordEdge.end }
            units[written] = unit
            origins[written] = Int32(origin)
            edges[written] = WordEdge.start | WordEdge.end | WordEdge.punctuation | (state.spacePending ? WordEdge.afterSpace : 0)
            state.written = written + 1
            state.boundaryPending = true
            state.spacePending = false
            return
        }
        // A change between Arabic and Latin letters ends a word, as in "لهCBS".
        let isScript = code == CharacterKeys.Code.arabic || code == CharacterKeys.Code.latin
        let scriptChange = isScript && state.previousScript != CharacterKeys.Code.digit && code != state.previousScript
        if state.boundaryPending || scriptChange || written == 0 {
            if written > 0 { edges[written - 1] |= WordEdge.end }
            edges[written] = WordEdge.start | (state.spacePending ? WordEdge.afterSpace : 0)
        } else {
            edges[written] = 0
        }
        units[written] = unit
        origins[written] = Int32(origin)
        state.written = written + 1
        state.boundaryPending = false
        state.spacePending = false
        if isScript { state.previousScript = code }
    }

    /// The loop of `read`: nil when a character's image did not fit the buffers.
    private static func fill(
        _ bytes: [UInt8], _ range: Range<Int>, keys: inout CharacterKeys, units: inout [UInt16], origins: inout [Int32],
        edges: inout [UInt8], utf8Offsets: inout [Int32]
    ) -> (units: Int, scalars: Int, invalid: (scalar: Int, byte: Int)?)? {
        // Spans: writing by index, without a uniqueness check per element.
        var unitSpan = units.mutableSpan
        var originSpan = origins.mutableSpan
        var edgeSpan = edges.mutableSpan
        var utf8Span = utf8Offsets.mutableSpan
        let limit = unitSpan.count
        var state = FillState()
        var scalars = 0
        var index = range.lowerBound
        var astral: [UInt16] = []
        var invalid: (scalar: Int, byte: Int)?

        while index < range.upperBound {
            let (scalar, length, valid) = CharacterKeys.decode(bytes, at: index, end: range.upperBound)
            if !valid && invalid == nil { invalid = (scalars, index - range.lowerBound) }
            utf8Span[scalars] = Int32(index - range.lowerBound)
            index += length
            // The key units of this character: one unit in the table entry itself (the common
            // case), a range of the cache's pool, or (outside the BMP) an array of their own.
            if scalar.value < 0x1_0000 {
                let entry = keys.entry(of: scalar.value)
                if entry & CharacterKeys.singleFlag != 0 {
                    if state.written + 1 > limit { return nil }
                    KeyedText.put(UInt16(truncatingIfNeeded: entry), code: UInt8(truncatingIfNeeded: (entry >> 16) & 0xF),
                                  origin: scalars, state: &state, units: &unitSpan, origins: &originSpan, edges: &edgeSpan)
                } else {
                    let start = Int(entry >> 8), count = Int(entry & 0xFF)
                    if state.written + count > limit { return nil }
                    for position in start..<(start + count) {
                        let unit = keys.pool[position]
                        KeyedText.put(unit, code: keys.unitClasses[Int(unit)], origin: scalars, state: &state,
                                      units: &unitSpan, origins: &originSpan, edges: &edgeSpan)
                    }
                }
            } else {
                astral = keys.astralImage(of: scalar)
                if state.written + astral.count > limit { return nil }
                for unit in astral {
                    KeyedText.put(unit, code: keys.unitClasses[Int(unit)], origin: scalars, state: &state,
                                  units: &unitSpan, origins: &originSpan, edges: &edgeSpan)
                }
            }
            scalars += 1
        }
        let written = state.written
        if written > 0 { edgeSpan[written - 1] |= WordEdge.end }
        utf8Span[scalars] = Int32(range.count)
        return (written, scalars, invalid)
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
