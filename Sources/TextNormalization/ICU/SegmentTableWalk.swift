// The key form's hot loop (`TextNormalizer.normalizeBySegments`) over raw buffers. Through checked
// spans a character paid a bounds check on the input for each of its bytes, one on the table and
// one for each byte it wrote, and kept its output position in memory across them: about 58
// instructions a character, 78 M of the 127 M that `normalize --form key` spends on the 2 MB mixed
// sample. Here the line, the table and the output buffer are lent for the length of one call, and
// every access stays inside them because:
// - the line is read below `end`, checked once against the array's count: a continuation byte only
//   after checking that its index is below `end`, eight bytes at once only when `index + 8 <= end`,
//   and backwards (`takeBack`) not before the walk's start;
// - the table has 0x10000 entries (checked once) and is indexed only by a scalar that one, two or
//   three bytes decode to (below 0x10000), or that `entry(_:)` checks;
// - the walk starts only when the buffer has `4 * (end - index) + headroom` bytes free after
//   `written`: a character of n bytes writes at most 4n (`bytesPerInputByte`, a space before it
//   included; a run of n ASCII letters writes n and a space), and a store may touch up to eight
//   bytes beyond what it counts (an inline entry is stored as four bytes, a run of letters as
//   eight), which `headroom` covers.

extension SegmentTable {
    /// Where a walk over a line stands between calls of `writeTableCharacters`: the next byte, the
    /// bytes written, whether a space waits for what follows, and where the characters written from
    /// the table since the last space or pipeline run start (`takeBack` finds the last of them).
    struct Walk {
        var index: Int
        var written = 0
        var pendingSpace = false
        var tableRunStart: Int

        init(index: Int) {
            self.index = index
            tableRunStart = index
        }
    }

    /// Bytes beyond the most a walk counts that its stores may touch.
    static let headroom = 16

    /// Writes the characters of `bytes[walk.index..<end]` that have an entry into `buffer` from
    /// `walk.written`, spaces collapsed and the line's start trimmed, up to the first slow character
    /// (`walk.index` is then its first byte) or `end`. False, having written nothing, when the
    /// buffer has not room for the rest of the line at the most it could write: the caller then
    /// sends the line through the pipeline.
    func writeTableCharacters(_ bytes: [UInt8], end: Int, into buffer: inout [UInt8], walk: inout Walk) -> Bool {
        precondition(end <= bytes.count && walk.index <= end && entries.count == 0x1_0000,
                     "line or table out of bounds")
        guard walk.index < end else { return true }
        guard walk.written + SegmentTable.bytesPerInputByte * (end - walk.index) + SegmentTable.headroom
                <= buffer.count else { return false }
        bytes.withUnsafeBufferPointer { input in
            entries.withUnsafeBufferPointer { table in
                buffer.withUnsafeMutableBytes { out in
                    walkLine(input.baseAddress!, bytes, end: end, table: table.baseAddress!, out: out.baseAddress!,
                             walk: &walk)
                }
            }
        }
        return true
    }

    /// The loop of `writeTableCharacters` over the lent buffers (`bytes` is `input`'s array, for the
    /// rare sequences `UTF8Decoding.decodeMultiByte` decodes). The walk's fields are copied into
    /// locals, so that they stay in registers, and back at the end.
    private func walkLine(_ input: UnsafePointer<UInt8>, _ bytes: [UInt8], end: Int, table: UnsafePointer<UInt32>,
                          out: UnsafeMutableRawPointer, walk: inout Walk) {
        var index = walk.index, written = walk.written, pending = walk.pendingSpace ? 1 : 0
        var tableRunStart = walk.tableRunStart
        let lowerCaseRuns = writesASCIILettersInLowerCase
        while index < end {
            let lead = input[index]
            var entry: UInt32, length: Int
            if lead < 0x80 {
                if lowerCaseRuns && (lead | 0x20) &- 0x61 < 26 && index &+ 8 <= end {
                    // A run of ASCII letters, up to eight, in one load and one store.
                    let word = UInt64(littleEndian: UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self))
                    let run = SegmentTable.leadingASCIILetters(word)
                    out.storeBytes(of: 0x20, toByteOffset: written, as: UInt8.self)
                    written &+= pending
                    pending = 0
                    out.storeBytes(of: (word | 0x2020_2020_2020_2020).littleEndian, toByteOffset: written,
                                   as: UInt64.self)
                    written &+= run
                    index &+= run
                    continue
                }
                (entry, length) = (table[Int(lead)], 1)
            } else if lead >= 0xC2 && lead <= 0xDF && index &+ 1 < end && input[index &+ 1] & 0xC0 == 0x80 {
                (entry, length) = (table[Int(lead & 0x1F) << 6 | Int(input[index &+ 1] & 0x3F)], 2)
            } else if lead >= 0xE1 && lead <= 0xEC && index &+ 2 < end && input[index &+ 1] & 0xC0 == 0x80
                        && input[index &+ 2] & 0xC0 == 0x80 {
                let scalar = Int(lead & 0x0F) << 12 | Int(input[index &+ 1] & 0x3F) << 6 | Int(input[index &+ 2] & 0x3F)
                (entry, length) = (table[scalar], 3)
            } else {
                (entry, length) = scalarEntry(bytes, at: index, end: end)
            }
            let kind = entry & 3
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
            } else if kind == SegmentTable.kindSpace {
                pending = written > 0 ? 1 : 0
                tableRunStart = index &+ length
            } else if kind == 0 {
                break
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
        (walk.index, walk.written) = (index, written)
        (walk.pendingSpace, walk.tableRunStart) = (pending != 0, tableRunStart)
    }

    /// The entry of the character at `index` and its length, for the sequences the loop does not
    /// decode itself (four bytes, E0/ED/EE/EF leads, bytes that are not UTF-8).
    private func scalarEntry(_ bytes: [UInt8], at index: Int, end: Int) -> (UInt32, Int) {
        let (scalar, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: end)
        return (entry(scalar ?? UTF8Decoding.invalid), length)
    }

    /// Takes back the character written from the table right before the slow one at `walk.index`,
    /// if there is one (a slow character joins the segment of the one before it): returns where it
    /// starts and sets `written` and `pendingSpace` to what they were before it. Its entry says how
    /// many bytes it wrote; an entry's bytes hold no space and a space is written only before a
    /// character, so the byte before them is a space exactly when one waited for it. Nil when a
    /// space, a pipeline run or the line's start comes right before.
    func takeBack(_ walk: inout Walk, bytes: [UInt8], buffer: [UInt8]) -> Int? {
        guard walk.index > walk.tableRunStart else { return nil }
        var start = walk.index - 1
        while start > walk.tableRunStart && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        unwrite(bytes[start] < 0x80 ? entries[Int(bytes[start])] : scalarEntry(bytes, at: start, end: walk.index).0,
                &walk, buffer: buffer)
        walk.tableRunStart = start
        return start
    }

    /// The text form's walk (`TextNormalizer.writeBySegments`): the decoded units
    /// `units[walk.index..<end]` that have an entry, each its own character (surrogates have none),
    /// written into `buffer` as `writeTableCharacters` writes them, up to the first slow unit or
    /// `end`. A decoded line's units are not counted against its bytes here, so each unit checks
    /// that `headroom` bytes are free before it is written. False when the buffer has no room left:
    /// the caller then sends the line through the pipeline.
    func writeTableUnits(_ units: [UInt16], end: Int, into buffer: inout [UInt8], walk: inout Walk) -> Bool {
        precondition(end <= units.count && entries.count == 0x1_0000, "line or table out of bounds")
        guard walk.index < end else { return true }
        guard buffer.count >= SegmentTable.headroom else { return false }
        return units.withUnsafeBufferPointer { input in
            entries.withUnsafeBufferPointer { table in
                buffer.withUnsafeMutableBytes { out in
                    walkUnits(input.baseAddress!, end: end, table: table.baseAddress!, out: out.baseAddress!,
                              limit: out.count - SegmentTable.headroom, walk: &walk)
                }
            }
        }
    }

    private func walkUnits(_ input: UnsafePointer<UInt16>, end: Int, table: UnsafePointer<UInt32>,
                           out: UnsafeMutableRawPointer, limit: Int, walk: inout Walk) -> Bool {
        var index = walk.index, written = walk.written, pending = walk.pendingSpace ? 1 : 0
        var tableRunStart = walk.tableRunStart
        var fits = true
        while index < end {
            let entry = table[Int(input[index])]
            let kind = entry & 3
            if kind == SegmentTable.kindInline {
                let count = Int((entry >> 2) & 3)
                if count > 0 {
                    guard written <= limit else {
                        fits = false
                        break
                    }
                    out.storeBytes(of: 0x20, toByteOffset: written, as: UInt8.self)
                    written &+= pending
                    pending = 0
                    out.storeBytes(of: (entry >> 8).littleEndian, toByteOffset: written, as: UInt32.self)
                    written &+= count
                }
            } else if kind == SegmentTable.kindSpace {
                pending = written > 0 ? 1 : 0
                tableRunStart = index &+ 1
            } else if kind == 0 {
                break
            } else {
                guard written <= limit else {
                    fits = false
                    break
                }
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
            index &+= 1
        }
        (walk.index, walk.written) = (index, written)
        (walk.pendingSpace, walk.tableRunStart) = (pending != 0, tableRunStart)
        return fits
    }

    /// `takeBack` for a walk over decoded units: the character before the slow one is the unit
    /// before it.
    func takeBack(_ walk: inout Walk, units: [UInt16], buffer: [UInt8]) -> Int? {
        guard walk.index > walk.tableRunStart else { return nil }
        let start = walk.index - 1
        unwrite(entries[Int(units[start])], &walk, buffer: buffer)
        walk.tableRunStart = start
        return start
    }

    /// Sets `written` and `pendingSpace` back to what they were before a character of this entry.
    private func unwrite(_ entry: UInt32, _ walk: inout Walk, buffer: [UInt8]) {
        let count = SegmentTable.isInline(entry) ? SegmentTable.inlineCount(entry) : SegmentTable.pooled(entry).count
        guard count > 0 else { return }
        walk.written -= count
        walk.pendingSpace = walk.written > 0 && buffer[walk.written - 1] == 0x20
        if walk.pendingSpace { walk.written -= 1 }
    }

    /// How many of the eight bytes of `word` (the first in its lowest byte) are ASCII letters before
    /// the first that is not. A byte below 0x80 with bit 5 set lies in a-z when adding 0x1F carries
    /// into its high bit and adding 0x05 does not. An ASCII byte's sums never carry into the next
    /// byte; a byte from 0x80 on may, but it ends the run, so only bytes after the run are touched.
    @inline(__always)
    static func leadingASCIILetters(_ word: UInt64) -> Int {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lower = word | 0x2020_2020_2020_2020
        let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505) & ~word & highs
        return (~letters & highs).trailingZeroBitCount >> 3
    }
}
