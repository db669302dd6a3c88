internal import CICU

/// Versions of the ICU library linked at run time, for `lexalign --version` and bug reports.
public enum ICUVersion {
    /// The ICU release, e.g. "72.1".
    public static var icu: String { read(cicu_icuVersionString) }

    /// The Unicode version of ICU's character data, e.g. "15.0".
    public static var unicode: String { read(cicu_unicodeVersionString) }

    private static func read(_ fill: (UnsafeMutablePointer<CChar>) -> Void) -> String {
        var buffer = [CChar](repeating: 0, count: Int(cicu_maxVersionStringLength()) + 1)
        buffer.withUnsafeMutableBufferPointer { fill($0.baseAddress!) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
