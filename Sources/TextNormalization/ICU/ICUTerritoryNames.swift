internal import CICU

/// The names CLDR gives countries and territories in each language, as the linked ICU ships them
/// (`uloc_getDisplayCountry`): reference data the lexicon's country labels are checked against.
public enum ICUTerritoryNames {
    /// CLDR's name of `region` (an ISO 3166-1 alpha-2 code) in the ICU locale `locale` (`fa_AF`,
    /// `uz_Cyrl`), or nil when ICU has no data for that locale (it would answer in its root
    /// language) or no name for the region (it would answer with the code).
    public static func name(of region: String, in locale: String) -> String? {
        var status = U_ZERO_ERROR
        // Names are short; a longer answer is refused rather than cut.
        var buffer = [UChar](repeating: 0, count: 128)
        let length = buffer.withUnsafeMutableBufferPointer { units in
            cicu_uloc_getDisplayCountry("und_" + region, locale, units.baseAddress, Int32(units.count), &status)
        }
        guard cicu_failure(status) == 0, cicu_isUsingDefault(status) == 0, length > 0, Int(length) <= buffer.count
        else { return nil }
        let name = String(decoding: buffer[..<Int(length)], as: UTF16.self)
        return name == region ? nil : name
    }
}
