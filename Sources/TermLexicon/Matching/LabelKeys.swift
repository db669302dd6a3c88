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
    public func key(_ text: String) -> [UInt16] {
        let bytes = Array(text.utf8)
        output.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        do {
            try normalizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)
        } catch {
            return []
        }
        return String(decoding: output, as: UTF8.self).utf16.filter { $0 != 0x20 }
    }

    public func keyString(_ text: String) -> String { String(decoding: key(text), as: UTF16.self) }
}
