import TextNormalization

/// The key form of single characters, computed once per distinct character and remembered.
///
/// Not thread-safe (the cache grows as text is read): one per thread.
public final class CharacterKeys {
    enum Script: Equatable { case neutral, arabic, latin, other }

    enum UnitClass: Equatable {
        case space
        case punctuation
        case word(Script)
    }

    private let normalizer: TextNormalizer
    /// BMP scalar -> range in `pool` (start << 8 | length), or `unknown`.
    private var bmp = [UInt32](repeating: CharacterKeys.unknown, count: 0x1_0000)
    private var pool: [UInt16] = []
    private var astral: [UInt32: [UInt16]] = [:]
    private static let unknown = UInt32.max
    private var output: [UInt8] = []
    private var issues: [DecodingIssue] = []

    public init() throws(NormalizationSetupError) {
        let context = try NormalizationContext(options: NormalizationOptions(form: .key, language: .english))
        normalizer = try context.makeNormalizer()
        normalizer.reportsLanguage = false
    }

    /// The key units of one character: empty for what the key drops (marks, bidi controls, ZWNJ),
    /// a space for whitespace.
    @inline(__always)
    func image(of scalar: Unicode.Scalar) -> ArraySlice<UInt16> {
        if scalar.value < 0x1_0000 {
            let entry = bmp[Int(scalar.value)]
            if entry != CharacterKeys.unknown {
                let start = Int(entry >> 8)
                return pool[start..<start + Int(entry & 0xFF)]
            }
            let units = compute(scalar)
            let start = pool.count
            pool.append(contentsOf: units.prefix(255))
            bmp[Int(scalar.value)] = UInt32(start) << 8 | UInt32(min(units.count, 255))
            return pool[start..<pool.count]
        }
        if let units = astral[scalar.value] { return units[...] }
        let units = compute(scalar)
        astral[scalar.value] = units
        return units[...]
    }

    private func compute(_ scalar: Unicode.Scalar) -> [UInt16] {
        if scalar.properties.isWhitespace { return [0x20] }
        // Between two x's, so that what the key turns into a space (a dash) is not trimmed away.
        let bytes = Array("x\(scalar)x".utf8)
        output.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        guard (try? normalizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)) != nil,
              output.count >= 2, output.first == UInt8(ascii: "x"), output.last == UInt8(ascii: "x") else { return [] }
        return Array(String(decoding: output[1..<(output.count - 1)], as: UTF8.self).utf16)
    }

    /// What a key unit is for word segmentation.
    @inline(__always)
    func unitClass(_ unit: UInt16) -> UnitClass {
        switch CharacterKeys.classes[Int(unit)] {
        case 0: return .space
        case 1: return .punctuation
        case 2: return .word(.neutral)
        case 3: return .word(.arabic)
        case 4: return .word(.latin)
        default: return .word(.other)
        }
    }

    /// Class of every BMP unit: 0 space, 1 punctuation, 2 digit, 3 Arabic letter, 4 Latin letter,
    /// 5 other letter. Surrogate halves count as letters of another script (their pairs are
    /// letters or symbols of other planes; treating them as word characters keeps them together).
    private static let classes: [UInt8] = {
        var classes = [UInt8](repeating: 1, count: 0x1_0000)
        for value in 0..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else {
                classes[value] = 5
                continue
            }
            let properties = scalar.properties
            if properties.isWhitespace {
                classes[value] = 0
            } else if properties.numericType == .decimal {
                classes[value] = 2
            } else if properties.isAlphabetic || properties.generalCategory == .nonspacingMark {
                switch value {
                case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: classes[value] = 3
                case 0x0041...0x005A, 0x0061...0x007A, 0x00C0...0x024F, 0x1E00...0x1EFF: classes[value] = 4
                default: classes[value] = 5
                }
            }
        }
        return classes
    }()

    /// Decodes one scalar of UTF-8 at `index`; invalid bytes give U+FFFD and the length of their
    /// maximal ill-formed subpart, the way the normaliser's decoder counts them.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let (value, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: end)
        return (value.flatMap(Unicode.Scalar.init) ?? "\u{FFFD}", length)
    }
}
