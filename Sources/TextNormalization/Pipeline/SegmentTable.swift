/// A form's final UTF-8 for each BMP character that is a normalisation segment of its own, so that
/// most characters of a line cost one table look-up instead of the steps of the pipeline
/// (`TextNormalizer.normalizeBySegments` for the key form, read from the line's bytes;
/// `writeBySegments` for the text form, read from the decoded line, whose language decides the
/// table).
///
/// A character gets an entry (`bytes` or `space`) only when the pipeline's output for a line is
/// the same whether the character goes through it alone or with its neighbours:
/// - read from bytes (`clean` given), cleaning keeps it (not a control it drops, not ZWNJ, whose
///   fate depends on its neighbours, and not NUL or CR, which are reported), or makes it a space,
///   which every character cleaning turns into a space is (`OrthographyRules.spaces`, in any
///   block); read from the decoded
///   line, cleaning is done;
/// - the form's Unicode normaliser has a boundary before it (so the text before it and the text
///   from it on are normalised apart; the caller also checks the character after it);
/// - its output F (the normaliser, then the form's character table) is the same after both once
///   more (the pipeline normalises a line again when the table dropped or expanded a character),
///   and every character of F has a boundary before it (so F never combines with what precedes it);
/// - F holds no space, or is a single space (spaces collapse and are trimmed in the line).
/// Every other character is `slow`: the segment it belongs to goes through the pipeline.
struct SegmentTable: Sendable, Equatable {
    enum Entry: Equatable {
        case slow
        /// A space: collapsed with its neighbours, trimmed at the line's ends.
        case space
        /// These bytes (possibly none: a character the key drops).
        case bytes(ArraySlice<UInt8>)
    }

    /// Per BMP unit: bits 0–1 the kind (0 slow, 1 inline bytes, 2 space, 3 bytes in `pool`); inline,
    /// bits 2–3 the byte count and bits 8–31 the bytes from the lowest; in the pool, bits 2–7 the
    /// count and bits 8–31 the offset.
    let entries: [UInt32]
    let pool: [UInt8]

    /// The most bytes an entry writes for one byte of input, a space before it included: a
    /// character of n bytes writes at most 4n (inline entries hold three bytes at most, pooled ones
    /// are kept to 4n - 1).
    static let bytesPerInputByte = 4

    static let kindInline: UInt32 = 1
    static let kindSpace: UInt32 = 2
    static let kindPooled: UInt32 = 3

    /// The blocks with entries: Latin, Greek, Cyrillic, Arabic, general punctuation and the Arabic
    /// and full-width presentation forms. Characters of other blocks go through the pipeline, and
    /// the table costs a few milliseconds to build, not the tens that all of the BMP would.
    static let blocks: [ClosedRange<UInt16>] = [0x0000...0x052F, 0x0600...0x08FF, 0x1E00...0x1EFF, 0x2000...0x206F,
                                                0xFB50...0xFDFF, 0xFE70...0xFEFF, 0xFF00...0xFFEF]

    /// Built from the pipeline's own steps: `normalizer` is the form's Unicode normaliser, `clean`
    /// its cleaning table (nil: the table reads decoded lines, cleaned already) and `map` its
    /// character table (the key's, or the orthography of a language).
    init(normalizer: ICUNormalizer, clean: CodeUnitMap?, map key: CodeUnitMap) throws(ICUError) {
        var entries = [UInt32](repeating: 0, count: 0x1_0000)
        var pool: [UInt8] = []
        if let clean {
            // Whatever cleaning makes a space is one before normalisation sees it, in any block.
            for range in OrthographyRules.spaces {
                for unit in range where unit != 0 && unit != 0x0D && clean[unit] == .unit(0x20) {
                    entries[Int(unit)] = SegmentTable.kindSpace
                }
            }
        } else {
            entries[0x20] = SegmentTable.kindSpace
        }
        // Candidates, each on a line of its own, so one ICU call normalises all of them (no
        // normalisation reaches across a line feed).
        var units: [UInt16] = []
        var joined: [UInt16] = []
        for block in SegmentTable.blocks {
            for unit in block {
                guard unit != 0x0A, unit != 0x0D, unit != 0, unit != 0x20, clean == nil || unit != ArabicScript.zwnj,
                      clean?.keeps(unit) ?? true, normalizer.hasBoundaryBefore(UInt32(unit)) else { continue }
                units.append(unit)
                joined.append(unit)
                joined.append(0x0A)
            }
        }
        let once = try SegmentTable.fold(joined, normalizer: normalizer, key: key)
        let twice = try SegmentTable.fold(once, normalizer: normalizer, key: key)
        // Each line must have come out as one line, or outputs would be given to the wrong units.
        let lineCount = units.count
        guard once.count(where: { $0 == 0x0A }) == lineCount, twice.count(where: { $0 == 0x0A }) == lineCount else {
            self.init(entries: entries, pool: pool, readsDecodedLines: clean == nil)
            return
        }
        var onceStart = 0, twiceStart = 0
        for unit in units {
            let onceEnd = once[onceStart...].firstIndex(of: 0x0A)!
            let twiceEnd = twice[twiceStart...].firstIndex(of: 0x0A)!
            let output = once[onceStart..<onceEnd]
            defer { (onceStart, twiceStart) = (onceEnd + 1, twiceEnd + 1) }
            guard output.elementsEqual(twice[twiceStart..<twiceEnd]) else { continue }
            if output.count == 1 && output.first == 0x20 {
                entries[Int(unit)] = SegmentTable.kindSpace
                continue
            }
            guard !output.contains(0x20), !output.contains(where: { (0xD800...0xDFFF).contains($0) }),
                  output.allSatisfy({ normalizer.hasBoundaryBefore(UInt32($0)) }) else { continue }
            // The output's UTF-8 packed from the lowest byte (at most 4n - 1 <= 11 bytes are kept):
            // built in registers, where an array emptied and filled per unit cost a third of the
            // table's build.
            var packed = (low: UInt64(0), high: UInt64(0)), count = 0
            for unit in output where count <= 12 { SegmentTable.appendUTF8(unit, to: &packed, count: &count) }
            if count <= 3 {
                entries[Int(unit)] = SegmentTable.kindInline | UInt32(count) << 2
                    | UInt32(truncatingIfNeeded: packed.low) << 8
            } else if count + 1 <= 4 * SegmentTable.utf8Length(unit) && pool.count < 1 << 24 {
                entries[Int(unit)] = SegmentTable.kindPooled | UInt32(count) << 2 | UInt32(pool.count) << 8
                for offset in 0..<count {
                    let word = offset < 8 ? packed.low : packed.high
                    pool.append(UInt8(truncatingIfNeeded: word >> UInt64(8 * (offset & 7))))
                }
            }
        }
        self.init(entries: entries, pool: pool, readsDecodedLines: clean == nil)
    }

    /// A table of these entries (0x10000 of them) and pool; `readsDecodedLines` for the text form's.
    init(entries: [UInt32], pool: [UInt8], readsDecodedLines: Bool) {
        self.entries = entries
        self.pool = pool
        self.readsDecodedLines = readsDecodedLines
        let oneByte = SegmentTable.kindInline | 1 << 2
        writesASCIILettersInLowerCase = (0x41...0x5A).allSatisfy { entries[$0] == oneByte | UInt32($0 | 0x20) << 8 }
            && (0x61...0x7A).allSatisfy { entries[$0] == oneByte | UInt32($0) << 8 }
        writesASCIIAsItself = readsDecodedLines && entries[0x20] == SegmentTable.kindSpace
            && (0x21...0x7E).allSatisfy { entries[$0] == SegmentTable.kindInline | 1 << 2 | UInt32($0) << 8 }
    }

    /// Whether the table reads decoded lines (the text form's) rather than bytes (the key form's).
    let readsDecodedLines: Bool

    /// Whether the table writes each ASCII letter as its lower case, one byte (the key form): a run
    /// of them is then written eight bytes at a time (`writeTableCharacters`).
    private(set) var writesASCIILettersInLowerCase = false

    /// Whether the table, reading decoded lines, writes every printable ASCII character as itself
    /// (the text form, unless an option changes ASCII digits): a line of them then needs nothing
    /// but its spaces collapsed (`TextNormalizer.asciiLine`).
    private(set) var writesASCIIAsItself = false

    private static func utf8Length(_ unit: UInt16) -> Int { unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3 }

    /// The inline entry of a BMP unit that is not a surrogate written as its own UTF-8.
    static func itself(_ unit: UInt16) -> UInt32 {
        var packed = (low: UInt64(0), high: UInt64(0)), count = 0
        appendUTF8(unit, to: &packed, count: &count)
        return kindInline | UInt32(count) << 2 | UInt32(truncatingIfNeeded: packed.low) << 8
    }

    /// A BMP unit that is not a surrogate, as UTF-8 after the `count` bytes of `packed` (16 at most:
    /// bytes beyond are counted, not kept).
    private static func appendUTF8(_ unit: UInt16, to packed: inout (low: UInt64, high: UInt64), count: inout Int) {
        func append(_ byte: UInt16) {
            let value = UInt64(byte & 0xFF), shift = UInt64(8 * (count & 7))
            if count < 8 { packed.low |= value << shift } else if count < 16 { packed.high |= value << shift }
            count += 1
        }
        if unit < 0x80 {
            append(unit)
        } else if unit < 0x800 {
            append(0xC0 | (unit >> 6))
            append(0x80 | (unit & 0x3F))
        } else {
            append(0xE0 | (unit >> 12))
            append(0x80 | ((unit >> 6) & 0x3F))
            append(0x80 | (unit & 0x3F))
        }
    }

    /// NFKC_Casefold and the key table over lines of one unit each (`joined`, each line ending in
    /// a line feed): the lines' outputs, each ending in a line feed.
    private static func fold(_ joined: [UInt16], normalizer: ICUNormalizer,
                             key: CodeUnitMap) throws(ICUError) -> [UInt16] {
        var normalized: [UInt16] = []
        let count = try normalizer.normalize(joined, count: joined.count, into: &normalized)
        var folded: [UInt16] = []
        folded.reserveCapacity(count)
        for unit in normalized[0..<count] {
            if unit == 0x0A { folded.append(0x0A) } else { key.apply(unit, to: &folded) }
        }
        return folded
    }

    /// The entry of a BMP unit, for tests.
    subscript(unit: UInt16) -> Entry {
        let raw = entries[Int(unit)]
        switch raw & 3 {
        case SegmentTable.kindInline:
            let count = Int((raw >> 2) & 3)
            return .bytes((0..<count).map { UInt8(truncatingIfNeeded: raw >> UInt32(8 + 8 * $0)) }[...])
        case SegmentTable.kindPooled:
            let start = Int(raw >> 8)
            return .bytes(pool[start..<start + Int((raw >> 2) & 0x3F)])
        case SegmentTable.kindSpace: return .space
        default: return .slow
        }
    }

    /// The raw entry of a scalar, for the hot loop: slow outside the BMP and for bytes that are not
    /// UTF-8 (`UTF8Decoding.invalid`).
    @inline(__always) func entry(_ scalar: UInt32) -> UInt32 { scalar < 0x1_0000 ? entries[Int(scalar)] : 0 }
    @inline(__always) static func isSlow(_ raw: UInt32) -> Bool { raw & 3 == 0 }
    @inline(__always) static func isSpace(_ raw: UInt32) -> Bool { raw & 3 == kindSpace }
    @inline(__always) static func isInline(_ raw: UInt32) -> Bool { raw & 3 == kindInline }
    /// Inline entries: the byte count (0–3) and the bytes, lowest first.
    @inline(__always) static func inlineCount(_ raw: UInt32) -> Int { Int((raw >> 2) & 3) }
    @inline(__always) static func inlineBytes(_ raw: UInt32) -> UInt32 { raw >> 8 }
    /// Pooled entries: where their bytes are in the pool.
    @inline(__always) static func pooled(_ raw: UInt32) -> Range<Int> {
        let start = Int(raw >> 8)
        return start..<start + Int((raw >> 2) & 0x3F)
    }
}
