import TextNormalization

/// A tab-separated text file split into lines and fields, remembering where each field starts so
/// that diagnostics can point at it.
public struct TSVFile: Sendable {
    public struct Line: Sendable {
        /// 1-based line number.
        public var number: Int
        /// The line as written, without its LF (and without a CR before it).
        public var text: String
        /// Tab-separated fields; empty for comment and blank lines.
        public var fields: [Substring]
        /// 1-based column (in Unicode scalars) where each field starts; counted when asked, since
        /// only diagnostics need it.
        public var columns: [Int] {
            var columns: [Int] = []
            var column = 1
            for field in fields {
                columns.append(column)
                column += field.unicodeScalars.count + 1
            }
            return columns
        }
        /// A comment starts with the byte `#` (not the character: `#` plus a combining mark is a
        /// comment too, as the fast loader reads bytes).
        public var isComment: Bool { text.utf8.first == UInt8(ascii: "#") }
        public var isBlank: Bool { text.isEmpty }
        /// A line git leaves in a file with a merge conflict: `<<<<<<< ours`, `=======`,
        /// `>>>>>>> theirs`, or diff3's `||||||| base`.
        public var isConflictMarker: Bool { TSVFile.isConflictMarker(text) }
        /// How the line ended.
        public var ending: LineEnding
        /// Whether the line ended in CRLF.
        public var hadCR: Bool { ending == .crlf }
    }

    /// The line ends people's editors write: LF; CRLF (Windows); CR alone (classic Mac OS and some
    /// editors), which is a line end too, so such a file is read line by line, not as one line.
    public enum LineEnding: Sendable {
        case lf, crlf, cr
        /// The last line, without a line end.
        case none
    }

    public var path: String
    public var lines: [Line]
    /// Whether the last line lacked its LF.
    public var missingFinalNewline: Bool

    public init(path: String, text: String) {
        self.path = path
        var lines: [Line] = []
        // Splitting the UTF-8 view is much faster than splitting Characters.
        for (index, (content, ending)) in TSVFile.splitLines(text).enumerated() {
            var fields: [Substring] = []
            if !content.isEmpty && content.utf8.first != UInt8(ascii: "#") {
                fields = content.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            }
            lines.append(Line(number: index + 1, text: String(content), fields: fields, ending: ending))
        }
        missingFinalNewline = lines.last?.ending == LineEnding.none
        self.lines = lines
    }

    /// Whether a line is one git leaves in a file with a merge conflict.
    public static func isConflictMarker(_ text: String) -> Bool {
        for marker in ["<<<<<<<", ">>>>>>>", "|||||||", "======="] where text.hasPrefix(marker) {
            let rest = text.utf8.dropFirst(7)
            return rest.isEmpty || rest.first == 0x20 || (marker == "=======" && rest.allSatisfy { $0 == 0x20 })
        }
        return false
    }

    /// The lines of `text` with how each ended: at LF, CRLF or a lone CR.
    public static func splitLines(_ text: String) -> [(content: Substring, ending: LineEnding)] {
        var lines: [(Substring, LineEnding)] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            let content = Substring(utf8[start..<index])
            var next = utf8.index(after: index)
            var ending: LineEnding = byte == 0x0A ? .lf : .cr
            if byte == 0x0D && next != utf8.endIndex && utf8[next] == 0x0A {
                ending = .crlf
                next = utf8.index(after: next)
            }
            lines.append((content, ending))
            start = next
            index = next
        }
        if start != utf8.endIndex { lines.append((Substring(utf8[start...]), .none)) }
        return lines
    }

    /// A diagnostic at field `field` of `line`.
    func diagnostic(_ severity: Severity, _ line: Line, field: Int, _ message: String, rule: String) -> Diagnostic {
        let column = field < line.columns.count ? line.columns[field] : (line.text.unicodeScalars.count + 1)
        return Diagnostic(severity, at: SourceLocation(path: path, line: line.number, column: column),
                          message, rule: rule)
    }

    /// A diagnostic at a scalar offset inside field `field`.
    func diagnostic(_ severity: Severity, _ line: Line, field: Int, offset: Int, _ message: String,
                    rule: String) -> Diagnostic {
        var diagnostic = self.diagnostic(severity, line, field: field, message, rule: rule)
        diagnostic.location.column += offset
        return diagnostic
    }
}
