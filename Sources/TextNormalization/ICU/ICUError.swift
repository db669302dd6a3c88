internal import CICU

/// A failure reported by ICU: its error name (e.g. `U_ILLEGAL_ARGUMENT_ERROR`) and what was being done.
public struct ICUError: Error, CustomStringConvertible, Equatable, Sendable {
    public let code: Int32
    public let name: String
    public let operation: String

    public var description: String { "ICU \(operation) failed: \(name)" }
}

extension ICUError {
    init(_ status: UErrorCode, _ operation: String) {
        self.code = Int32(status.rawValue)
        self.name = String(cString: cicu_errorName(status))
        self.operation = operation
    }
}

/// The one status check: throws when `status` is a failure; warnings (negative codes) pass.
@inline(__always)
func checkICU(_ status: UErrorCode, _ operation: @autoclosure () -> String) throws(ICUError) {
    if cicu_failure(status) != 0 { throw ICUError(status, operation()) }
}

/// Runs an ICU call that writes UTF-16 into a caller buffer and returns the length it needed; when
/// the buffer was too small, grows it to that length and calls again. `dest` keeps its capacity
/// between calls, so a reused buffer stops allocating once it has seen the longest line.
///
/// - Returns: the number of code units written to the front of `dest`.
func fillUTF16(
    _ dest: inout [UInt16],
    minimumCapacity: Int,
    _ operation: @autoclosure () -> String,
    _ call: (UnsafeMutablePointer<UInt16>, Int32, inout UErrorCode) -> Int32
) throws(ICUError) -> Int {
    if dest.count < minimumCapacity { dest = [UInt16](repeating: 0, count: minimumCapacity) }
    for _ in 0..<2 {
        var status = U_ZERO_ERROR
        let needed = dest.withUnsafeMutableBufferPointer { buffer in
            call(buffer.baseAddress!, Int32(clamping: buffer.count), &status)
        }
        if status == U_BUFFER_OVERFLOW_ERROR {
            dest = [UInt16](repeating: 0, count: Int(needed) + 16)
            continue
        }
        try checkICU(status, operation())
        return Int(needed)
    }
    throw ICUError(U_BUFFER_OVERFLOW_ERROR, operation())
}

/// Copies a String's UTF-16 code units into an array for ICU.
func utf16Array(_ string: String) -> [UInt16] { Array(string.utf16) }
