// The key form's hot loop (`TextNormalizer.normalizeBySegments`) over raw buffers. Through checked
// spans a character paid a bounds check on the input for each of its bytes, one on the table and
// one for each byte it wrote, and kept its output position in memory across them: about 58
// instructions a character, 78 M of the 127 M that `normalize --form key` spends on the 2 MB mixed
// sample. Here the line, the table and the output buffer are lent for the length of one call, and
// every access stays inside them because:
// - the line is read below `end`, checked once against the array's count, and a continuation byte
//   only after checking that its index is below `end`;
// - the table has 0x10000 entries (checked once) and is indexed only by a scalar that one, two or
//   three bytes decode to (below 0x10000), or that `entry(_:)` checks;
// - a character is written only while `written <= buffer.count - headroom`, checked before it, and
//   it writes at most a space and a four-byte store (an inline entry), or a space and 63 pooled
//   bytes: both below `headroom`.

extension SegmentTable {
    /// Where a walk over a line stands between calls of `writeTableCharacters`: the next byte, the
    /// bytes written, whether a space waits for what follows, and the last character written from
    /// the table, to take back when a slow one follows it (where it starts, -1 when there is none or
    /// a space came after it, and `written` before it).
    struct Walk {
        var index: Int
        var written = 0
        var pendingSpace = false
        var takeBackFrom = -1
        var writtenBefore = 0

        init(index: Int) { self.index = index }
    }

    /// The room a character needs after `written`: a space, and four bytes stored at once or 63
    /// pooled ones.
    static let headroom = 72

    /// Writes the characters of `bytes[walk.index..<end]` that have an entry into `buffer` from
    /// `walk.written`, spaces collapsed and the line's start trimmed, up to the first slow character
    /// (`walk.index` is then its first byte) or `end`. False when the buffer has no room left for
    /// the next character: the caller then sends the line through the pipeline.
    func writeTableCharacters(_ bytes: [UInt8], end: Int, into buffer: inout [UInt8], walk: inout Walk) -> Bool {
        precondition(end <= bytes.count && entries.count == 0x1_0000, "line or table out of bounds")
        return bytes.withUnsafeBufferPointer { input in
            entries.withUnsafeBufferPointer { table in
                buffer.withUnsafeMutableBytes { out in
                    walkLine(input.baseAddress!, bytes, end: end, table: table.baseAddress!, out: out.baseAddress!,
                             limit: out.count - SegmentTable.headroom, walk: &walk)
                }
            }
        }
    }

    /// The loop of `writeTableCharacters` over the lent buffers (`bytes` is `input`'s array, for the
    /// rare sequences `UTF8Decoding.decodeMultiByte` decodes). The walk's fields are copied into
    /// locals, so that they stay in registers, and back at the end.
    private func walkLine(_ input: UnsafePointer<UInt8>, _ bytes: [UInt8], end: Int, table: UnsafePointer<UInt32>,
                          out: UnsafeMutableRawPointer, limit: Int, walk: inout Walk) -> Bool {
        var index = walk.index, written = walk.written, pending = walk.pendingSpace ? 1 : 0
        var takeBackFrom = walk.takeBackFrom, writtenBefore = walk.writtenBefore
        var fits = true
        while index < end {
            let lead = input[index]
            var entry: UInt32, length: Int
            if lead < 0x80 {
                (entry, length) = (table[Int(lead)], 1)
            } else if lead >= 0xC2 && lead <= 0xDF && index &+ 1 < end && input[index &+ 1] & 0xC0 == 0x80 {
                (entry, length) = (table[Int(lead & 0x1F) << 6 | Int(input[index &+ 1] & 0x3F)], 2)
            } else if lead >= 0xE1 && lead <= 0xEC && index &+ 2 < end && input[index &+ 1] & 0xC0 == 0x80
                        && input[index &+ 2] & 0xC0 == 0x80 {
                let scalar = Int(lead & 0x0F) << 12 | Int(input[index &+ 1] & 0x3F) << 6 | Int(input[index &+ 2] & 0x3F)
                (entry, length) = (table[scalar], 3)
            } else {
                let (scalar, count) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: end)
                (entry, length) = (self.entry(scalar ?? UTF8Decoding.invalid), count)
            }
            let kind = entry & 3
            if kind == SegmentTable.kindSpace {
                takeBackFrom = -1
                pending = written > 0 ? 1 : 0
                index &+= length
                continue
            }
            if kind == 0 { break }
            guard written <= limit else {
                fits = false
                break
            }
            (takeBackFrom, writtenBefore) = (index, written)
            if kind == SegmentTable.kindInline {
                let count = Int((entry >> 2) & 3)
                if count > 0 {
                    // The space is stored either way and counted only when it waits.
                    out.storeBytes(of: 0x20, toByteOffset: written, as: UInt8.self)
                    written &+= pending
                    pending = 0
                    out.storeBytes(of: (entry >> 8).littleEndian, toByteOffset: written, as: UInt32.self)
                    written &+= count
                }
            } else {
                if pending != 0 {
                    out.storeBytes(of: 0x20, toByteOffset: written, as: UInt8.self)
                    written &+= 1
                    pending = 0
                }
                for byte in pool[SegmentTable.pooled(entry)] {
                    out.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
                    written &+= 1
                }
            }
            index &+= length
        }
        (walk.index, walk.written, walk.pendingSpace) = (index, written, pending != 0)
        (walk.takeBackFrom, walk.writtenBefore) = (takeBackFrom, writtenBefore)
        return fits
    }

    /// Whether a space waited before the character `walk.takeBackFrom`: an entry's bytes hold no
    /// space, so when the character wrote any, the byte at `writtenBefore` is a space exactly when
    /// one was written for it; a character that wrote nothing left the space as it was.
    func pendingBeforeTakeBack(_ walk: Walk, in buffer: [UInt8]) -> Bool {
        walk.written > walk.writtenBefore ? buffer[walk.writtenBefore] == 0x20 : walk.pendingSpace
    }
}
