/// Writing JSON Lines records byte by byte, without building intermediate strings.
public enum JSONText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `bytes` (valid UTF-8) as a JSON string literal, quotes included.
    public static func appendString(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
        output.append(0x22)
        for byte in bytes {
            switch byte {
            case 0x22: output.append(0x5C); output.append(0x22)
            case 0x5C: output.append(0x5C); output.append(0x5C)
            case 0x0A: output.append(0x5C); output.append(0x6E)
            case 0x0D: output.append(0x5C); output.append(0x72)
            case 0x09: output.append(0x5C); output.append(0x74)
            case 0..<0x20, 0x7F:
                output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
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
