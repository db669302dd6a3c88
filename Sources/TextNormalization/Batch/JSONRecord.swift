/// Just enough JSON to read one member of a JSON Lines record and pass the rest through untouched:
/// a scanner over the object's top-level members that remembers where each sits, so output can
/// splice new values into the original bytes (`appendEdited`) and every other byte stays as it was.
public struct JSONRecord {
    /// One top-level member: its decoded name and where it sits in the line.
    public struct Member: Equatable, Sendable {
        public var name: String
        /// From the name's opening quote to the end of the value.
        public var range: Range<Int>
        /// The value's bytes (a string's quotes included).
        public var valueRange: Range<Int>
    }

    /// The object's members in order (a name may occur twice; JSON does not forbid it).
    public var members: [Member]
    /// Byte offset of the object's closing brace.
    public var closingBrace: Int

    public struct Problem: Error, Equatable {
        /// Byte offset in the line.
        public var offset: Int
        public var message: String

        public init(offset: Int, message: String) {
            self.offset = offset
            self.message = message
        }
    }

    /// Reads `bytes[range]` as one JSON object (UTF-8, nothing but white space around it).
    public static func parse(_ bytes: [UInt8], _ range: Range<Int>) throws(Problem) -> JSONRecord {
        if let invalid = UTF8Decoding.firstInvalidByte(bytes, range) {
            throw Problem(offset: invalid, message: "invalid UTF-8 (JSON Lines records are UTF-8)")
        }
        var scanner = Scanner(bytes: bytes, position: range.lowerBound, end: range.upperBound)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else { throw scanner.problem("expected a JSON object") }
        scanner.position += 1
        var members: [Member] = []
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            while true {
                scanner.skipSpace()
                let nameStart = scanner.position
                let name = try scanner.string()
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: ":") else {
                    throw scanner.problem("expected ':' after a member name")
                }
                scanner.position += 1
                scanner.skipSpace()
                let valueStart = scanner.position
                try scanner.skipValue()
                members.append(Member(name: name, range: nameStart..<scanner.position,
                                      valueRange: valueStart..<scanner.position))
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
        return JSONRecord(members: members, closingBrace: closing)
    }

    /// The decoded value of member `field`, which must be a string; of its last occurrence when
    /// the name is repeated, as JSON parsers (Python's, JavaScript's) read such objects.
    /// The raw JSON text of member `field` of the record on `bytes[range]` (its last occurrence), or
    /// nil when the line is not a JSON object or lacks the member: what tells documents apart.
    public static func rawValue(of field: String, in bytes: [UInt8], _ range: Range<Int>) -> ArraySlice<UInt8>? {
        guard let record = try? parse(bytes, range),
              let member = record.members.last(where: { $0.name == field }) else {
            return nil
        }
        return bytes[member.valueRange]
    }

    public func string(_ field: String, in bytes: [UInt8]) throws(Problem) -> String {
        guard let member = members.last(where: { $0.name == field }) else {
            throw Problem(offset: closingBrace, message: "no string field '\(field)'")
        }
        var scanner = Scanner(bytes: bytes, position: member.valueRange.lowerBound, end: member.valueRange.upperBound)
        guard scanner.peek == UInt8(ascii: "\"") else {
            throw Problem(offset: member.valueRange.lowerBound, message: "field '\(field)' is not a string")
        }
        return try scanner.string()
    }

    /// Appends the object of `bytes` with each named member's value set to the given JSON value:
    /// in place when the member exists (a later member of the same name is removed, so the name
    /// occurs once), else added before the closing brace. All other bytes are copied unchanged.
    public func appendEdited(_ bytes: [UInt8], _ range: Range<Int>, setting values: [(name: String, json: [UInt8])],
                             to output: inout [UInt8]) {
        // Replacements (a byte range and what goes there), in order of position.
        var edits: [(range: Range<Int>, with: [UInt8])] = []
        var added: [(name: String, json: [UInt8])] = []
        for (name, json) in values {
            let indices = members.indices.filter { members[$0].name == name }
            guard let first = indices.first else {
                added.append((name, json))
                continue
            }
            edits.append((members[first].valueRange, json))
            for index in indices.dropFirst() {
                // Remove the member with the comma before it (it is never the first member).
                edits.append((members[index - 1].range.upperBound..<members[index].range.upperBound, []))
            }
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var cursor = range.lowerBound
        for edit in edits {
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.with)
            cursor = edit.range.upperBound
        }
        guard !added.isEmpty else {
            output.append(contentsOf: bytes[cursor..<range.upperBound])
            return
        }
        // New members go right after the last member's value (or the opening brace).
        let insertAt = members.last?.range.upperBound ?? closingBrace
        output.append(contentsOf: bytes[cursor..<insertAt])
        for (index, member) in added.enumerated() {
            if index > 0 || !members.isEmpty { output.append(UInt8(ascii: ",")) }
            JSONText.appendKey(member.name, to: &output)
            output.append(contentsOf: member.json)
        }
        output.append(contentsOf: bytes[insertAt..<range.upperBound])
    }

    /// A JSON string literal for `string`, for `appendEdited`.
    public static func stringValue(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONText.appendString(string, to: &out)
        return out
    }

    /// The output line for a line that is not a readable JSON object, so the line count holds and
    /// nothing is lost: `{"line":N,"error":"…","input":"<the line as written>"}`.
    public static func appendUnreadable(_ bytes: [UInt8], _ range: Range<Int>, line: Int, message: String,
                                        to output: inout [UInt8]) {
        JSONText.appendLiteral(#"{"line":"#, to: &output)
        JSONText.appendInteger(line, to: &output)
        JSONText.appendLiteral(#","error":"#, to: &output)
        JSONText.appendString(message, to: &output)
        JSONText.appendLiteral(#","input":"#, to: &output)
        JSONText.appendString(String(decoding: bytes[range], as: UTF8.self), to: &output)
        output.append(UInt8(ascii: "}"))
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

        /// A string literal, decoded (escapes, \u surrogate pairs). Its UTF-8 is gathered as bytes
        /// and decoded once (invalid sequences become U+FFFD as they would run by run: an escape's
        /// bytes always start a whole scalar); a literal without escapes is decoded in place.
        mutating func string() throws(Problem) -> String {
            guard peek == UInt8(ascii: "\"") else { throw problem("expected a string") }
            position += 1
            let start = position
            try skipPlainRun()
            if peek == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
            }
            var utf8: [UInt8] = []
            utf8.append(contentsOf: bytes[start..<position])
            while true {
                let runStart = position
                try skipPlainRun()
                utf8.append(contentsOf: bytes[runStart..<position])
                guard let byte = peek else { throw problem("unterminated string") }
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return String(decoding: utf8, as: UTF8.self)
                }
                // A backslash: one escape.
                position += 1
                guard let escape = peek else { throw problem("unterminated escape") }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var value = try hex4()
                    if (0xD800..<0xDC00).contains(value), peek == UInt8(ascii: "\\"), position + 1 < end,
                       bytes[position + 1] == UInt8(ascii: "u") {
                        position += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            value = 0x1_0000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            utf8.append(contentsOf: "\u{FFFD}".utf8)
                            value = low
                        }
                    }
                    utf8.append(contentsOf: String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
                default:
                    throw Problem(offset: position - 1, message: "unknown escape '\\\(Unicode.Scalar(escape))'")
                }
            }
        }

        /// Moves past a string literal as `string()` reads it, with the same errors, without
        /// decoding it (a \\u escape's low surrogate is read as the escape after it, which reads
        /// the same bytes).
        mutating func skipString() throws(Problem) {
            guard peek == UInt8(ascii: "\"") else { throw problem("expected a string") }
            position += 1
            while true {
                try skipPlainRun()
                if bytes[position] == UInt8(ascii: "\"") {
                    position += 1
                    return
                }
                position += 1
                guard let escape = peek else { throw problem("unterminated escape") }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    _ = try hex4()
                default:
                    throw Problem(offset: position - 1, message: "unknown escape '\\\(Unicode.Scalar(escape))'")
                }
            }
        }

        /// Moves past the bytes of a string literal up to its closing quote, a backslash or the
        /// end, refusing control characters as `string()` does.
        private mutating func skipPlainRun() throws(Problem) {
            while position < end {
                // Eight bytes at a time to the next quote, backslash or control (or DEL, which a
                // string may hold: the scan goes on after it).
                position = ByteScan.firstJSONEscape(in: bytes[position..<end])
                guard position < end else { break }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return }
                if byte < 0x20 { throw problem("control character in a string") }
                position += 1
            }
            throw problem("unterminated string")
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
                try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while let current = peek {
                    if current == UInt8(ascii: "\"") {
                        try skipString()
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
