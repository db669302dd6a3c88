// `Base64.decodeFullGroups` reads the compiled model built into the binary at every start: half a
// megabyte of digits (and the fuzzy pass's tables, 1.3 MB more, at the first record with text).
// Through buffer pointers each group of four digits costs a few instructions instead of a bounds
// and uniqueness check per byte written (18 instructions a digit, a tenth of a bare `echo |
// lexalign tag`). The pointers never leave the closures; `groups * 4 <= text.count` is checked
// first, the output is exactly `groups * 3` bytes, all written, and the table has 4 × 256
// entries, indexed by a byte plus 0, 256, 512 or 768. The digits of a string are read where the
// string keeps them (`withUTF8`): the archives are string literals, which the binary holds as
// UTF-8, so nothing is copied before decoding (an array of the model's digits was 0.9 M
// instructions of every start). The buffer is read only inside that closure.

extension Base64 {
    /// `decode` of a string's digits, read in place.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(digits: $0) }
    }

    /// The bytes, or nil when `text` is not base64 with padding. The groups before the last go
    /// through `decodeFullGroups`; the last, which may be padded, is read here.
    static func decode(digits text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        guard !text.isEmpty else { return [] }
        let table = values
        let groups = text.count / 4
        guard var out = decodeFullGroups(text, groups: groups - 1, table: shiftedValues) else { return nil }
        let at = text.count - 4
        let padding = text[at + 3] != 0x3D ? 0 : text[at + 2] == 0x3D ? 2 : 1
        let d2 = padding == 2 ? 0x41 : text[at + 2], d3 = padding >= 1 ? 0x41 : text[at + 3]
        let v0 = table[Int(text[at])], v1 = table[Int(text[at + 1])], v2 = table[Int(d2)], v3 = table[Int(d3)]
        // 0xFF (not a digit, or '=' before the padding) sets 0x40; digits are under 64.
        guard (v0 | v1 | v2 | v3) & 0x40 == 0 else { return nil }
        let bits = UInt32(v0) << 18 | UInt32(v1) << 12 | UInt32(v2) << 6 | UInt32(v3)
        out.append(UInt8(truncatingIfNeeded: bits >> 16))
        if padding < 2 { out.append(UInt8(truncatingIfNeeded: bits >> 8)) }
        if padding < 1 { out.append(UInt8(truncatingIfNeeded: bits)) }
        return out
    }

    /// The bytes of the first `groups` groups of four digits (none of them padding), or nil when one
    /// of their bytes is not a digit. `table` is `shiftedValues`: a group's 24 bits are its four
    /// digits' entries or'ed together, with no shifts or masks of its own (31 instructions a group
    /// with a table of plain values, 18 this way).
    static func decodeFullGroups(_ input: UnsafeBufferPointer<UInt8>, groups: Int, table: [UInt32]) -> [UInt8]? {
        guard groups >= 0, groups * 4 <= input.count, table.count == 1024 else { return nil }
        var bad: UInt32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: groups * 3) { output, initialized in
            table.withUnsafeBufferPointer { values in
                guard groups > 0, let digits = input.baseAddress, let values = values.baseAddress,
                      var write = output.baseAddress else { return }
                for group in 0..<groups {
                    let read = digits + 4 * group
                    let bits = values[Int(read[0])] | values[256 + Int(read[1])]
                        | values[512 + Int(read[2])] | values[768 + Int(read[3])]
                    bad |= bits
                    write[0] = UInt8(truncatingIfNeeded: bits >> 16)
                    write[1] = UInt8(truncatingIfNeeded: bits >> 8)
                    write[2] = UInt8(truncatingIfNeeded: bits)
                    write += 3
                }
            }
            initialized = groups * 3
        }
        return bad & 0xFF00_0000 == 0 ? out : nil
    }
}
