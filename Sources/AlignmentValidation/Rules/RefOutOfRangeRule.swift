import SourceDiagnostics
import TextNormalization

/// A ref beyond the last line of its sentence file.
public struct RefOutOfRangeRule: AlignmentRule {
    public let description = RuleDescription(
        id: "ref-out-of-range", defaultSeverity: .error,
        summary: "A ref names a line its sentence file does not have.",
        hint: "Refer only to lines 1 to the file's last line; a sentence file may have lost lines since aligning.")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        for row in document.file.rows {
            for (range, file, field, role) in [(row.bead.source, document.source, 0, "source"),
                                               (row.bead.target, document.target, 1, "target")] {
                guard let file, range.upperBound > file.lines.count else { continue }
                findings.append(finding(document.path, row.line, document.column(line: row.line, field: field),
                    "\(role) ref goes to line \(range.upperBound) but \(file.path) has \(file.lines.count) "
                        + "line\(file.lines.count == 1 ? "" : "s")"))
            }
        }
    }
}

extension AlignmentRules {
    public static let refOutOfRange = RefOutOfRangeRule()
}
