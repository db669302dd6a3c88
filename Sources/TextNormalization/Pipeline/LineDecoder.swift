/// Something wrong in the bytes of one input line, found while decoding it.
public struct DecodingIssue: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Bytes that are not UTF-8; replaced by one U+FFFD.
        case invalidUTF8([UInt8])
        /// A NUL byte; read as a space (it separated something).
        case nul
        /// A CR not followed by LF (old Mac line ends, or a stray CR); read as a space, since
        /// lines end at LF.
        case loneCR
    }

    public var kind: Kind
    /// Offset of the first offending byte from the start of the line.
    public var byteOffset: Int
    /// 1-based column, in Unicode scalars of the decoded line, where the bytes stood.
    public var column: Int

    public init(kind: Kind, byteOffset: Int, column: Int) {
        self.kind = kind
        self.byteOffset = byteOffset
        self.column = column
    }

    public var message: String {
        switch kind {
        case .invalidUTF8(let bytes):
            let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            return "invalid UTF-8 (\(hex)) replaced by U+FFFD"
        case .nul:
            return "NUL byte read as a space"
        case .loneCR:
            return "CR without LF read as a space: lines end at LF (for a file with CR line ends: tr '\\r' '\\n')"
        }
    }

    public var ruleID: String {
        switch kind {
        case .invalidUTF8: return "invalid-utf8"
        case .nul: return "nul-byte"
        case .loneCR: return "lone-cr"
        }
    }
}

/// How many letters of each kind a line holds, and how many of its words are Pashto or Dari
/// function words (`LanguageDetector`), for deciding its language.
struct LetterCounts: Equatable {
    var latin = 0
    var arabic = 0
    var pashtoOnly = 0
    var pashtoWords = 0
    var dariWords = 0
}

/// Step 1 and 2 of the pipeline in one pass: decodes a line's UTF-8 into UTF-16 and cleans it.
///
/// Cleaning drops invisible controls, turns every kind of whitespace into one space (runs collapse,
/// ends are trimmed), and keeps a ZWNJ only between two Arabic-script letters, where it does its
/// job of stopping a join; doubled ZWNJs become one.
struct LineDecoder {
    /// What cleaning does with a BMP unit and what kind of letter it is, packed in one byte so the
    /// hot loop makes one lookup per character.
    struct Properties {
        static let drop: UInt8 = 1
        static let space: UInt8 = 2
        static let latin: UInt8 = 4
        static let arabic: UInt8 = 8
        static let pashtoOnly: UInt8 = 16
        static let arabicMark: UInt8 = 32
        static let actionMask: UInt8 = drop | space
    }

    let properties: [UInt8]
    /// The function words counted as the line is written (`LetterCounts`).
    let pashtoWords: PackedWordSet
    let dariWords: PackedWordSet

    init(cleanMap: CodeUnitMap, letterClasses: [NormalizationTables.LetterClass], detector: LanguageDetector) {
        pashtoWords = detector.pashtoWords
        dariWords = detector.dariWords
        let properties = LineDecoder.properties(cleanMap: cleanMap, letterClasses: letterClasses,
                                                blocks: LineDecoder.blocksToVisit(cleanMap))
        self.properties = properties
        keepsPrintableASCII = properties[0x20] == Properties.space && properties[0x09] == Properties.space
            && (0x21...0x7E).allSatisfy { unit in
                let isLetter = (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit)
                return properties[unit] == (isLetter ? Properties.latin : 0)
            }
    }

    /// The blocks of 64 units where a unit's properties may not be 0: those the cleaning map
    /// changes, and those of the letter classes (`NormalizationTables.letterClassRanges`, which
    /// hold the Arabic marks too). Every other block is kept, of no letter class and no mark; a
    /// table built at every start skips them (visiting every unit cost 1.4 M instructions).
    static func blocksToVisit(_ cleanMap: CodeUnitMap) -> [Int] {
        var blocks = Set(cleanMap.changedBlocks)
        for range in NormalizationTables.letterClassRanges {
            blocks.formUnion(Int(range.lowerBound >> 6)...Int(range.upperBound >> 6))
        }
        return blocks.sorted()
    }

    /// The properties of the units of `blocks` (blocks of 64 units); 0 for every other unit.
    static func properties(cleanMap: CodeUnitMap, letterClasses: [NormalizationTables.LetterClass],
                           blocks: [Int]) -> [UInt8] {
        var properties = [UInt8](repeating: 0, count: 0x1_0000)
        for unit in blocks.lazy.flatMap({ $0 << 6..<($0 + 1) << 6 }) {
            if cleanMap.keeps(UInt16(unit)) && letterClasses[unit] == .other && (unit < 0x0610 || unit > 0x08FF) {
                continue
            }
            switch cleanMap[UInt16(unit)] {
            case .keep: break
            case .drop: properties[unit] = Properties.drop
            case .unit(0x20): properties[unit] = Properties.space
            case .unit, .string:
                assertionFailure("the clean step only keeps, drops, or makes spaces")
            }
            switch letterClasses[unit] {
            case .latin: properties[unit] |= Properties.latin
            case .arabic: properties[unit] |= Properties.arabic
            case .pashtoOnly: properties[unit] |= Properties.arabic | Properties.pashtoOnly
            case .other: break
            }
            if ArabicScript.isMark(UInt16(unit)) { properties[unit] |= Properties.arabicMark }
        }
        return properties
    }

    /// Whether cleaning keeps every printable ASCII character as it is and makes spaces of space
    /// and tab, and the detector counts exactly the ASCII letters as Latin: what lets a line of them
    /// skip decoding (`TextNormalizer.asciiLine`).
    let keepsPrintableASCII: Bool

    /// Decodes `bytes[range]` (one line without its line terminator) into the front of `output`,
    /// which grows when needed and is meant to be reused.
    /// - Returns: the number of units written, and whether every byte was ASCII.
    /// - Complexity: O(n) in the length of the line.
    func decode(
        _ bytes: [UInt8], _ range: Range<Int>,
        into output: inout [UInt16], counts: inout LetterCounts, issues: inout [DecodingIssue]
    ) -> (count: Int, allASCII: Bool) {
        // Every byte yields at most one UTF-16 unit (a 4-byte sequence yields two; an inserted
        // space or ZWNJ stands for at least one byte that yielded none), so the line fits in
        // `range.count` units and the loop writes by index without growing the array.
        if output.count < range.count { output = [UInt16](repeating: 0, count: range.count + range.count / 4 + 16) }
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count && properties.count == 0x1_0000,
                     "line or table out of bounds")
        guard !range.isEmpty else {
            counts = LetterCounts()
            return (0, true)
        }
        return bytes.withUnsafeBufferPointer { input in
            properties.withUnsafeBufferPointer { properties in
                output.withUnsafeMutableBufferPointer { output in
                    decodeLine(input.baseAddress!, bytes, range, properties: properties.baseAddress!,
                               into: output.baseAddress!, counts: &counts, issues: &issues)
                }
            }
        }
    }

    /// Ends the word being written: a word of one to four letters counts if it is a function word.
    @inline(__always)
    static func endWord(_ word: inout UInt64, _ length: inout Int, _ pashto: PackedWordSet,
                                _ dari: PackedWordSet, _ pashtoHits: inout Int, _ dariHits: inout Int) {
        if length > 0 && length <= 4 {
            if pashto.contains(word) { pashtoHits += 1 }
            if dari.contains(word) { dariHits += 1 }
        }
        word = 0
        length = 0
    }
}
