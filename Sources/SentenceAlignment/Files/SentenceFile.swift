import ContentHash
import TextNormalization

/// A one-sentence-per-line text file as the aligner reads it: lines without their LF (or CRLF),
/// invalid UTF-8 replaced with U+FFFD and reported with its place.
public struct SentenceFile: Sendable {
    public var path: String
    public var lines: [String]
    /// The file's SHA-256, over its bytes as stored.
    public var sha256: String
    public var diagnostics: [Diagnostic]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        sha256 = SHA256.hex(of: bytes)
        var lines: [String] = []
        var diagnostics: [Diagnostic] = []
        var start = 0
        var lineNumber = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(Self.decode(bytes, start..<end, path: path, line: lineNumber, into: &diagnostics))
            start = next
            lineNumber += 1
        }
        self.lines = lines
        self.diagnostics = diagnostics
    }

    /// The line's text; at the first invalid sequence a warning names its column and byte offset.
    private static func decode(_ bytes: [UInt8], _ range: Range<Int>, path: String, line: Int,
                               into diagnostics: inout [Diagnostic]) -> String {
        if let text = String(validating: bytes[range], as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        var index = range.lowerBound
        var reported = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            let (value, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: range.upperBound)
            if let value, let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                scalars.append("\u{FFFD}")
                if !reported {
                    reported = true
                    let location = SourceLocation(path: path, line: line, column: scalars.count)
                    diagnostics.append(Diagnostic(.warning, at: location,
                        "invalid UTF-8 replaced with U+FFFD at byte offset \(index)", rule: "invalid-utf8"))
                }
            }
            index += length
        }
        return String(scalars)
    }
}
