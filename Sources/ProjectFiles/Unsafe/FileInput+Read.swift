#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileInput {
    /// Reads straight into the array the chunk is handed on in. Why a pointer: `read(2)` fills
    /// memory it is given, and the array's own storage is the only place the bytes need to be;
    /// reading into a scratch array and appending from it copied every byte of the input once
    /// more on the reading thread. The pointer is the array's storage, taken for the length of the
    /// closure, and `read` is given `offset` within it and never more than the bytes after it.
    public func read(into buffer: inout [UInt8], at offset: Int) throws -> Int {
        precondition(offset >= 0 && offset <= buffer.count)
        while true {
            let count = buffer.withUnsafeMutableBytes { storage in
                Glibc.read(descriptor, storage.baseAddress! + offset, storage.count - offset)
            }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw InputError(path: displayName, reason: String(cString: strerror(errno)))
        }
    }
}
