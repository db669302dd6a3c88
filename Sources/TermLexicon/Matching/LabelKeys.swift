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
        let bytes = Array(text.utf8)
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
}
