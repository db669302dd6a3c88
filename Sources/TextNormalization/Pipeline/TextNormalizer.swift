/// The normalisation pipeline for one thread: steps 1–6 of DESIGN.md over one line at a time.
///
/// Not thread-safe (it reuses its buffers and owns ICU transliterators); make one per thread with
/// `NormalizationContext.makeNormalizer()`.
public final class TextNormalizer {
    public let context: NormalizationContext
    /// Whether a line's language is worked out when the form does not need it (the key form is the
    /// same in every language). Turn off to save time when nobody reads `language`.
    public var reportsLanguage = true

    private let romanizer: Romanizer?
    private var decoded: [UInt16] = []
    private var normalized: [UInt16] = []
    private var mapped: [UInt16] = []
    private var issues: [DecodingIssue] = []

    init(context: NormalizationContext) throws(NormalizationSetupError) {
        self.context = context
        if let data = context.romanization {
            do {
                romanizer = try Romanizer(data: data, keyFolding: context.tables.keyFolding)
            } catch {
                throw .data(error)
            }
        } else {
            romanizer = nil
        }
    }

    public var options: NormalizationOptions { context.options }

    /// Normalises one line given as a String (tests, small inputs, lexicon labels).
    public func normalize(_ line: String) throws(ICUError) -> (text: String, language: Language) {
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        var issues: [DecodingIssue] = []
        let language = try normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)
        return (String(decoding: output, as: UTF8.self), language)
    }

    /// Normalises the UTF-8 line `bytes[range]` (without its line terminator) and appends the
    /// result, as UTF-8 without a terminator, to `output`.
    ///
    /// - Parameter issues: receives what was wrong with the bytes (invalid UTF-8, NUL).
    /// - Returns: the language the line was treated as.
    /// - Complexity: O(n) in the length of the line.
    @discardableResult
    public func normalize(
        _ bytes: [UInt8], _ range: Range<Int>, appendingTo output: inout [UInt8], issues: inout [DecodingIssue]
    ) throws(ICUError) -> Language {
        let context = self.context
        var counts = LetterCounts()
        let allASCII = context.decoder.decode(bytes, range, into: &decoded, counts: &counts, issues: &issues)
        let form = context.options.form

        var language = Language.undetermined
        if let fixed = context.options.language {
            language = fixed
        } else if form != .key || reportsLanguage {
            language = context.detector.language(of: decoded, count: decoded.count, counts: counts)
        }

        // Step 3: Unicode normalisation. ASCII is already NFC and NFKC; the key form's lower-casing
        // of ASCII is done by its table in step 5.
        var source = decoded
        if !allASCII {
            let count = decoded.count
            if context.unicodeNormalizer.normalizedPrefixLength(decoded, count: count) < count {
                let length = try context.unicodeNormalizer.normalize(decoded, count: count, into: &normalized)
                normalized.removeSubrange(length...)
                source = normalized
            }
        }

        // Steps 4 and 5: the character tables of the form and language.
        let map = form == .key ? context.tables.keyFolding : context.tables.orthography(for: language)
        var changedShape = apply(map, to: source)
        // A dropped character (a tatweel between a letter and its mark) can leave a sequence that
        // is no longer normalised; normalise and map once more so the output is idempotent.
        if changedShape && !allASCII {
            let count = mapped.count
            if context.unicodeNormalizer.normalizedPrefixLength(mapped, count: count) < count {
                let length = try context.unicodeNormalizer.normalize(mapped, count: count, into: &normalized)
                normalized.removeSubrange(length...)
                changedShape = apply(map, to: normalized)
            }
        }

        // Step 6: romanisation.
        var count = mapped.count
        if let romanizer {
            try romanizer.romanize(&mapped, count: &count, language: language)
        }
        TextNormalizer.appendUTF8(mapped, count: count, to: &output)
        return language
    }

    /// Maps every unit of `source` through `map` into `mapped`.
    /// - Returns: whether a unit was dropped or became several (which may need renormalising).
    private func apply(_ map: CodeUnitMap, to source: [UInt16]) -> Bool {
        mapped.removeAll(keepingCapacity: true)
        var changedShape = false
        for unit in source {
            let before = mapped.count
            map.apply(unit, to: &mapped)
            if mapped.count != before + 1 { changedShape = true }
        }
        return changedShape
    }

    /// Encodes UTF-16 as UTF-8, collapsing runs of spaces and trimming both ends.
    private static func appendUTF8(_ units: [UInt16], count: Int, to output: inout [UInt8]) {
        var pendingSpace = false
        var wroteAny = false
        var index = 0
        while index < count {
            let unit = units[index]
            index += 1
            if unit == 0x20 {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            wroteAny = true
            if unit < 0x80 {
                output.append(UInt8(unit))
            } else if unit < 0x800 {
                output.append(UInt8(0xC0 | (unit >> 6)))
                output.append(UInt8(0x80 | (unit & 0x3F)))
            } else if unit >= 0xD800 && unit < 0xDC00 && index < count && units[index] >= 0xDC00 && units[index] < 0xE000 {
                let scalar = 0x1_0000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                index += 1
                output.append(UInt8(0xF0 | (scalar >> 18)))
                output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else if unit >= 0xD800 && unit < 0xE000 {
                // An unpaired surrogate cannot be written in UTF-8 (the decoder never makes one).
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                output.append(UInt8(0xE0 | (unit >> 12)))
                output.append(UInt8(0x80 | ((unit >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (unit & 0x3F)))
            }
        }
    }
}
