internal import CICU

/// ICU's spoof checker (UTS #39), for finding mixed-script and confusable labels in lexicons.
///
/// Thread safety: after configuration in `init` the checker is only read; ICU documents concurrent
/// checks on one configured `USpoofChecker` as safe, hence `@unchecked Sendable`.
public final class ICUSpoofChecker: @unchecked Sendable {
    /// What the checker found wrong with one string.
    public struct Findings: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Scripts mixed beyond what one writing system uses (Cyrillic а in "Kabul", Latin in Dari).
        public static let mixedScript = Findings(rawValue: Int32(bitPattern: USPOOF_RESTRICTION_LEVEL.rawValue))
        /// Digits from more than one numbering system.
        public static let mixedNumbers = Findings(rawValue: Int32(bitPattern: USPOOF_MIXED_NUMBERS.rawValue))
        /// Invisible characters, such as a combining mark repeated.
        public static let invisible = Findings(rawValue: Int32(bitPattern: USPOOF_INVISIBLE.rawValue))
    }

    private let handle: OpaquePointer

    public init() throws(ICUError) {
        var status = U_ZERO_ERROR
        guard let opened = cicu_uspoof_open(&status) else { throw ICUError(status, "uspoof_open") }
        try checkICU(status, "uspoof_open")
        let checks = Findings.mixedScript.rawValue | Findings.mixedNumbers.rawValue | Findings.invisible.rawValue
            | Int32(bitPattern: USPOOF_CONFUSABLE.rawValue)
        cicu_uspoof_setChecks(opened, checks, &status)
        cicu_uspoof_setRestrictionLevel(opened, USPOOF_HIGHLY_RESTRICTIVE)
        if cicu_failure(status) != 0 {
            cicu_uspoof_close(opened)
            throw ICUError(status, "uspoof_setChecks")
        }
        handle = opened
    }

    deinit { cicu_uspoof_close(handle) }

    /// The problems of one identifier-like string (a lexicon label).
    public func check(_ string: String) throws(ICUError) -> Findings {
        let units = utf16Array(string)
        var status = U_ZERO_ERROR
        guard let result = cicu_uspoof_openCheckResult(&status) else {
            throw ICUError(status, "uspoof_openCheckResult")
        }
        defer { cicu_uspoof_closeCheckResult(result) }
        let failed = units.withUnsafeBufferPointer {
            cicu_uspoof_check2(handle, $0.baseAddress, Int32($0.count), result, &status)
        }
        try checkICU(status, "uspoof_check2")
        return Findings(rawValue: failed).intersection([.mixedScript, .mixedNumbers, .invisible])
    }

    /// Whether two strings look alike (UTS #39 skeletons equal), e.g. "Kabul" and "Кabul".
    public func areConfusable(_ a: String, _ b: String) throws(ICUError) -> Bool {
        let left = utf16Array(a)
        let right = utf16Array(b)
        var status = U_ZERO_ERROR
        let result = left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                cicu_uspoof_areConfusable(handle, l.baseAddress, Int32(l.count), r.baseAddress, Int32(r.count), &status)
            }
        }
        try checkICU(status, "uspoof_areConfusable")
        return result != 0
    }

    /// The UTS #39 skeleton of `string`: strings with equal skeletons are confusable.
    public func skeleton(_ string: String) throws(ICUError) -> String {
        let units = utf16Array(string)
        var dest: [UInt16] = []
        let length = try units.withUnsafeBufferPointer { (input) throws(ICUError) -> Int in
            try fillUTF16(&dest, minimumCapacity: input.count * 2 + 8, "uspoof_getSkeleton") { out, capacity, status in
                cicu_uspoof_getSkeleton(handle, input.baseAddress, Int32(input.count), out, capacity, &status)
            }
        }
        return String(decoding: dest[0..<length], as: UTF16.self)
    }
}
