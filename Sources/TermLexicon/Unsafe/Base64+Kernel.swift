// `Base64.decodeFullGroups` reads the compiled model built into the binary at every start: half a
// megabyte of digits (and the fuzzy pass's tables, 1.3 MB more, at the first record with text).
// Through buffer pointers each group of four digits costs a few instructions instead of a bounds
// and uniqueness check per byte written (18 instructions a digit, a tenth of a bare `echo |
// lexalign tag`). The pointers never leave the closures; `groups * 4 <= text.count` is checked
// first, the output is exactly `groups * 3` bytes, all written, and the table has 4 × 256
// entries, indexed by a byte plus 0, 256, 512 or 768.

extension Base64 {
    /// The bytes of the first `groups` groups of four digits (none of them padding), or nil when one
    /// of their bytes is not a digit. `table` is `shiftedValues`: a group's 24 bits are its four
    /// digits' entries or'ed together, with no shifts or masks of its own (31 instructions a group
    /// with a table of plain values, 18 this way).
    static func decodeFullGroups(_ text: [UInt8], groups: Int, table: [UInt32]) -> [UInt8]? {
        guard groups >= 0, groups * 4 <= text.count, table.count == 1024 else { return nil }
        var bad: UInt32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: groups * 3) { output, initialized in
            text.withUnsafeBufferPointer { input in
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
            }
            initialized = groups * 3
        }
        return bad & 0xFF00_0000 == 0 ? out : nil
    }
}
