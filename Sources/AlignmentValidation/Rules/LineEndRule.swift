import SourceDiagnostics
import TextNormalization

/// Bead files end every line with LF: CRLF and a missing final newline make noisy diffs.
public struct LineEndRule: AlignmentRule {
    public let description = RuleDescription(
        id: "line-end", defaultSeverity: .warning,
        summary: "A line ends in CRLF, or the file's last line has no newline.",
        hint: "End every line with LF (`lexalign validate --fix` does; so does `lexalign lexicon fmt` for lexicons).")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in document.text.unicodeScalars {
            if scalar == "\n" {
                if previous == "\r" { findings.append(finding(document.path, line, column - 1, "CRLF line end")) }
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
        }
        if column > 1 { findings.append(finding(document.path, line, column, "no newline at the end of the file")) }
    }
}

extension AlignmentRules {
    public static let lineEnd = LineEndRule()
}
