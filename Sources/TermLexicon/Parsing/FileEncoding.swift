import TextNormalization

/// How a lexicon file's bytes turn into text, and what is wrong with them: lexicon files are
/// UTF-8 without a byte order mark. One clear finding replaces the flood a wrongly encoded file
/// would otherwise cause (every line of a UTF-16 file is a field-count error).
enum FileEncoding {
    /// The text to parse and the findings about the encoding.
    static func decode(path: String, bytes: [UInt8]) -> (text: String, problems: [Diagnostic], hadByteOrderMark: Bool) {
        func problem(_ line: Int, _ column: Int, _ message: String, _ rule: String) -> Diagnostic {
            Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column), message, rule: rule)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) {
            return ("", [problem(1, 1,
                                 "the file is UTF-16; lexicon files are UTF-8 (save it as UTF-8 in your editor)",
                                 "encoding")], false)
        }
        var body = bytes[...]
        var problems: [Diagnostic] = []
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bom {
            body = bytes.dropFirst(3)
            problems.append(problem(1, 1,
                "the file starts with a byte order mark; lexicon files are UTF-8 without one "
                    + "(lexalign lexicon fmt removes it)", "encoding"))
        }
        let content = Array(body)
        // Valid UTF-8 is validated once, as the text is made; only a file that is not is read
        // again for where (the scan for the first ill-formed byte and then the text's own
        // validation were a tenth of loading a lexicon of a million labels).
        let validText = String(validating: content, as: UTF8.self)
        if validText == nil { problems += invalidSequences(path: path, content) }
        if let nul = content.firstIndex(of: 0) {
            let (line, column) = place(of: nul, in: content)
            problems.append(problem(line, column,
                "a NUL byte at byte offset \(nul); lexicon files hold text only", "nul-byte"))
        }
        return (validText ?? String(decoding: content, as: UTF8.self), problems, bom)
    }

    /// No byte order mark, but a NUL in (nearly) every other byte at the start, as UTF-16 writes
    /// ASCII: UTF-16 after all. (Other NULs are `nul-byte` findings.)
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(64))
        guard head.count >= 8 else { return false }
        let pairs = head.count / 2
        let evenZeros = stride(from: 0, to: pairs * 2, by: 2).filter { head[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: pairs * 2, by: 2).filter { head[$0] == 0 }.count
        return max(evenZeros, oddZeros) * 10 >= pairs * 9 && min(evenZeros, oddZeros) * 10 <= pairs
    }

    /// The line and scalar column of byte `offset`, lines ending as the TSV reader ends them (LF,
    /// CRLF, a lone CR), an ill-formed sequence counting as one column (its U+FFFD).
    private static func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1, index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
                index += 1
            } else if byte < 0x80 {
                index += 1
                column += 1
            } else {
                index += UTF8Decoding.decodeMultiByte(bytes, at: index, end: bytes.count).1
                column += 1
            }
        }
        return (line, column)
    }

    /// Each line's first ill-formed UTF-8 sequence, at the line and scalar column where the
    /// replacement character stands.
    private static func invalidSequences(path: String, _ bytes: [UInt8]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var line = 1, column = 1, index = 0
        var reportedLine = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                // Line ends as the TSV reader counts them: LF, CRLF, CR.
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
                index += 1
                continue
            }
            if byte < 0x80 {
                index += 1
                column += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: bytes.count)
            if scalar == nil && reportedLine != line {
                reportedLine = line
                let shown = bytes[index..<index + length].map { "0x" + String($0, radix: 16, uppercase: true) }
                    .joined(separator: " ")
                problems.append(Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column),
                    "invalid UTF-8 (\(shown)) at byte offset \(index); lexicon files are UTF-8", rule: "invalid-utf8"))
            }
            index += length
            column += 1
        }
        return problems
    }
}
