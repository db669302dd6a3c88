import Glibc

/// Scans over raw bytes for the batch reader and the JSON writers. Unsafe buffers in
/// TextNormalization live in this folder: the reading thread counts every line of the input once
/// while the workers wait, and a byte-by-byte count (checked `Span` indexing; the compiler did not
/// vectorise it) took about 7 instructions a byte, 8% of a two-job `normalize`; `tag` copies every
/// byte of every line into a JSON string, and looking at them one by one for quotes and controls
/// took 17 instructions a byte. The buffer is the array's (or the string's) own storage, taken for the
/// length of the closure; every 8-byte load starts at least 8 bytes before `buffer.count`, and the byte reads
/// after it are below it. Lines are found and counted with the C library's `memchr`, given the same bounds;
/// the lexicon's fast readers find fields with it too (most of labels.tsv's bytes are notes). The text
/// form looks at every byte of an English line to see whether the line is its own text form: a
/// word at a time, with an append per word, that was about 57 instructions a byte.
public enum ByteScan {
    /// The index of the first line feed in `bytes` at or after `start`, or `bytes.count`: every
    /// line of every chunk is found this way, and `memchr` reads words, not bytes.
    @inlinable
    public static func nextLineFeed(in bytes: [UInt8], from start: Int) -> Int {
        next(0x0A, in: bytes, from: start, to: bytes.count)
    }

    /// The index of the first `byte` in `bytes[start..<end]`, or `end` (clamped to the array).
    @usableFromInline
    static func next(_ byte: UInt8, in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        let end = min(end, bytes.count)
        guard start >= 0, start < end else { return max(end, 0) }
        return bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + start, Int32(byte), end - start) else { return end }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// The index of the first `byte` in `bytes[range]`, or nil: a stray control in a line of text.
    public static func first(_ byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        let found = next(byte, in: bytes, from: range.lowerBound, to: range.upperBound)
        return found < range.upperBound ? found : nil
    }

    /// The index of the first tab in `bytes[start..<end]`, or `end`: fields of a TSV line.
    public static func nextTab(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        next(0x09, in: bytes, from: start, to: end)
    }

    /// The number of line feeds in `bytes`, found one after another with `memchr`, which scans
    /// 32 bytes an instruction on this machine: a line of news costs a few dozen instructions,
    /// where eight bytes at a time cost 3.6 a byte, on the reading thread the workers wait for.
    static func lineFeeds(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var total = 0
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                total += 1
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
            }
            return total
        }
    }

    /// The index in `bytes` of the first byte a JSON string must escape (a control below 0x20, `"`,
    /// `\`, DEL), or `bytes.endIndex`: eight bytes at a time.
    static func firstJSONEscape(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { bytes.startIndex + firstJSONEscape(in: $0, from: 0) }
    }

    /// `string`'s UTF-8 as the inside of a JSON string literal: runs that need no escape found
    /// eight bytes at a time and appended whole, straight from the string's storage (a native
    /// string's, or a small string's copy on the stack: `withContiguousStorageIfAvailable` lends
    /// it for the closure); `escape` writes each byte that needs one. Labels, identifiers and
    /// surfaces went byte by byte before, an append each: 3,000 instructions a mention in a line
    /// that is all names. False, having appended nothing, for a string without contiguous UTF-8
    /// (one bridged from elsewhere), which the caller then writes byte by byte.
    static func appendJSONEscaped(_ string: String, to output: inout [UInt8],
                                  escape: (UInt8, inout [UInt8]) -> Void) -> Bool {
        let done: Bool? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            var runStart = 0
            while runStart < raw.count {
                let index = firstJSONEscape(in: raw, from: runStart)
                output.append(contentsOf: utf8[runStart..<index])
                guard index < raw.count else { break }
                escape(raw[index], &output)
                runStart = index + 1
            }
            return true
        }
        return done ?? false
    }

    /// The offset in `buffer` of the first byte at or after `start` that a JSON string must
    /// escape, or `buffer.count`. Every test is exact byte by byte (no carry crosses a byte), so
    /// the lowest flagged byte is the first.
    private static func firstJSONEscape(in buffer: UnsafeRawBufferPointer, from start: Int) -> Int {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        while offset + 8 <= buffer.count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // Below 0x20: the high bit clear, and the low seven bits plus 0x60 stay under 0x80.
            let controls = ~((word & lows) &+ 0x6060_6060_6060_6060) & ~word & highs
            let flagged = controls | zeroBytes(word ^ 0x2222_2222_2222_2222)
                | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C) | zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
            if flagged != 0 { return offset + flagged.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < buffer.count {
            let byte = buffer[offset]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return offset }
            offset += 1
        }
        return buffer.count
    }

    /// Whether `bytes[range]` is printable ASCII (0x20...0x7E) with no space at either end and
    /// never two spaces together, so that its words joined by single spaces are the line itself;
    /// and whether it has an ASCII letter. Eight bytes at a time; every test is exact byte by byte.
    static func plainASCIILine(_ bytes: [UInt8], _ range: Range<Int>) -> (plain: Bool, hasLetter: Bool) {
        guard let first = range.first, range.upperBound <= bytes.count else { return (range.isEmpty, false) }
        guard bytes[first] != 0x20, bytes[range.upperBound - 1] != 0x20 else { return (false, false) }
        return bytes.withUnsafeBytes { buffer in
            let highs: UInt64 = 0x8080_8080_8080_8080
            var hasLetter = false
            var spaceBefore = false
            var offset = range.lowerBound
            while offset + 8 <= range.upperBound {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // Below 0x80 first: then no sum below carries out of its byte.
                guard word & highs == 0, (word &+ 0x6060_6060_6060_6060) & highs == highs,
                      (word &+ 0x0101_0101_0101_0101) & highs == 0 else { return (false, false) }
                let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
                if spaces & (spaces >> 8) != 0 || spaceBefore && spaces & 0x80 != 0 { return (false, false) }
                spaceBefore = spaces >> 63 != 0
                if !hasLetter {
                    // Folded to lower case (0x20 set): a letter is 0x61...0x7A.
                    let folded = word | 0x2020_2020_2020_2020
                    hasLetter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & highs != 0
                }
                offset += 8
            }
            while offset < range.upperBound {
                let byte = buffer[offset]
                guard byte >= 0x20 && byte < 0x7F, byte != 0x20 || !spaceBefore else { return (false, false) }
                spaceBefore = byte == 0x20
                hasLetter = hasLetter || (byte | 0x20) &- 0x61 < 26
                offset += 1
            }
            return (true, hasLetter)
        }
    }

    /// The high bit of each byte set exactly where the byte of `word` is zero (no carry crosses a
    /// byte: the low seven bits are added apart from the high one).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & lows) &+ lows) | word | lows)
    }
}
