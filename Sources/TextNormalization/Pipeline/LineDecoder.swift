/// Something wrong in the bytes of one input line, found while decoding it.
public struct DecodingIssue: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Bytes that are not UTF-8; replaced by one U+FFFD.
        case invalidUTF8([UInt8])
        /// A NUL byte; removed.
        case nul
    }

    public var kind: Kind
    /// Offset of the first offending byte from the start of the line.
    public var byteOffset: Int
    /// 1-based column, in Unicode scalars of the decoded line, where the bytes stood.
    public var column: Int

    public var message: String {
        switch kind {
        case .invalidUTF8(let bytes):
            let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            return "invalid UTF-8 (\(hex)) replaced by U+FFFD"
        case .nul:
            return "NUL byte removed"
        }
    }

    public var ruleID: String {
        switch kind {
        case .invalidUTF8: return "invalid-utf8"
        case .nul: return "nul-byte"
        }
    }
}

/// How many letters of each kind a line holds, for deciding its language.
struct LetterCounts: Equatable {
    var latin = 0
    var arabic = 0
    var pashtoOnly = 0
}

/// Step 1 and 2 of the pipeline in one pass: decodes a line's UTF-8 into UTF-16 and cleans it.
///
/// Cleaning drops invisible controls, turns every kind of whitespace into one space (runs collapse,
/// ends are trimmed), and keeps a ZWNJ only between two Arabic-script letters, where it does its
/// job of stopping a join; doubled ZWNJs become one.
struct LineDecoder {
    enum Action: UInt8 { case keep, drop, space }

    /// What to do with each BMP code unit during cleaning.
    private let actions: [Action]
    private let letterClasses: [NormalizationTables.LetterClass]

    init(cleanMap: CodeUnitMap, letterClasses: [NormalizationTables.LetterClass]) {
        var actions = [Action](repeating: .keep, count: 0x1_0000)
        for unit in 0...0xFFFF {
            switch cleanMap[UInt16(unit)] {
            case .keep: continue
            case .drop: actions[unit] = .drop
            case .unit(0x20): actions[unit] = .space
            case .unit, .string:
                assertionFailure("the clean step only keeps, drops, or makes spaces")
            }
        }
        self.actions = actions
        self.letterClasses = letterClasses
    }

    /// Decodes `bytes[range]` (one line without its line terminator) into `output`, replacing its contents.
    /// - Returns: whether every byte was ASCII.
    /// - Complexity: O(n) in the length of the line.
    func decode(
        _ bytes: [UInt8], _ range: Range<Int>,
        into output: inout [UInt16], counts: inout LetterCounts, issues: inout [DecodingIssue]
    ) -> Bool {
        var writer = CleanWriter(actions: actions, classes: letterClasses)
        output.removeAll(keepingCapacity: true)
        var allASCII = true
        var index = range.lowerBound
        var column = 0
        let end = range.upperBound
        while index < end {
            let lead = bytes[index]
            column += 1
            if lead < 0x80 {
                if lead == 0 {
                    issues.append(DecodingIssue(kind: .nul, byteOffset: index - range.lowerBound, column: column))
                } else {
                    writer.put(UInt16(lead), into: &output)
                }
                index += 1
                continue
            }
            allASCII = false
            let (scalar, length) = LineDecoder.decodeMultiByte(bytes, at: index, end: end)
            if let scalar {
                if scalar < 0x1_0000 {
                    writer.put(UInt16(scalar), into: &output)
                } else {
                    let value = scalar - 0x1_0000
                    writer.put(UInt16(0xD800 + (value >> 10)), into: &output)
                    writer.put(UInt16(0xDC00 + (value & 0x3FF)), into: &output)
                }
            } else {
                issues.append(DecodingIssue(kind: .invalidUTF8(Array(bytes[index..<index + length])),
                                            byteOffset: index - range.lowerBound, column: column))
                writer.put(0xFFFD, into: &output)
            }
            index += length
        }
        counts = writer.counts
        return allASCII
    }

    /// Decodes the multi-byte sequence at `index`. On error returns nil and the length of the
    /// maximal ill-formed subpart (Unicode's recommended U+FFFD substitution).
    @inline(__always)
    private static func decodeMultiByte(_ bytes: [UInt8], at index: Int, end: Int) -> (UInt32?, Int) {
        let lead = bytes[index]
        let needed: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: needed = 1; value = UInt32(lead & 0x1F)
        case 0xE0: needed = 2; lower = 0xA0; value = UInt32(lead & 0x0F)
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2; value = UInt32(lead & 0x0F)
        case 0xED: needed = 2; upper = 0x9F; value = UInt32(lead & 0x0F)
        case 0xF0: needed = 3; lower = 0x90; value = UInt32(lead & 0x07)
        case 0xF1...0xF3: needed = 3; value = UInt32(lead & 0x07)
        case 0xF4: needed = 3; upper = 0x8F; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        var position = index + 1
        for step in 0..<needed {
            guard position < end else { return (nil, position - index) }
            let byte = bytes[position]
            let (low, high) = step == 0 ? (lower, upper) : (0x80, 0xBF)
            guard byte >= low && byte <= high else { return (nil, position - index) }
            value = (value << 6) | UInt32(byte & 0x3F)
            position += 1
        }
        return (value, needed + 1)
    }
}

/// The state of the clean step while one line is written.
private struct CleanWriter {
    let actions: [LineDecoder.Action]
    let classes: [NormalizationTables.LetterClass]
    var counts = LetterCounts()
    private var pendingSpace = false
    private var pendingZWNJ = false
    /// Whether the last character written can join to the next one (an Arabic letter or its mark).
    private var lastJoins = false

    init(actions: [LineDecoder.Action], classes: [NormalizationTables.LetterClass]) {
        self.actions = actions
        self.classes = classes
    }

    @inline(__always)
    mutating func put(_ unit: UInt16, into output: inout [UInt16]) {
        if unit == ArabicScript.zwnj {
            if lastJoins { pendingZWNJ = true }
            return
        }
        switch actions[Int(unit)] {
        case .drop:
            return
        case .space:
            pendingSpace = true
            pendingZWNJ = false
            lastJoins = false
            return
        case .keep:
            break
        }
        let letterClass = classes[Int(unit)]
        let isArabicLetter = letterClass == .arabic || letterClass == .pashtoOnly
        if pendingSpace {
            if !output.isEmpty { output.append(0x20) }
            pendingSpace = false
        } else if pendingZWNJ {
            if isArabicLetter { output.append(ArabicScript.zwnj) }
            pendingZWNJ = false
        }
        output.append(unit)
        switch letterClass {
        case .latin: counts.latin += 1
        case .arabic: counts.arabic += 1
        case .pashtoOnly: counts.arabic += 1; counts.pashtoOnly += 1
        case .other: break
        }
        lastJoins = isArabicLetter || (lastJoins && ArabicScript.isMark(unit))
    }
}
