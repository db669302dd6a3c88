import TextNormalization

/// A record's text read the way labels are: the key form of every character, spaces dropped,
/// with each key unit remembering which character of the original text it came from, so that a
/// match maps back to exact offsets (DESIGN.md, "Entity output").
///
/// The key form is taken character by character (`CharacterKeys`), which for matching equals the
/// key of the whole line: marks are dropped either way, and compatibility forms expand alone.
public struct KeyedText {
    /// Key units of letters, digits and punctuation; spaces are not kept but end words.
    public internal(set) var units: [UInt16] = []
    /// For each unit, the index (in Unicode scalars) of the original character it came from.
    public internal(set) var origins: [Int32] = []
    /// For each unit, whether a word starts or ends there (`WordEdge`).
    public internal(set) var edges: [UInt8] = []
    /// For each original scalar, its offset in UTF-8 bytes and UTF-16 units; one more entry at the end.
    public internal(set) var utf8Offsets: [Int32] = []
    public internal(set) var utf16Offsets: [Int32] = []

    enum WordEdge {
        static let start: UInt8 = 1
        static let end: UInt8 = 2
        /// A punctuation unit: a word of its own that no letter of a label runs through.
        static let punctuation: UInt8 = 4
    }

    public init() {}

    public var scalarCount: Int { utf8Offsets.count - 1 }

    /// Reads `bytes[range]` (UTF-8; invalid bytes count as one U+FFFD each, as the decoder does).
    public mutating func read(_ bytes: [UInt8], _ range: Range<Int>, keys: CharacterKeys) {
        units.removeAll(keepingCapacity: true)
        origins.removeAll(keepingCapacity: true)
        edges.removeAll(keepingCapacity: true)
        utf8Offsets.removeAll(keepingCapacity: true)
        utf16Offsets.removeAll(keepingCapacity: true)
        var scalarIndex: Int32 = 0
        var utf16: Int32 = 0
        var boundaryPending = true
        var previousScript = CharacterKeys.Script.neutral
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = CharacterKeys.decode(bytes, at: index, end: range.upperBound)
            utf8Offsets.append(Int32(index - range.lowerBound))
            utf16Offsets.append(utf16)
            utf16 += scalar.value > 0xFFFF ? 2 : 1
            index += length
            let image = keys.image(of: scalar)
            for unit in image {
                switch keys.unitClass(unit) {
                case .space:
                    boundaryPending = true
                case .punctuation:
                    if let last = edges.indices.last { edges[last] |= WordEdge.end }
                    units.append(unit)
                    origins.append(scalarIndex)
                    edges.append(WordEdge.start | WordEdge.end | WordEdge.punctuation)
                    boundaryPending = true
                case .word(let script):
                    // A change between Arabic and Latin letters ends a word, as in "لهCBS".
                    let scriptChange = script != .neutral && previousScript != .neutral && script != previousScript
                    if boundaryPending || scriptChange || units.isEmpty {
                        if let last = edges.indices.last { edges[last] |= WordEdge.end }
                        edges.append(WordEdge.start)
                    } else {
                        edges.append(0)
                    }
                    units.append(unit)
                    origins.append(scalarIndex)
                    boundaryPending = false
                    if script != .neutral { previousScript = script }
                }
            }
            if image.isEmpty == false, keys.unitClass(image.last!) == .space { previousScript = .neutral }
            scalarIndex += 1
        }
        if let last = edges.indices.last { edges[last] |= WordEdge.end }
        utf8Offsets.append(Int32(range.count))
        utf16Offsets.append(utf16)
    }

    @inline(__always) func startsWord(_ index: Int) -> Bool { edges[index] & WordEdge.start != 0 }
    @inline(__always) func endsWord(_ index: Int) -> Bool { edges[index] & WordEdge.end != 0 }
    @inline(__always) func isPunctuation(_ index: Int) -> Bool { edges[index] & WordEdge.punctuation != 0 }

    /// The index of the last unit of the word containing `index`.
    func wordEnd(from index: Int) -> Int {
        var end = index
        while !endsWord(end) { end += 1 }
        return end
    }
}
