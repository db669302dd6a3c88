import TextNormalization

/// A suggestions table as read from its file: `#` comment lines, a header row naming the columns
/// (in any order, extra ones ignored), then one row per suggestion. Checks the file's shape
/// (header, field counts, decisions, kinds, numbers); checks against a lexicon are
/// `SuggestionReview`'s.
public struct SuggestionTable: Sendable {
    /// The columns a table must have, in the order `SuggestionTableWriter` writes them.
    public static let columns = ["id", "lang", "label", "kind", "score", "count", "evidence", "example", "decision"]

    /// One well-formed row, with where its cells are for diagnostics.
    public struct Row: Sendable {
        public var suggestion: Suggestion
        public var decision: SuggestionDecision
        public var line: Int
        /// The 1-based column where each required column's text starts (after leading spaces).
        var columns: [String: Int]

        /// The place of `column`'s cell, `offset` scalars into its text.
        func location(_ column: String, in path: String, offset: Int = 0) -> SourceLocation {
            SourceLocation(path: path, line: line, column: (columns[column] ?? 1) + offset)
        }
    }

    public var path: String
    public var rows: [Row]

    /// Reads `file`. Rows with a problem are left out and the problem returned: a table read with
    /// errors must not be applied.
    public static func read(_ file: LexiconText) -> (SuggestionTable, [Diagnostic]) {
        // A byte order mark is harmless here (spreadsheets write one); UTF-16 and bad bytes are not.
        var problems = file.encodingProblems.filter { !(file.hadByteOrderMark && $0.ruleID == "encoding") }
        var table = SuggestionTable(path: file.path, rows: [])
        if problems.contains(where: { $0.ruleID == "encoding" }) { return (table, problems) }
        let tsv = file.tsv
        let content = tsv.lines.filter { !$0.isComment && !$0.isBlank }
        guard let header = content.first else {
            problems.append(Diagnostic(.error, at: SourceLocation(path: file.path, line: 1, column: 1),
                "no header row; a suggestions table starts with one naming its columns "
                    + "(\(columns.joined(separator: ", ")))", rule: "suggestion-header"))
            return (table, problems)
        }
        let names = header.fields.map { LexiconFormatter.clean($0) }
        if let problem = headerProblem(names, line: header, in: tsv) { return (table, problems + [problem]) }
        for line in content.dropFirst() {
            let (row, rowProblems) = readRow(line, names: names, in: tsv)
            if let row { table.rows.append(row) }
            problems += rowProblems
        }
        return (table, problems)
    }

    /// Missing or repeated required columns, named at the header line.
    private static func headerProblem(_ names: [String], line: TSVFile.Line, in file: TSVFile) -> Diagnostic? {
        let missing = columns.filter { !names.contains($0) }
        if !missing.isEmpty {
            let listed = missing.map { "'\($0)'" }.joined(separator: ", ")
            return file.diagnostic(.error, line, field: 0,
                "the header lacks the column\(missing.count == 1 ? "" : "s") \(listed) "
                    + "(a suggestions table has \(columns.joined(separator: ", ")))", rule: "suggestion-header")
        }
        for name in columns {
            let places = names.indices.filter { names[$0] == name }
            if places.count > 1 {
                return file.diagnostic(.error, line, field: places[1],
                    "the header names the column '\(name)' twice", rule: "suggestion-header")
            }
        }
        return nil
    }

    /// A data line as a row, or every problem it has.
    private static func readRow(_ line: TSVFile.Line, names: [String], in file: TSVFile) -> (Row?, [Diagnostic]) {
        guard line.fields.count == names.count else {
            let last = min(line.fields.count, names.count) - 1
            return (nil, [file.diagnostic(.error, line, field: last, "expected \(names.count) tab-separated fields, "
                + "as the header has, found \(line.fields.count)", rule: "field-count")])
        }
        var cells: [String: String] = [:]
        var starts: [String: Int] = [:]
        let fieldColumns = line.columns
        for name in columns {
            guard let index = names.firstIndex(of: name) else { continue }
            let raw = line.fields[index]
            cells[name] = LexiconFormatter.clean(raw)
            starts[name] = fieldColumns[index] + raw.unicodeScalars.prefix { $0.properties.isWhitespace }.count
        }
        func cell(_ name: String) -> String { cells[name] ?? "" }
        var problems: [Diagnostic] = []
        func problem(_ name: String, _ message: String, _ rule: String) {
            let place = SourceLocation(path: file.path, line: line.number, column: starts[name] ?? 1)
            problems.append(Diagnostic(.error, at: place, message, rule: rule))
        }
        let decision = SuggestionDecision(cell: cell("decision"))
        if decision == nil {
            let known = SuggestionDecision.values.joined(separator: ", ")
            problem("decision", "unknown decision '\(cell("decision"))' (known: \(known), or empty when not reviewed)",
                    "unknown-decision")
        }
        let kind = LabelKind(rawValue: cell("kind"))
        if kind == nil {
            problem("kind", "unknown kind '\(cell("kind"))' (known: pref, alt, hidden, negative)", "unknown-kind")
        }
        let score = Double(cell("score")).flatMap { $0.isFinite ? $0 : nil }
        if score == nil {
            problem("score", "score '\(cell("score"))' is not a number (such as 0.75)", "suggestion-number")
        }
        let count = Int(cell("count")).flatMap { $0 >= 0 ? $0 : nil }
        if count == nil {
            problem("count", "count '\(cell("count"))' is not a whole number of 0 or more", "suggestion-number")
        }
        guard problems.isEmpty, let decision, let kind, let score, let count else { return (nil, problems) }
        let suggestion = Suggestion(id: cell("id"), lang: cell("lang"), label: cell("label"), kind: kind, score: score,
                                    count: count, evidence: cell("evidence"), example: cell("example"),
                                    decision: cell("decision"))
        return (Row(suggestion: suggestion, decision: decision, line: line.number, columns: starts), [])
    }
}
