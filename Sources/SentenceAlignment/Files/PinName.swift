/// How a pin names its sentence file: a path relative to the bead file's folder, written in the
/// pin line with `%XX` escapes for the bytes that would break the line (white space, controls,
/// `%` itself), so `dari text.txt` is `dari%20text.txt`. Other characters, Dari and Pashto
/// letters included, are written as they are.
public enum PinName {
    public static func encode(_ name: String) -> String {
        String(decoding: encodedBytes(name), as: UTF8.self)
    }

    private static func encodedBytes(_ name: String) -> [UInt8] {
        var out: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in name.utf8 {
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "%") {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// The name a pin line holds, `%XX` escapes resolved; nil when an escape is malformed.
    public static func decode(_ written: Substring) -> String? {
        let bytes = Array(written.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else {
                out.append(bytes[index])
                index += 1
                continue
            }
            guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            else { return nil }
            out.append(high << 4 | low)
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Why a pinned name may not be read, or nil: a pin names a file inside the bead file's
    /// folder tree, so a bead file cannot make a tool (a CI job running `validate --fix`) read
    /// or copy a file elsewhere.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "the pin names no file" }
        if name.hasPrefix("/") {
            return "the pin names \(name) by an absolute path; pins are relative to the bead file's folder"
        }
        var depth = 0
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            depth += part == ".." ? -1 : 1
            if depth < 0 { return "the pin names \(name), outside the bead file's folder" }
        }
        return depth == 0 ? "the pin names the bead file's folder, not a file" : nil
    }
}
