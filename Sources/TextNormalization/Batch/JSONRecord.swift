/// Just enough JSON to read one field of a JSON Lines record and pass the rest through untouched:
/// a scanner over the object's top-level members that decodes the wanted string and remembers
/// where everything sits, so output can splice into the original bytes.
public struct JSONRecord {
    /// The decoded value of the text field.
    public var text: String
    /// Byte range of the text field's value (quotes included) in the line.
    public var valueRange: Range<Int>
    /// Byte offset of the object's closing brace.
    public var closingBrace: Int
    /// Whether the object has members besides nothing (so a new member needs a comma).
    public var hasMembers: Bool

    public struct Problem: Error, Equatable {
        /// Byte offset in the line.
        public var offset: Int
        public var message: String
    }

    /// Reads `bytes[range]` as one JSON object and finds the string member `field`.
    public static func parse(_ bytes: [UInt8], _ range: Range<Int>, field: String) throws(Problem) -> JSONRecord {
        var scanner = Scanner(bytes: bytes, position: range.lowerBound, end: range.upperBound)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else { throw scanner.problem("expected a JSON object") }
        scanner.position += 1
        let wanted = Array(field.utf8)
        var found: (String, Range<Int>)?
        var hasMembers = false
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            while true {
                scanner.skipSpace()
                let key = try scanner.string()
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: ":") else { throw scanner.problem("expected ':' after a member name") }
                scanner.position += 1
                scanner.skipSpace()
                let valueStart = scanner.position
                if Array(key.utf8) == wanted {
                    guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.problem("field '\(field)' is not a string") }
                    let value = try scanner.string()
                    found = (value, valueStart..<scanner.position)
                } else {
                    try scanner.skipValue()
                }
                hasMembers = true
                scanner.skipSpace()
                if scanner.peek == UInt8(ascii: ",") {
                    scanner.position += 1
                    continue
                }
                guard scanner.peek == UInt8(ascii: "}") else { throw scanner.problem("expected ',' or '}'") }
                scanner.position += 1
                break
            }
        }
        let closing = scanner.position - 1
        scanner.skipSpace()
        guard scanner.position == scanner.end else { throw scanner.problem("unexpected text after the JSON object") }
        guard let (text, valueRange) = found else {
            throw Problem(offset: range.lowerBound, message: "no string field '\(field)'")
        }
        return JSONRecord(text: text, valueRange: valueRange, closingBrace: closing, hasMembers: hasMembers)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position: Int
        let end: Int

        var peek: UInt8? { position < end ? bytes[position] : nil }

        func problem(_ message: String) -> Problem { Problem(offset: position, message: message) }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        /// A string literal, decoded (escapes, \u surrogate pairs).
        mutating func string() throws(Problem) -> String {
            guard peek == UInt8(ascii: "\"") else { throw problem("expected a string") }
            position += 1
            var scalars = String.UnicodeScalarView()
            var runStart = position
            func flushRun(_ upTo: Int) {
                if runStart < upTo { scalars.append(contentsOf: String(decoding: bytes[runStart..<upTo], as: UTF8.self).unicodeScalars) }
            }
            while true {
                guard let byte = peek else { throw problem("unterminated string") }
                if byte == UInt8(ascii: "\"") {
                    flushRun(position)
                    position += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw problem("control character in a string") }
                if byte != UInt8(ascii: "\\") {
                    position += 1
                    continue
                }
                flushRun(position)
                position += 1
                guard let escape = peek else { throw problem("unterminated escape") }
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var value = try hex4()
                    if (0xD800..<0xDC00).contains(value), peek == UInt8(ascii: "\\"), position + 1 < end, bytes[position + 1] == UInt8(ascii: "u") {
                        position += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            value = 0x1_0000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalars.append("\u{FFFD}")
                            value = low
                        }
                    }
                    scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                default:
                    throw Problem(offset: position - 1, message: "unknown escape '\\\(Unicode.Scalar(escape))'")
                }
                runStart = position
            }
        }

        private mutating func hex4() throws(Problem) -> UInt32 {
            guard position + 4 <= end else { throw problem("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw problem("bad hex digit in \\u escape")
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        /// Skips any value: string, number, literal, or nested object or array.
        mutating func skipValue() throws(Problem) {
            guard let byte = peek else { throw problem("expected a value") }
            switch byte {
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while let current = peek {
                    if current == UInt8(ascii: "\"") {
                        _ = try string()
                        continue
                    }
                    if current == UInt8(ascii: "{") || current == UInt8(ascii: "[") { depth += 1 }
                    if current == UInt8(ascii: "}") || current == UInt8(ascii: "]") { depth -= 1 }
                    position += 1
                    if depth == 0 { return }
                }
                throw problem("unterminated object or array")
            default:
                let start = position
                while let current = peek, current != UInt8(ascii: ","), current != UInt8(ascii: "}"),
                      current != 0x20, current != 0x09, current != 0x0A, current != 0x0D {
                    position += 1
                }
                let word = String(decoding: bytes[start..<position], as: UTF8.self)
                guard word == "true" || word == "false" || word == "null" || Double(word) != nil else {
                    throw Problem(offset: start, message: "not a JSON value: '\(word)'")
                }
            }
        }
    }
}
