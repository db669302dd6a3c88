import TextNormalization

/// Turns labels and affixes into matching keys: the key form of the normalisation pipeline (the
/// same code that reads the text being tagged), with spaces removed, since a label matches its
/// joined and spaced spellings alike (امیرخان = امیر خان).
public final class LabelKeys {
    private let normalizer: TextNormalizer
    private var output: [UInt8] = []
    private var issues: [DecodingIssue] = []

    public init() throws(NormalizationSetupError) {
        let context = try NormalizationContext.shared(NormalizationOptions(form: .key, language: .english))
        normalizer = try context.makeNormalizer()
        normalizer.reportsLanguage = false
    }

    /// The matching key of `text` as UTF-16 units.
    public func key(_ text: String) -> [UInt16] { spacedKey(text).key }

    /// The matching key, and where the label had a space: the indices in the key of the units
    /// that follow one.
    public func spacedKey(_ text: String) -> (key: [UInt16], spaces: [Int32]) {
        var bytes = Array(text.utf8)
        // A written ezafe (ه‌ی) is no letter of the key, as in the text `KeyedText` reads.
        if let stripped = WrittenEzafe.stripped(bytes, bytes.indices) { bytes = stripped }
        if let spaced = ElidedArticles.spaced(bytes, bytes.indices) { bytes = spaced }
        output.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        do {
            try normalizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)
        } catch {
            return ([], [])
        }
        var key: [UInt16] = []
        var spaces: [Int32] = []
        for unit in String(decoding: output, as: UTF8.self).utf16 {
            if unit == 0x20 {
                spaces.append(Int32(key.count))
            } else {
                key.append(unit)
            }
        }
        return (key, spaces)
    }

    public func keyString(_ text: String) -> String { String(decoding: key(text), as: UTF16.self) }

    /// Appends the key of the UTF-8 label `bytes[range]` to `units`, and the key positions that
    /// followed a space to `spaces`: the bulk path for big lexicons, without strings.
    /// - Returns: the number of units appended.
    func appendKey(_ bytes: [UInt8], _ range: Range<Int>, to units: inout [UInt16], spaces: inout [Int32]) -> Int {
        if let stripped = WrittenEzafe.stripped(bytes, range) {
            return appendKey(stripped, stripped.indices, to: &units, spaces: &spaces)
        }
        if let spaced = ElidedArticles.spaced(bytes, range) {
            return appendKey(spaced, spaced.indices, to: &units, spaces: &spaces)
        }
        output.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        guard (try? normalizer.normalize(bytes, range, appendingTo: &output, issues: &issues)) != nil else { return 0 }
        let start = units.count
        var index = 0
        while index < output.count {
            let (scalar, length, _) = CharacterKeys.decode(output, at: index, end: output.count)
            index += length
            if scalar == " " {
                spaces.append(Int32(units.count - start))
            } else if scalar.value < 0x1_0000 {
                units.append(UInt16(scalar.value))
            } else {
                units.append(contentsOf: scalar.utf16)
            }
        }
        return units.count - start
    }
}
