/// Writing JSON Lines records byte by byte, without building intermediate strings.
public enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `bytes` (valid UTF-8) as a JSON string literal, quotes included.
    public static func appendString(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
        output.append(0x22)
        // Copy runs that need no escape in one go; most text has none at all.
        var runStart = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else { continue }
            output.append(contentsOf: bytes[runStart..<index])
            runStart = index + 1
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
        output.append(contentsOf: bytes[runStart..<bytes.endIndex])
        output.append(0x22)
    }

    public static func appendString(_ string: String, to output: inout [UInt8]) {
        appendString(Array(string.utf8)[...], to: &output)
    }

    /// Appends `"key":` to an object being written.
    public static func appendKey(_ key: String, to output: inout [UInt8]) {
        appendString(key, to: &output)
        output.append(0x3A)
    }

    public static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        output.append(contentsOf: String(value).utf8)
    }
}
