internal import CICU

/// A frozen ICU UnicodeSet built from a pattern such as `[\u0600-\u06FF]` or `[:Arabic:]`.
/// Frozen sets are immutable and safe to share between threads.
public final class ICUSet: @unchecked Sendable {
    let handle: OpaquePointer

    public init(pattern: String) throws(ICUError) {
        let units = utf16Array(pattern)
        var status = U_ZERO_ERROR
        let set = units.withUnsafeBufferPointer { cicu_uset_openPattern($0.baseAddress, Int32($0.count), &status) }
        try checkICU(status, "uset_openPattern(\(pattern))")
        guard let set else { throw ICUError(U_MEMORY_ALLOCATION_ERROR, "uset_openPattern") }
        cicu_uset_freeze(set)
        handle = set
    }

    deinit { cicu_uset_close(handle) }

    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        cicu_uset_contains(handle, Int32(bitPattern: scalar.value)) != 0
    }
}
