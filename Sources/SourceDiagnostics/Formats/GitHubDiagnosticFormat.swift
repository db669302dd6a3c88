import TextNormalization

/// GitHub Actions workflow commands, which the runner turns into annotations on the run and the
/// pull request, then the text format for the log:
///
/// ```
/// ::error file=Alignments/kabul/prs-en.tsv,line=4,col=7,title=score-range::score 1.4 is outside [0, 1]
/// Alignments/kabul/prs-en.tsv:4:7: error: score 1.4 is outside [0, 1] [score-range]
///     hint: Scores are probabilities; realign the document or fix the cell.
/// 1 error in 1 of 3 files
/// ```
///
/// Notes become `::notice`. Escaping follows the runner (and `@actions/core`): in the message
/// `%` `CR` `LF` become `%25` `%0D` `%0A`; in property values `:` and `,` also become `%3A` `%2C`.
///
/// The runner reads every line of a step's output as a possible command, and the text list may
/// quote file contents. When a line of it could be taken for a command (it starts with `::` or
/// holds `##[`), the list is fenced with `::stop-commands::TOKEN` ... `::TOKEN::`, the token chosen
/// so it appears nowhere in the list; the runner then only prints those lines.
enum GitHubDiagnosticFormat {
    static func render(_ report: DiagnosticReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            out += "::" + command(for: diagnostic.severity)
            out += " file=" + escapeProperty(diagnostic.location.path)
            out += ",line=\(diagnostic.location.line),col=\(diagnostic.location.column)"
            out += ",title=" + escapeProperty(diagnostic.ruleID)
            out += "::" + escapeData(diagnostic.message) + "\n"
        }
        let list = TextDiagnosticFormat.render(report)
        if couldHoldCommands(list) {
            let token = stopToken(avoiding: list)
            out += "::stop-commands::" + token + "\n" + list + "::" + token + "::\n"
        } else {
            out += list
        }
        return out
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// A command's data (after the second `::`).
    static func escapeData(_ text: String) -> String {
        escape(text, alsoDelimiters: false)
    }

    /// A command's property value (`file=`, `title=`).
    static func escapeProperty(_ text: String) -> String {
        escape(text, alsoDelimiters: true)
    }

    private static func escape(_ text: String, alsoDelimiters: Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            case ":" where alsoDelimiters: escaped += "%3A"
            case "," where alsoDelimiters: escaped += "%2C"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Whether some line of `text` (split at CR and LF, as the runner splits output) starts with
    /// `::` after white space or holds `##[` (the runner's older command syntax).
    static func couldHoldCommands(_ text: String) -> Bool {
        let lines = text.unicodeScalars.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" }
        return lines.contains { line in
            let trimmed = line.drop { $0.properties.isWhitespace }
            return trimmed.starts(with: "::".unicodeScalars) || String(line).contains("##[")
        }
    }

    /// `lexalign-text-list`, with a number added while that text occurs in `text`.
    static func stopToken(avoiding text: String) -> String {
        var token = "lexalign-text-list"
        var number = 1
        while text.contains(token) {
            number += 1
            token = "lexalign-text-list-\(number)"
        }
        return token
    }
}
