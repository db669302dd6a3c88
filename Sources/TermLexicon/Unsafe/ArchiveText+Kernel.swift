// `ArchiveText.decode` reads the compiled model built into the binary at every start: 0.6 MB of
// digits (and the fuzzy pass's tables, 1.6 MB more, at the first record with text). Through raw
// pointers a group of eight digits is one 64-bit load, a subtraction, three mask-and-shift steps
// and one 64-bit store, with no bounds or uniqueness check per byte. The pointers never leave the
// closures. The text's length is checked against the count its first group holds before any group
// is read, so every load lies inside the text; the output has room for two bytes more than six
// a group (the last group's eight-byte store writes two bytes past its six), and exactly `count`
// bytes are declared written, all of them written. The digits of a string are read where the
// string keeps them (`withUTF8`): the archives are string literals, which the binary holds as
// UTF-8, so nothing is copied before decoding. The buffer is read only inside that closure.

extension ArchiveText {
    /// `decode` of a string's digits, read in place.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode(digits: $0) }
    }

    /// The bytes, or nil when `text` is not an archive text: a length other than its count says,
    /// or a byte that is not a digit.
    static func decode(digits text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count >= 8, text.count % 8 == 0, let digits = text.baseAddress else { return nil }
        let raw = UnsafeRawPointer(digits)
        guard let header = group(raw, at: 0), header <= UInt64(Int.max / 2) else { return nil }
        let count = Int(header), groups = (count + 5) / 6
        guard text.count == 8 * (groups + 1) else { return nil }
        var bad: UInt64 = 0
        let out = [UInt8](unsafeUninitializedCapacity: 6 * groups + 2) { output, initialized in
            initialized = 0
            guard groups > 0, let write = output.baseAddress else { return }
            let target = UnsafeMutableRawPointer(write)
            for number in 0..<groups {
                // Digits become values by one subtraction: a byte under `0` borrows and one over `o`
                // exceeds 63, and either leaves bit 6 or 7 of its byte set.
                var value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * (number + 1), as: UInt64.self))
                    &- 0x3030_3030_3030_3030
                bad |= value
                value = value & 0x003F_003F_003F_003F | (value & 0x3F00_3F00_3F00_3F00) >> 2
                value = value & 0x0000_0FFF_0000_0FFF | (value & 0x0FFF_0000_0FFF_0000) >> 4
                value = value & 0x0000_0000_00FF_FFFF | (value & 0x00FF_FFFF_0000_0000) >> 8
                target.storeBytes(of: value.littleEndian, toByteOffset: 6 * number, as: UInt64.self)
            }
            initialized = count
        }
        return bad & 0xC0C0_C0C0_C0C0_C0C0 == 0 ? out : nil
    }

    /// The 48 bits of the eight digits at `offset`, or nil when one is not a digit.
    private static func group(_ raw: UnsafeRawPointer, at offset: Int) -> UInt64? {
        var value: UInt64 = 0
        for digit in 0..<8 {
            let byte = raw.load(fromByteOffset: offset + digit, as: UInt8.self) &- zero
            guard byte < 64 else { return nil }
            value |= UInt64(byte) << UInt64(6 * digit)
        }
        return value
    }
}
