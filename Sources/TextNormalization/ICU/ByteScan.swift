/// Scans over raw bytes for the batch reader. Unsafe buffers in TextNormalization live in this
/// folder: the reading thread counts every byte of the input once while the workers wait, and a
/// byte-by-byte count (checked `Span` indexing; the compiler did not vectorise it) took about
/// 7 instructions a byte, 8% of a two-job `normalize`. The buffer is the array's own storage,
/// taken for the length of the closure; every 8-byte load starts at least 8 bytes before
/// `buffer.count`, and the byte reads after it are below it.
enum ByteScan {
    /// The number of line feeds in `bytes`: eight bytes at a time (a byte equal to LF becomes a
    /// zero byte, and the zero bytes of a word are counted by their high bits), the last few one
    /// by one.
    static func lineFeeds(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let feeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            var total = 0
            var offset = 0
            while offset + 8 <= buffer.count {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ feeds
                // High bit of each byte set exactly where the byte is zero.
                let zeroes = ~(((word & lows) &+ lows) | word | lows)
                total += zeroes.nonzeroBitCount
                offset += 8
            }
            while offset < buffer.count {
                if buffer[offset] == 0x0A { total += 1 }
                offset += 1
            }
            return total
        }
    }
}
