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
        public var isComment: Bool { text.hasPrefix("#") }
        public var isBlank: Bool { text.isEmpty }
        /// A line git leaves in a file with a merge conflict: `<<<<<<< ours`, `=======`,
        /// `>>>>>>> theirs`, or diff3's `||||||| base`.
        public var isConflictMarker: Bool {
            for marker in ["<<<<<<<", ">>>>>>>", "|||||||", "======="] where text.hasPrefix(marker) {
                let rest = text.utf8.dropFirst(7)
                return rest.isEmpty || rest.first == 0x20 || (marker == "=======" && rest.allSatisfy { $0 == 0x20 })
            }
            return false
        }
        /// Whether the line ended in CRLF.
        public var hadCR: Bool
    }

    public var path: String
    public var lines: [Line]
    /// Whether the last line lacked its LF.
    public var missingFinalNewline: Bool

    public init(path: String, text: String) {
        self.path = path
        var lines: [Line] = []
        // Splitting the UTF-8 view is much faster than splitting Characters.
        var rawLines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        missingFinalNewline = !(rawLines.last?.isEmpty ?? true)
        if rawLines.last?.isEmpty == true { rawLines.removeLast() }
        for (index, raw) in rawLines.enumerated() {
            var content = raw
            let hadCR = content.hasSuffix("\r")
            if hadCR { content = content.dropLast() }
            var fields: [Substring] = []
            if !content.isEmpty && !content.hasPrefix("#") {
                fields = content.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            }
            lines.append(Line(number: index + 1, text: String(content), fields: fields, hadCR: hadCR))
        }
        self.lines = lines
    }

    /// A diagnostic at field `field` of `line`.
    func diagnostic(_ severity: Severity, _ line: Line, field: Int, _ message: String, rule: String) -> Diagnostic {
        let column = field < line.columns.count ? line.columns[field] : (line.text.unicodeScalars.count + 1)
        return Diagnostic(severity, at: SourceLocation(path: path, line: line.number, column: column), message, rule: rule)
    }

    /// A diagnostic at a scalar offset inside field `field`.
    func diagnostic(_ severity: Severity, _ line: Line, field: Int, offset: Int, _ message: String, rule: String) -> Diagnostic {
        var diagnostic = self.diagnostic(severity, line, field: field, message, rule: rule)
        diagnostic.location.column += offset
        return diagnostic
    }
}
