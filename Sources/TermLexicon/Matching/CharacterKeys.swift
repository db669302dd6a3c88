import TextNormalization

/// The key form of single characters, computed once per distinct character and remembered.
///
/// A value type, so that the hot loop reads its tables through an `inout` without reference
/// counting; not for sharing between threads (it grows as text is read): one per thread.
public struct CharacterKeys {
    private let computer: Computer
    /// BMP scalar -> `singleFlag | class << 16 | unit` when its key is one unit (most characters),
    /// else its range in `pool` (start << 8 | length, with `slowFlag` for an apostrophe), or `unknown`.
    private(set) var table = [UInt32](repeating: CharacterKeys.unknown, count: 0x1_0000)
    private(set) var pool: [UInt16] = []
    private var astral: [UInt32: [UInt16]] = [:]
    static let unknown = UInt32.max
    static let singleFlag: UInt32 = 1 << 31
    /// An apostrophe (no unit) is left to `KeyedText`'s general path, which notes it for
    /// `ElidedArticles`: a check in the fast run cost every character of the text.
    static let slowFlag: UInt32 = 1 << 30
    /// The most units one character has become so far.
    private(set) var longestImage = 1
    /// The class (`Code`) of every key unit met so far; filled with the images that use them.
    private(set) var unitClasses = [UInt8](repeating: CharacterKeys.Code.punctuation, count: 0x1_0000)

    public init() throws(NormalizationSetupError) {
        computer = try Computer()
    }

    /// The table entry of a BMP character (see `table`): its key units are empty for what the key
    /// drops (marks, bidi controls, ZWNJ), a space for whitespace. Fills the cache on first sight.
    @inline(__always)
    mutating func entry(of value: UInt32) -> UInt32 {
        let entry = table[Int(value)]
        if entry != CharacterKeys.unknown { return entry }
        return fill(value)
    }

    private mutating func fill(_ value: UInt32) -> UInt32 {
        let units = computer.compute(Unicode.Scalar(value) ?? "\u{FFFD}").prefix(255)
        for unit in units { unitClasses[Int(unit)] = CharacterKeys.classify(unit) }
        let entry: UInt32
        if units.count == 1 {
            entry = CharacterKeys.singleFlag | UInt32(unitClasses[Int(units[units.startIndex])]) << 16
                | UInt32(units[units.startIndex])
        } else {
            entry = UInt32(pool.count) << 8 | UInt32(units.count)
                | (ElidedArticles.isApostrophe(value) ? CharacterKeys.slowFlag : 0)
            pool.append(contentsOf: units)
        }
        table[Int(value)] = entry
        longestImage = max(longestImage, units.count)
        return entry
    }

    /// The key units of a character outside the BMP (rare: not worth a table).
    mutating func astralImage(of scalar: Unicode.Scalar) -> [UInt16] {
        if let units = astral[scalar.value] { return units }
        let units = computer.compute(scalar)
        for unit in units { unitClasses[Int(unit)] = CharacterKeys.classify(unit) }
        astral[scalar.value] = units
        longestImage = max(longestImage, units.count)
        return units
    }

    /// Runs the key form of the normalisation pipeline on one character.
    private final class Computer {
        private let normalizer: TextNormalizer
        private var output: [UInt8] = []
        private var issues: [DecodingIssue] = []

        init() throws(NormalizationSetupError) {
            let context = try NormalizationContext.shared(NormalizationOptions(form: .key, language: .english))
            normalizer = try context.makeNormalizer()
            normalizer.reportsLanguage = false
            // One character at a time, through the pipeline itself: the key form's segment table
            // (the same output) took 3.7 M instructions to build at the first character, and the
            // pipeline keys a character in a few thousand, so even a line of 3,500 distinct CJK,
            // Arabic and Cyrillic characters costs less this way (92.0 M for the run, 98.0 M).
            normalizer.usesSegmentTable = false
        }

        func compute(_ scalar: Unicode.Scalar) -> [UInt16] {
            if scalar.properties.isWhitespace { return [0x20] }
            // Between two x's, so that what the key turns into a space (a dash) is not trimmed away.
            let bytes = Array("x\(scalar)x".utf8)
            output.removeAll(keepingCapacity: true)
            issues.removeAll(keepingCapacity: true)
            guard (try? normalizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)) != nil,
                  output.count >= 2, output.first == UInt8(ascii: "x"),
                  output.last == UInt8(ascii: "x") else { return [] }
            return Array(String(decoding: output[1..<(output.count - 1)], as: UTF8.self).utf16)
        }
    }

    /// Unit classes (see `classes`).
    enum Code {
        static let space: UInt8 = 0
        static let punctuation: UInt8 = 1
        static let digit: UInt8 = 2
        static let arabic: UInt8 = 3
        static let latin: UInt8 = 4
        static let otherLetter: UInt8 = 5
    }

    /// The class of a key unit. Surrogate halves count as letters of another script: their pairs
    /// are letters or symbols of other planes, and as word characters they stay together.
    static func classify(_ unit: UInt16) -> UInt8 {
        guard let scalar = Unicode.Scalar(unit) else { return Code.otherLetter }
        let properties = scalar.properties
        if properties.isWhitespace { return Code.space }
        if properties.numericType == .decimal { return Code.digit }
        guard properties.isAlphabetic || properties.generalCategory == .nonspacingMark else { return Code.punctuation }
        switch unit {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return Code.arabic
        case 0x0041...0x005A, 0x0061...0x007A, 0x00C0...0x024F, 0x1E00...0x1EFF: return Code.latin
        default: return Code.otherLetter
        }
    }

    /// Decodes one scalar of UTF-8 at `index`; invalid bytes give U+FFFD and the length of their
    /// maximal ill-formed subpart, the way the normaliser's decoder counts them.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int, valid: Bool) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1, true) }
        // Two bytes (Arabic script, Cyrillic, Latin with diacritics) decoded here: the general
        // decoder is a call per character, and most characters of Dari and Pashto text take two.
        if lead >= 0xC2 && lead <= 0xDF && index + 1 < end {
            let next = bytes[index + 1]
            if next & 0xC0 == 0x80 {
                // 0x80...0x7FF: never a surrogate, so always a scalar.
                return (Unicode.Scalar(UInt16(lead & 0x1F) << 6 | UInt16(next & 0x3F))!, 2, true)
            }
        }
        let (value, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: end)
        guard let value, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", length, false) }
        return (scalar, length, true)
    }
}
