/// UTF-8 decoding shared by everything that reads raw lines.
public enum UTF8Decoding {
    /// Decodes the multi-byte sequence at `index`. On error returns nil and the length of the
    /// maximal ill-formed subpart (Unicode's recommended U+FFFD substitution).
    @inlinable
    public static func decodeMultiByte(_ bytes: [UInt8], at index: Int, end: Int) -> (UInt32?, Int) {
        let lead = bytes[index]
        let needed: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: needed = 1; value = UInt32(lead & 0x1F)
        case 0xE0: needed = 2; lower = 0xA0; value = UInt32(lead & 0x0F)
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2; value = UInt32(lead & 0x0F)
        case 0xED: needed = 2; upper = 0x9F; value = UInt32(lead & 0x0F)
        case 0xF0: needed = 3; lower = 0x90; value = UInt32(lead & 0x07)
        case 0xF1...0xF3: needed = 3; value = UInt32(lead & 0x07)
        case 0xF4: needed = 3; upper = 0x8F; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        var position = index + 1
        for step in 0..<needed {
            guard position < end else { return (nil, position - index) }
            let byte = bytes[position]
            let (low, high) = step == 0 ? (lower, upper) : (0x80, 0xBF)
            guard byte >= low && byte <= high else { return (nil, position - index) }
            value = (value << 6) | UInt32(byte & 0x3F)
            position += 1
        }
        return (value, needed + 1)
    }
}

extension UTF8Decoding {
    /// The scalar at `index` of `input` (the span of `bytes`) and its length in bytes: one, two
    /// and three-byte sequences decoded inline, the rest by `decodeMultiByte`; bytes that are not
    /// UTF-8 give `invalid`.
    @inline(__always)
    static func decodeScalar(_ input: Span<UInt8>, _ bytes: [UInt8], at index: Int, end: Int) -> (UInt32, Int) {
        let lead = input[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead >= 0xC2 && lead <= 0xDF && index + 1 < end && input[index + 1] & 0xC0 == 0x80 {
            return (UInt32(lead & 0x1F) << 6 | UInt32(input[index + 1] & 0x3F), 2)
        }
        if lead >= 0xE1 && lead <= 0xEC && index + 2 < end && input[index + 1] & 0xC0 == 0x80
            && input[index + 2] & 0xC0 == 0x80 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(input[index + 1] & 0x3F) << 6 | UInt32(input[index + 2] & 0x3F),
                    3)
        }
        let (scalar, length) = decodeMultiByte(bytes, at: index, end: end)
        return (scalar ?? invalid, length)
    }

    /// What `decodeScalar` gives for bytes that are not UTF-8.
    static let invalid: UInt32 = 0xFFFF_FFFF

    /// The offset of the first byte of `bytes[range]` that is not well-formed UTF-8, or nil.
    /// The standard library's validator does it (many bytes at a time); its rules are
    /// `decodeMultiByte`'s (no overlong forms, surrogates or scalars above U+10FFFF), and it
    /// reports where the first ill-formed sequence starts.
    public static func firstInvalidByte(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        do {
            _ = try UTF8Span(validating: bytes.span.extracting(range))
            return nil
        } catch {
            return range.lowerBound + error.byteOffsets.lowerBound
        }
    }
}
