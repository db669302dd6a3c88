internal import CICU

/// Character properties from ICU's data (which may be newer than the Swift standard library's).
public enum UnicodeProperties {
    /// The ISO 15924 short name of the scalar's Script property ("Arab", "Latn", "Cyrl", "Zyyy").
    public static func scriptCode(of scalar: Unicode.Scalar) -> String {
        let code = cicu_script(Int32(bitPattern: scalar.value))
        guard code >= 0, let name = cicu_scriptShortName(code) else { return "Zzzz" }
        return String(cString: name)
    }

    /// ICU's number for the scalar's Script property, for callers that look at many scalars and
    /// name only the scripts they meet (`scriptName(number:)`).
    public static func scriptNumber(of scalar: Unicode.Scalar) -> Int32 {
        cicu_script(Int32(bitPattern: scalar.value))
    }

    /// The ISO 15924 short name of an ICU script number ("Zzzz" when unknown).
    public static func scriptName(number: Int32) -> String {
        guard number >= 0, let name = cicu_scriptShortName(number) else { return "Zzzz" }
        return String(cString: name)
    }

    /// Whether ICU considers the scalar alphabetic (letters, and marks that are part of letters).
    public static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        cicu_isAlphabetic(Int32(bitPattern: scalar.value)) != 0
    }
}
