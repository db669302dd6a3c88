/// Text for XML content and attribute values, shared by every XML export (TMX, TBX).
public enum XMLText {
    /// Escapes XML's five special characters and drops what XML 1.0 cannot hold (C0 controls other
    /// than tab, LF and CR; U+FFFE, U+FFFF).
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                let value = scalar.value
                if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D)
                    || value == 0xFFFE || value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
