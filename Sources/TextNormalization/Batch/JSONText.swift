/// Writing JSON Lines records byte by byte, without building intermediate strings.
public enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `bytes` (valid UTF-8) as a JSON string literal, quotes included.
    public static func appendString(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
        output.append(0x22)
        // Runs that need no escape are found eight bytes at a time and copied in one go; most
        // text has no escape at all.
        var runStart = bytes.startIndex
        while runStart < bytes.endIndex {
            let index = ByteScan.firstJSONEscape(in: bytes[runStart...])
            output.append(contentsOf: bytes[runStart..<index])
            guard index < bytes.endIndex else { break }
            appendEscape(bytes[index], to: &output)
            runStart = index + 1
        }
        output.append(0x22)
    }

    /// Appends a string (labels, identifiers, file names) as a JSON string literal, read from its
    /// UTF-8 view without copying it into an array first.
    public static func appendString(_ string: String, to output: inout [UInt8]) {
        output.append(0x22)
        if ByteScan.appendJSONEscaped(string, to: &output, escape: appendEscape) {
            output.append(0x22)
            return
        }
        for byte in string.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                appendEscape(byte, to: &output)
            } else {
                output.append(byte)
            }
        }
        output.append(0x22)
    }

    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case 0x22: output.append(0x5C); output.append(0x22)
        case 0x5C: output.append(0x5C); output.append(0x5C)
        case 0x0A: output.append(0x5C); output.append(0x6E)
        case 0x0D: output.append(0x5C); output.append(0x72)
        case 0x09: output.append(0x5C); output.append(0x74)
        default:
            output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0x0F)])
        }
    }

    /// Appends a literal's UTF-8 bytes (keys and punctuation of the records written): a copy of
    /// constant bytes, where appending a `String`'s UTF-8 view cost a retain, a release and a
    /// generic copy, about 170 instructions for a key of a few bytes.
    @inlinable @inline(__always)
    public static func appendLiteral(_ literal: StaticString, to output: inout [UInt8]) {
        literal.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// Appends `"key":` to an object being written.
    public static func appendKey(_ key: String, to output: inout [UInt8]) {
        appendString(key, to: &output)
        output.append(0x3A)
    }

    /// Appends `value` in decimal, without making a string of it.
    public static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(0x2D) }
        var remaining = value.magnitude
        // The digits from the last, 20 at most for a 64-bit magnitude.
        var digits = InlineArray<20, UInt8>(repeating: 0)
        var count = 0
        repeat {
            digits[count] = 0x30 + UInt8(remaining % 10)
            remaining /= 10
            count += 1
        } while remaining > 0
        while count > 0 {
            count -= 1
            output.append(digits[count])
        }
    }
}
