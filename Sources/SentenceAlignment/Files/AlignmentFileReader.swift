import TermLexicon
import TextNormalization

/// Reads an alignment file, reporting every line it cannot read with its place; rows it can read
/// are kept even when others are broken. Whether the beads cover the sentences, match the pinned
/// files and so on is the validator's business, not the reader's.
public enum AlignmentFileReader {
    public static func read(path: String, text: String) -> (file: AlignmentFile, diagnostics: [Diagnostic]) {
        let tsv = TSVFile(path: path, text: text)
        var diagnostics: [Diagnostic] = []
        var file = AlignmentFile(source: nil, target: nil, rows: [])
        var sawHeader = false
        // Roles of the pin lines seen, well formed or not: a malformed pin is a bad-pin finding,
        // not also a missing one.
        var pinRoles: Set<String> = []

        func report(_ line: Int, _ column: Int, _ message: String, _ rule: String) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column),
                                          message, rule: rule))
        }

        for line in tsv.lines {
            if line.isBlank { continue }
            if line.isComment {
                let body = line.text.dropFirst().drop(while: { $0 == " " })
                for role in ["source", "target"] where body.hasPrefix(role + ":") { pinRoles.insert(role) }
                if !sawHeader, let pin = pin(line.text, line: line.number, report: report) {
                    if pin.role == "source" {
                        if file.source != nil { report(line.number, 3, "a second source pin", "bad-pin") }
                        file.source = pin.pin
                    } else {
                        if file.target != nil { report(line.number, 3, "a second target pin", "bad-pin") }
                        file.target = pin.pin
                    }
                }
                continue
            }
            if !sawHeader {
                sawHeader = true
                if line.text != AlignmentFile.columnHeader {
                    report(line.number, 1,
                           "expected the column header `src<TAB>tgt<TAB>score<TAB>status<TAB>src_text<TAB>tgt_text`",
                           "missing-header")
                    if line.fields.first.map({ parseRef($0) != nil }) != true { continue }
                } else {
                    continue
                }
            }
            if let row = row(line, report: report) { file.rows.append(row) }
        }
        if !sawHeader {
            report(max(tsv.lines.count, 1), 1, "no column header and no beads", "missing-header")
        } else {
            // Without pins nothing protects the beads from edits of the sentence files.
            for role in ["source", "target"] where !pinRoles.contains(role) {
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(path: path, line: 1, column: 1),
                    "no \(role) pin: nothing tells when the \(role) sentence file changes "
                        + "(write pins with `lexalign align --presplit -o`)",
                    rule: "missing-pin"))
            }
        }
        file.placeEmptySides()
        return (file, diagnostics)
    }

    /// A `# source: NAME sha256=HEX` or `# target: ...` line; nil for other comments.
    private static func pin(_ text: String, line: Int, report: (Int, Int, String, String) -> Void)
        -> (role: String, pin: ContentPin)? {
        let body = text.dropFirst().drop(while: { $0 == " " })
        let role: String
        if body.hasPrefix("source:") {
            role = "source"
        } else if body.hasPrefix("target:") {
            role = "target"
        } else {
            return nil
        }
        let words = body.dropFirst(7).split(separator: " ")
        guard words.count == 2, words[1].hasPrefix("sha256=") else {
            report(line, 1, "a \(role) pin is `# \(role): FILE sha256=HEX`", "bad-pin")
            return nil
        }
        let hex = words[1].dropFirst(7)
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            let column = text.unicodeScalars.count - hex.unicodeScalars.count + 1
            report(line, column, "sha256 must be 64 lowercase hex digits", "bad-pin")
            return nil
        }
        // The name starts after "# ", the role, its colon and the spaces after it.
        let beforeName = text.unicodeScalars.count - body.unicodeScalars.count + 7
            + body.dropFirst(7).prefix { $0 == " " }.count
        let nameColumn = beforeName + 1
        guard let name = PinName.decode(words[0]) else {
            report(line, nameColumn, "a `%` in a pinned name starts a %XX escape of two hex digits", "bad-pin")
            return nil
        }
        if let problem = PinName.problem(name) {
            report(line, nameColumn, problem, "bad-pin")
        }
        return (role, ContentPin(name: name, sha256: String(hex), line: line))
    }

    private static func row(_ line: TSVFile.Line, report: (Int, Int, String, String) -> Void) -> AlignmentRow? {
        let fields = line.fields
        let columns = line.columns
        guard (4...6).contains(fields.count) else {
            report(line.number, 1, "expected 6 tab-separated fields (src, tgt, score, status, src_text, tgt_text), "
                + "found \(fields.count)", "field-count")
            return nil
        }
        var valid = true
        let source = parseRef(fields[0])
        if source == nil {
            report(line.number, columns[0],
                   "bad source ref `\(fields[0])`: a line number, a range a-b with a <= b, or -", "bad-ref")
            valid = false
        }
        let target = parseRef(fields[1])
        if target == nil {
            report(line.number, columns[1],
                   "bad target ref `\(fields[1])`: a line number, a range a-b with a <= b, or -", "bad-ref")
            valid = false
        }
        if let source, let target, source.isEmpty, target.isEmpty {
            report(line.number, columns[0], "a bead needs a sentence on at least one side", "empty-bead")
            valid = false
        }
        let score = parseScore(fields[2])
        if score == nil {
            report(line.number, columns[2], "score `\(fields[2])` is not a number in [0,1]", "bad-score")
            valid = false
        }
        let status = BeadStatus(rawValue: String(fields[3]))
        if status == nil {
            report(line.number, columns[3], "status `\(fields[3])` is not auto, reviewed or rejected", "bad-status")
            valid = false
        }
        guard valid, let source, let target, let score, let status else { return nil }
        return AlignmentRow(bead: Bead(source: source, target: target, score: score), status: status,
                            sourceText: fields.count > 4 ? String(fields[4]) : "",
                            targetText: fields.count > 5 ? String(fields[5]) : "", line: line.number)
    }

    /// "3" → 2..<3, "2-4" → 1..<4 (refs are 1-based and inclusive); "-" → an empty range whose
    /// position the caller fixes from the neighbouring rows (here 0..<0).
    public static func parseRef(_ text: Substring) -> Range<Int>? {
        if text == "-" { return 0..<0 }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), first >= 1 else { return nil }
        let last = parts.count == 2 ? Int(parts[1]) : first
        guard let last, last >= first, parts.allSatisfy({ $0.first != "+" }) else { return nil }
        return (first - 1)..<last
    }

    static func parseScore(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(text), value >= 0, value <= 1 else { return nil }
        return value
    }
}
