// `Base64.decodeFullGroups` reads the compiled model built into the binary at every start: half a
// megabyte of digits. Through buffer pointers each group of four digits costs a few instructions
// instead of a bounds and uniqueness check per byte written (18 instructions a digit, a tenth of a
// bare `echo | lexalign tag`). The pointers never leave the closures; `groups * 4 <= text.count`
// is checked first, the output is exactly `groups * 3` bytes, all written, and the table has 256
// entries, indexed by a byte.

extension Base64 {
    /// The bytes of the first `groups` groups of four digits (none of them padding), or nil when one
    /// of their bytes is not a digit.
    static func decodeFullGroups(_ text: [UInt8], groups: Int, table: [UInt8]) -> [UInt8]? {
        guard groups >= 0, groups * 4 <= text.count, table.count == 256 else { return nil }
        var bad: UInt8 = 0
        let out = [UInt8](unsafeUninitializedCapacity: groups * 3) { output, initialized in
            text.withUnsafeBufferPointer { input in
                table.withUnsafeBufferPointer { values in
                    guard groups > 0, let digits = input.baseAddress, let values = values.baseAddress,
                          var write = output.baseAddress else { return }
                    for group in 0..<groups {
                        let read = digits + 4 * group
                        let v0 = values[Int(read[0])], v1 = values[Int(read[1])]
                        let v2 = values[Int(read[2])], v3 = values[Int(read[3])]
                        bad |= v0 | v1 | v2 | v3
                        let bits = UInt32(v0 & 63) << 18 | UInt32(v1 & 63) << 12 | UInt32(v2 & 63) << 6 | UInt32(v3 & 63)
                        write[0] = UInt8(truncatingIfNeeded: bits >> 16)
                        write[1] = UInt8(truncatingIfNeeded: bits >> 8)
                        write[2] = UInt8(truncatingIfNeeded: bits)
                        write += 3
                    }
                }
            }
            initialized = groups * 3
        }
        return bad & 0x40 == 0 ? out : nil
    }
}
