/// Just enough JSON to write the json and sarif formats: a value tree with members in the order
/// given, written compactly or indented.
enum JSONValue {
    case string(String)
    case int(Int)
    case array([JSONValue])
    /// Members in writing order (JSON objects are unordered; readers of a golden file are not).
    case object([(String, JSONValue)])

    /// The value as JSON text without a trailing line break. `indent` nil writes everything on
    /// one line with no spaces; otherwise each member and element goes on its own line.
    func serialized(indent: String? = nil) -> String {
        var out = ""
        write(to: &out, indent: indent, depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, depth: Int) {
        switch self {
        case .string(let string):
            JSONValue.writeString(string, to: &out)
        case .int(let number):
            out += String(number)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, depth: depth + 1)
                element.write(to: &out, indent: indent, depth: depth + 1)
            }
            if !elements.isEmpty { JSONValue.newline(&out, indent: indent, depth: depth) }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, depth: depth + 1)
                JSONValue.writeString(key, to: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent, depth: depth + 1)
            }
            if !members.isEmpty { JSONValue.newline(&out, indent: indent, depth: depth) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: String?, depth: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<depth { out += indent }
    }

    /// A JSON string literal (RFC 8259): `"` and `\` escaped, every control character below
    /// U+0020 as `\u00XX`, everything else (non-ASCII included) as is.
    static func writeString(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{00}"..."\u{1F}":
                out += "\\u00"
                out.unicodeScalars.append(hexDigit(scalar.value >> 4))
                out.unicodeScalars.append(hexDigit(scalar.value & 0xF))
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `0`-`9`, `a`-`f` for 0...15.
    private static func hexDigit(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(UInt8(value < 10 ? 0x30 + value : 0x61 + value - 10))
    }
}
