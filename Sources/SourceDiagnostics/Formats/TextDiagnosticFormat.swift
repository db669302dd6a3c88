import TextNormalization

/// The format people read and editors jump from:
///
/// ```
/// Alignments/kabul/prs-en.tsv:4:7: error: score 1.4 is outside [0, 1] [score-range]
///     hint: Scores are probabilities; realign the document or fix the cell.
/// 1 error in 1 of 3 files
/// ```
///
/// Each finding prints as `Diagnostic.description`, followed by its rule's hint when the report's
/// rule table has one; the last line counts the findings by severity (zero counts left out) and
/// the files they are in, or says `no problems in N files`.
enum TextDiagnosticFormat {
    static func render(_ report: DiagnosticReport) -> String {
        var text = ""
        let hints = hintsByRule(report)
        for diagnostic in report.diagnostics {
            text += lines(for: diagnostic, hint: hints[diagnostic.ruleID])
        }
        text += summary(report) + "\n"
        return text
    }

    /// The finding's line and, when there is one, its hint line, each ending with a line break.
    static func lines(for diagnostic: Diagnostic, hint: String?) -> String {
        var text = diagnostic.description + "\n"
        if let hint { text += "    hint: " + hint + "\n" }
        return text
    }

    /// The first non-blank hint of each rule id in the report's table.
    static func hintsByRule(_ report: DiagnosticReport) -> [String: String] {
        var hints: [String: String] = [:]
        for (id, index) in report.ruleIndices() {
            hints[id] = report.rules[index].nonEmptyHint
        }
        return hints
    }

    /// `3 errors, 1 warning in 2 of 5 files`, `1 note in 1 of 1 file`, `no problems in 5 files`.
    static func summary(_ report: DiagnosticReport) -> String {
        let counts = report.counts
        let files = report.reportedFiles.count
        guard counts.total > 0 else { return "no problems in " + counted(files, "file") }
        let parts = [(counts.errors, "error"), (counts.warnings, "warning"), (counts.notes, "note")]
            .filter { $0.0 > 0 }
            .map { counted($0.0, $0.1) }
        return parts.joined(separator: ", ") + " in \(report.filesWithFindings.count) of " + counted(files, "file")
    }

    /// `1 file`, `0 files`, `2 files`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) " + (count == 1 ? noun : noun + "s")
    }
}
