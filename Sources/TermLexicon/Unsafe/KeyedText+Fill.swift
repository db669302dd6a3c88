import TextNormalization

// `KeyedText.fill` reads every character of every record `tag` reads: its UTF-8, its key units
// from `CharacterKeys`' table, and four outputs (units, their origins and word edges, the
// characters' UTF-8 offsets). Through checked arrays and spans it took about 110 instructions a
// character; through buffer pointers, with one, two and three-byte UTF-8 decoded inline, far
// fewer. The bounds it relies on:
// - input: every read is below `end` (`range.upperBound`, within the array): a lead byte at
//   `index < end`, its continuation bytes only after `index + 1 < end` / `index + 2 < end`;
// - the key tables (`CharacterKeys.withTables`) are indexed by a value below 0x10000 (one to
//   three-byte UTF-8), a unit (a UInt16) and a pool range the table entry itself recorded when
//   the pool was appended to; they are only read, and never while `keys` is changed: a character
//   whose entry is unknown ends the fast run, and is looked up through `keys.entry(of:)` with no
//   pointer into `keys` held;
// - outputs: units, origins and edges are written below `limit` (checked before each character's
//   units, as the general path does, which then gives up and lets `read` grow the buffers); UTF-8
//   offsets at `scalars <= bytes read`, below `range.count + 1` entries.

extension CharacterKeys {
    /// The table, the pool and the unit classes as buffers, for reading only.
    @inline(__always)
    func withTables<Result>(_ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt16>,
                                     UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        table.withUnsafeBufferPointer { table in
            pool.withUnsafeBufferPointer { pool in
                unitClasses.withUnsafeBufferPointer { classes in body(table, pool, classes) }
            }
        }
    }
}

extension KeyedText {
    /// Where the scan of `fill` stands between key units.
    struct FillState {
        var written = 0
        var boundaryPending = true
        var spacePending = false
        /// The script class of the last letter since a space (digits are neutral).
        var previousScript: UInt8 = CharacterKeys.Code.digit
        /// The number of units written before the first apostrophe (which has no unit), or -1:
        /// `ElidedArticles` looks from there. (An array of them all cost more in reference counting,
        /// the text being copied for each record, than reading the rest of the record.)
        var firstApostrophe = -1
    }

    /// The four outputs of `fill`.
    struct FillOutput {
        let units: UnsafeMutablePointer<UInt16>
        let origins: UnsafeMutablePointer<Int32>
        let edges: UnsafeMutablePointer<UInt8>
        let utf8Offsets: UnsafeMutablePointer<Int32>
        let limit: Int
    }

    /// Appends one key unit with its word edges (nothing for a space, which only ends a word).
    @inline(__always)
    static func put(_ unit: UInt16, code: UInt8, origin: Int, state: inout FillState, to output: FillOutput) {
        if code == CharacterKeys.Code.space {
            state.boundaryPending = true
            state.spacePending = state.written > 0
            state.previousScript = CharacterKeys.Code.digit
            return
        }
        let written = state.written
        let afterSpace = state.spacePending ? WordEdge.afterSpace : 0
        if code == CharacterKeys.Code.punctuation {
            if written > 0 { output.edges[written - 1] |= WordEdge.end }
            output.units[written] = unit
            output.origins[written] = Int32(truncatingIfNeeded: origin)
            output.edges[written] = WordEdge.start | WordEdge.end | WordEdge.punctuation | afterSpace
            state.written = written + 1
            state.boundaryPending = true
            state.spacePending = false
            return
        }
        // A change between Arabic and Latin letters ends a word, as in "لهCBS".
        let isScript = code == CharacterKeys.Code.arabic || code == CharacterKeys.Code.latin
        let scriptChange = isScript && state.previousScript != CharacterKeys.Code.digit && code != state.previousScript
        if state.boundaryPending || scriptChange || written == 0 {
            if written > 0 { output.edges[written - 1] |= WordEdge.end }
            output.edges[written] = WordEdge.start | afterSpace
        } else {
            output.edges[written] = 0
        }
        output.units[written] = unit
        output.origins[written] = Int32(truncatingIfNeeded: origin)
        state.written = written + 1
        state.boundaryPending = false
        state.spacePending = false
        if isScript { state.previousScript = code }
    }

    /// The loop of `read`: nil when a character's image did not fit the buffers.
    static func fill(
        _ bytes: [UInt8], _ range: Range<Int>, keys: inout CharacterKeys, units: inout [UInt16], origins: inout [Int32],
        edges: inout [UInt8], utf8Offsets: inout [Int32]
    ) -> (units: Int, scalars: Int, invalid: (scalar: Int, byte: Int)?, firstApostrophe: Int)? {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count && utf8Offsets.count > range.count
                     && origins.count >= units.count && edges.count >= units.count)
        return bytes.withUnsafeBufferPointer { input in
            units.withUnsafeMutableBufferPointer { unitBuffer in
                origins.withUnsafeMutableBufferPointer { originBuffer in
                    edges.withUnsafeMutableBufferPointer { edgeBuffer in
                        utf8Offsets.withUnsafeMutableBufferPointer { utf8Buffer in
                            let output = FillOutput(units: unitBuffer.baseAddress!, origins: originBuffer.baseAddress!,
                                                    edges: edgeBuffer.baseAddress!,
                                                    utf8Offsets: utf8Buffer.baseAddress!, limit: unitBuffer.count)
                            return fill(bytes, input.baseAddress!, range, keys: &keys, output: output)
                        }
                    }
                }
            }
        }
    }

    /// `fill` over the pointers: `array` is `bytes`' array, for the rare character the fast run
    /// leaves (decoded as everywhere else, by `CharacterKeys.decode`).
    private static func fill(_ array: [UInt8], _ bytes: UnsafePointer<UInt8>, _ range: Range<Int>,
                             keys: inout CharacterKeys, output: FillOutput)
        -> (units: Int, scalars: Int, invalid: (scalar: Int, byte: Int)?, firstApostrophe: Int)? {
        var state = FillState()
        var scalars = 0
        var index = range.lowerBound
        let end = range.upperBound
        var invalid: (scalar: Int, byte: Int)?
        while index < end {
            // As far as the fast run goes; then one character the general way.
            keys.withTables { table, _, _ in
                KeyedText.transitions.withUnsafeBufferPointer { transitions in
                    fastRun(bytes, &index, end: end, start: range.lowerBound, table: table,
                            transitions: transitions.baseAddress!, scalars: &scalars, state: &state, output: output)
                }
            }
            guard index < end else { break }
            let (scalar, length, valid) = CharacterKeys.decode(array, at: index, end: end)
            if !valid && invalid == nil { invalid = (scalars, index - range.lowerBound) }
            if state.firstApostrophe < 0 && ElidedArticles.isApostrophe(scalar.value) {
                state.firstApostrophe = state.written
            }
            output.utf8Offsets[scalars] = Int32(truncatingIfNeeded: index - range.lowerBound)
            index += length
            // The key units of this character: one unit in the table entry itself (the common
            // case), a range of the cache's pool, or (outside the BMP) an array of their own.
            if scalar.value < 0x1_0000 {
                let entry = keys.entry(of: scalar.value)
                if entry & CharacterKeys.singleFlag != 0 {
                    if state.written + 1 > output.limit { return nil }
                    put(UInt16(truncatingIfNeeded: entry), code: UInt8(truncatingIfNeeded: (entry >> 16) & 0xF),
                        origin: scalars, state: &state, to: output)
                } else {
                    let start = Int((entry & ~CharacterKeys.slowFlag) >> 8), count = Int(entry & 0xFF)
                    if state.written + count > output.limit { return nil }
                    for position in start..<(start + count) {
                        let unit = keys.pool[position]
                        put(unit, code: keys.unitClasses[Int(unit)], origin: scalars, state: &state, to: output)
                    }
                }
            } else {
                let astral = keys.astralImage(of: scalar)
                if state.written + astral.count > output.limit { return nil }
                for unit in astral {
                    put(unit, code: keys.unitClasses[Int(unit)], origin: scalars, state: &state, to: output)
                }
            }
            scalars += 1
        }
        let written = state.written
        markWordEnds(output.edges, count: written)
        output.utf8Offsets[scalars] = Int32(truncatingIfNeeded: range.count)
        return (written, scalars, invalid, state.firstApostrophe)
    }

    /// The fast run's state in one byte: bits 0-1 the script of the last letter since a space (0
    /// none or a digit, 1 Arabic, 2 Latin, 3 nothing written yet), bit 2 a word boundary pending,
    /// bit 3 a space pending.
    static func packed(_ state: FillState) -> UInt8 {
        if state.written == 0 { return 3 | 4 }
        let script: UInt8 = state.previousScript == CharacterKeys.Code.arabic ? 1
            : state.previousScript == CharacterKeys.Code.latin ? 2 : 0
        return script | (state.boundaryPending ? 4 : 0) | (state.spacePending ? 8 : 0)
    }

    /// The fields of `state` that `packed` holds, set from it (`firstApostrophe` is kept).
    static func unpack(_ packed: UInt8, written: Int, into state: inout FillState) {
        let script = packed & 3
        state.written = written
        state.boundaryPending = packed & 4 != 0
        state.spacePending = packed & 8 != 0
        state.previousScript = script == 1 ? CharacterKeys.Code.arabic
            : script == 2 ? CharacterKeys.Code.latin : CharacterKeys.Code.digit
    }

    /// What `put` does, as a table: entry `state << 3 | code` holds the next state (bits 8-11), whether
    /// a unit is written (bit 4) and its word edges (bits 0-3; the end of the unit before a word's
    /// start is marked afterwards, by `markWordEnds`).
    static let transitions: [UInt16] = (0..<128).map { index in
        typealias Code = CharacterKeys.Code
        let state = UInt8(index >> 3), code = UInt8(index & 7)
        guard code <= Code.otherLetter else { return 0 }
        let script = state & 3, nothingWritten = script == 3
        let boundaryPending = state & 4 != 0, spacePending = state & 8 != 0
        let afterSpace = spacePending ? WordEdge.afterSpace : 0
        let lastScript: UInt8 = nothingWritten ? 0 : script
        func entry(_ next: UInt8, writes: Bool, edges: UInt8) -> UInt16 {
            UInt16(next) << 8 | (writes ? 1 << 4 : 0) | UInt16(edges)
        }
        switch code {
        case Code.space:
            return entry(nothingWritten ? 3 | 4 : 4 | 8, writes: false, edges: 0)
        case Code.punctuation:
            return entry(lastScript | 4, writes: true,
                         edges: WordEdge.start | WordEdge.end | WordEdge.punctuation | afterSpace)
        default:
            // A change between Arabic and Latin letters ends a word, as in "لهCBS".
            let letterScript: UInt8 = code == Code.arabic ? 1 : code == Code.latin ? 2 : 0
            let scriptChange = letterScript != 0 && lastScript != 0 && letterScript != lastScript
            let startsWord = boundaryPending || scriptChange || nothingWritten
            return entry(letterScript != 0 ? letterScript : lastScript, writes: true,
                         edges: startsWord ? WordEdge.start | afterSpace : 0)
        }
    }

    /// Marks the end of each word: the unit before a unit that starts one, and the last.
    static func markWordEnds(_ edges: UnsafeMutablePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        for index in 0..<(count - 1) { edges[index] |= (edges[index + 1] & WordEdge.start) << 1 }
        edges[count - 1] |= WordEdge.end
    }

    /// Reads characters from `index` while they are well-formed UTF-8 of one to three bytes whose
    /// key is known and is one unit or none (not an apostrophe, whose entry has `slowFlag` so that
    /// the general path notes it); stops at the first other one (or the end). Each
    /// character writes its unit, origin and edges (the unit is not counted for a space) through
    /// `transitions`, whose state is one byte; with the outputs' pointers, the position and the
    /// counts, that stays in registers. Run only when the outputs have room for a unit for each byte
    /// left, so that no character checks it (`fill` reads the rest the general way otherwise).
    @inline(__always)
    private static func fastRun(_ bytes: UnsafePointer<UInt8>, _ index: inout Int, end: Int, start: Int,
                                table: UnsafeBufferPointer<UInt32>, transitions: UnsafePointer<UInt16>,
                                scalars: inout Int, state: inout FillState, output: FillOutput) {
        guard state.written + (end - index) <= output.limit else { return }
        let units = output.units, origins = output.origins, edges = output.edges, offsets = output.utf8Offsets
        let table = table.baseAddress!
        let input = bytes + start
        var position = index - start, scalar = scalars, written = state.written
        let count = end - start
        var packed = packed(state)
        while position < count {
            let lead = input[position]
            let value: Int, length: Int
            if lead < 0x80 {
                value = Int(lead)
                length = 1
            } else if lead >= 0xC2 && lead <= 0xDF && position &+ 1 < count && input[position &+ 1] & 0xC0 == 0x80 {
                value = Int(lead & 0x1F) << 6 | Int(input[position &+ 1] & 0x3F)
                length = 2
            } else if lead >= 0xE1 && lead <= 0xEC && position &+ 2 < count && input[position &+ 1] & 0xC0 == 0x80
                        && input[position &+ 2] & 0xC0 == 0x80 {
                // E1...EC: no overlong form or surrogate is possible, so the value is a scalar.
                value = Int(lead & 0x0F) << 12 | Int(input[position &+ 1] & 0x3F) << 6
                    | Int(input[position &+ 2] & 0x3F)
                length = 3
            } else {
                break
            }
            let entry = table[value]
            // (`unknown` has every bit set, the single flag too.)
            if entry == CharacterKeys.unknown { break }
            offsets[scalar] = Int32(truncatingIfNeeded: position)
            if entry & CharacterKeys.singleFlag != 0 {
                let step = transitions[Int(packed) << 3 | Int((entry >> 16) & 0x7)]
                // Written either way: a space's unit is not counted, and the next one overwrites it.
                units[written] = UInt16(truncatingIfNeeded: entry)
                origins[written] = Int32(truncatingIfNeeded: scalar)
                edges[written] = UInt8(truncatingIfNeeded: step & 0xF)
                written &+= Int((step >> 4) & 1)
                packed = UInt8(truncatingIfNeeded: step >> 8)
            } else if entry & (0xFF | CharacterKeys.slowFlag) != 0 {
                break
            }
            position &+= length
            scalar &+= 1
        }
        index = position + start
        scalars = scalar
        unpack(packed, written: written, into: &state)
    }
}
