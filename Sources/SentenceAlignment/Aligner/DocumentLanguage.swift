import TextNormalization

/// The language most lines of a document are in, as `--lang auto` decides per line.
public enum DocumentLanguage {
    /// `.undetermined` when no line is clearly English, Dari or Pashto.
    public static func guess(_ lines: [String]) throws(NormalizationSetupError) -> Language {
        let reader = try NormalizationContext.shared(NormalizationOptions(form: .key)).makeNormalizer()
        var counts: [Language: Int] = [:]
        for line in lines {
            let bytes = Array(line.utf8)
            counts[reader.language(of: bytes, bytes.indices), default: 0] += 1
        }
        counts[.undetermined] = nil
        return counts.max { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }?.key ?? .undetermined
    }
}
