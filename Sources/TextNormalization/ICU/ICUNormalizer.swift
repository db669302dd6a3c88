internal import CICU

/// One of ICU's Unicode normalisers (`UNormalizer2`).
///
/// Thread safety: the NFC, NFKC, NFKD and NFKC_Casefold instances are immutable process-wide singletons
/// owned by ICU (never closed); a filtered normaliser is immutable after creation. ICU documents
/// `unorm2_normalize` as safe to call concurrently on one instance, hence `@unchecked Sendable`.
public final class ICUNormalizer: @unchecked Sendable {
    public enum Kind: Sendable { case nfc, nfkc, nfkd, nfkcCasefold }

    private let handle: OpaquePointer
    private let ownsHandle: Bool
    private let filter: ICUSet?

    public init(_ kind: Kind) throws(ICUError) {
        var status = U_ZERO_ERROR
        let instance: OpaquePointer?
        switch kind {
        case .nfc: instance = cicu_unorm2_getNFCInstance(&status)
        case .nfkc: instance = cicu_unorm2_getNFKCInstance(&status)
        case .nfkd: instance = cicu_unorm2_getNFKDInstance(&status)
        case .nfkcCasefold: instance = cicu_unorm2_getNFKCCasefoldInstance(&status)
        }
        try checkICU(status, "unorm2_get\(kind)Instance")
        guard let instance else { throw ICUError(U_MISSING_RESOURCE_ERROR, "unorm2_get\(kind)Instance") }
        handle = instance
        ownsHandle = false
        filter = nil
    }

    /// A normaliser that applies `kind` only to the characters of `filterPattern` (an ICU
    /// UnicodeSet pattern) and copies every other character unchanged.
    public init(_ kind: Kind, onlyIn filterPattern: String) throws(ICUError) {
        let base = try ICUNormalizer(kind)
        let set = try ICUSet(pattern: filterPattern)
        var status = U_ZERO_ERROR
        let instance = cicu_unorm2_openFiltered(base.handle, set.handle, &status)
        try checkICU(status, "unorm2_openFiltered")
        guard let instance else { throw ICUError(U_MEMORY_ALLOCATION_ERROR, "unorm2_openFiltered") }
        handle = instance
        ownsHandle = true
        filter = set  // ICU keeps a pointer to the set; it must live as long as the normaliser.
    }

    deinit {
        if ownsHandle { cicu_unorm2_close(handle) }
    }

    /// The length of the prefix of `source[0..<count]` that is certainly already normalised.
    public func normalizedPrefixLength(_ source: [UInt16], count: Int) -> Int {
        precondition(count <= source.count)
        var status = U_ZERO_ERROR
        let span = source.withUnsafeBufferPointer { buffer in
            cicu_unorm2_spanQuickCheckYes(handle, buffer.baseAddress, Int32(count), &status)
        }
        return cicu_failure(status) != 0 ? 0 : Int(span)
    }

    /// Whether text always has a normalisation boundary before `scalar`: what comes before it and
    /// what comes from it on are then normalised independently.
    public func hasBoundaryBefore(_ scalar: UInt32) -> Bool {
        cicu_unorm2_hasBoundaryBefore(handle, UChar32(bitPattern: scalar)) != 0
    }

    /// Normalises `source[0..<count]` into the front of `dest`, returning the length written.
    /// `dest` is grown when needed and is meant to be reused across calls.
    public func normalize(_ source: [UInt16], count: Int, into dest: inout [UInt16]) throws(ICUError) -> Int {
        precondition(count <= source.count)
        return try source.withUnsafeBufferPointer { (input) throws(ICUError) -> Int in
            try fillUTF16(&dest, minimumCapacity: count + count / 2 + 16, "unorm2_normalize") { out, capacity, status in
                cicu_unorm2_normalize(handle, input.baseAddress, Int32(count), out, capacity, &status)
            }
        }
    }

    /// Convenience for tests and small inputs.
    public func normalize(_ string: String) throws(ICUError) -> String {
        let source = utf16Array(string)
        var dest: [UInt16] = []
        let length = try normalize(source, count: source.count, into: &dest)
        return String(decoding: dest[0..<length], as: UTF16.self)
    }
}
