import TermLexicon
import SourceDiagnostics
import TextNormalization

/// Bead files end every line with LF: CRLF and a missing final newline make noisy diffs.
public struct LineEndRule: AlignmentRule {
    public let description = RuleDescription(
        id: "line-end", defaultSeverity: .warning,
        summary: "A line ends in CRLF, or the file's last line has no newline.",
        hint: "End every line with LF (`lexalign validate --fix` does; so does `lexalign lexicon fmt` for lexicons).")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        let lines = TSVFile.splitLines(document.text)
        for (index, line) in lines.enumerated() {
            let column = line.content.unicodeScalars.count + 1
            switch line.ending {
            case .crlf: findings.append(finding(document.path, index + 1, column, "CRLF line end"))
            case .cr: findings.append(finding(document.path, index + 1, column, "CR line end (old Mac line ends)"))
            case .none: findings.append(finding(document.path, index + 1, column, "no newline at the end of the file"))
            case .lf: break
            }
        }
    }
}

extension AlignmentRules {
    public static let lineEnd = LineEndRule()
}
