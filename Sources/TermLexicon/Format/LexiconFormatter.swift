import TextNormalization

/// Rewrites a lexicon file in canonical order (`LexiconOrder`) without losing a line.
///
/// Comments travel with the data line below them. Comment lines at the top of the file that are
/// followed by a blank line are the file's header and stay on top; comments after the last data
/// line stay at the end. Blank lines elsewhere are dropped. Fields lose stray spaces (at their
/// ends, doubled, or other space characters), and CRLF becomes LF. A line with the wrong number of
/// fields is kept as it is, sorted by the fields it has, for lint to report.
public enum LexiconFormatter {
    /// Rules whose findings make sorting lose meaning: a conflict's two sides would be shuffled
    /// together and the markers sorted away from them; a line with too few or too many fields has
    /// no sort key to trust. `fmt` refuses a file with any of them.
    /// Invalid UTF-8 and UTF-16 block too: rewriting would replace bytes nobody has looked at.
    public static let blockingRules: Set<String> = ["conflict-marker", "field-count", "invalid-utf8", "nul-byte"]

    /// The findings that stop `fmt` from rewriting the file, in line order.
    public static func blockingProblems(_ file: LexiconText, kind: LexiconFileKind) -> [Diagnostic] {
        // A UTF-16 file has no text to sort at all.
        let encoding = file.encodingProblems.filter { $0.ruleID == "encoding" && !file.hadByteOrderMark }
        if !encoding.isEmpty { return encoding }
        let tsv = file.tsv
        let diagnostics: [Diagnostic]
        switch kind {
        case .entities: diagnostics = LexiconParser.entities(tsv).1
        case .labels: diagnostics = LexiconParser.labels(tsv).1
        case .affixes: diagnostics = LexiconParser.affixes(tsv).1
        case .identifiers: diagnostics = LexiconParser.identifiers(tsv).1
        }
        return (file.encodingProblems + diagnostics).filter { blockingRules.contains($0.ruleID) }
            .sorted { $0.location < $1.location }
    }

    public static func format(_ file: TSVFile, kind: LexiconFileKind) -> String {
        var header: [String] = []
        var blocks: [(key: [String], lines: [String])] = []
        var pendingComments: [String] = []
        var index = 0
        let lines = file.lines

        // The header: leading comments closed by a blank line.
        if let firstBlank = lines.firstIndex(where: \.isBlank), lines[..<firstBlank].allSatisfy(\.isComment),
           firstBlank > 0 {
            header = lines[..<firstBlank].map(\.text)
            index = firstBlank
        }
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.isBlank { continue }
            if line.isComment {
                pendingComments.append(line.text)
                continue
            }
            let fields = line.fields.map(clean)
            var cleaned = fields.joined(separator: "\t")
            // Trimming the first field must not turn a data line into something else (a comment,
            // a conflict marker, a blank line): such a line stays as written, for lint to report.
            if cleaned.utf8.first == UInt8(ascii: "#") || cleaned.isEmpty || TSVFile.isConflictMarker(cleaned) {
                cleaned = line.text
            }
            blocks.append((LexiconOrder.key(of: fields.map { Substring($0) }, in: kind),
                           pendingComments + [cleaned]))
            pendingComments = []
        }
        // A stable sort keeps lines with equal keys (duplicates, for lint to report) in file order.
        let sorted = blocks.enumerated().sorted { a, b in
            if LexiconOrder.precedes(a.element.key, b.element.key) { return true }
            if LexiconOrder.precedes(b.element.key, a.element.key) { return false }
            return a.offset < b.offset
        }.map(\.element)
        var output: [String] = header
        if !header.isEmpty { output.append("") }
        for block in sorted { output += block.lines }
        output += pendingComments
        return output.isEmpty ? "" : output.joined(separator: "\n") + "\n"
    }

    /// A field without stray spaces: ends trimmed, runs of any space character made one U+0020.
    static func clean(_ field: Substring) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in field.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
