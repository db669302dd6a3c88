import SourceDiagnostics
import TextNormalization

/// A bead's inline text must be its sentences, joined by a space, as the sentence files hold them.
public struct TextMismatchRule: AlignmentRule {
    public let description = RuleDescription(
        id: "text-mismatch", defaultSeverity: .error,
        summary: "A bead's src_text or tgt_text differs from the lines its refs name.",
        hint: "Copy the text from the sentence files (`lexalign validate --fix` does), or correct the refs.")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        guard let source = document.source, let target = document.target else { return }
        for row in document.file.rows {
            for (side, range, lines, text) in [(0, row.bead.source, source.lines, row.sourceText),
                                               (1, row.bead.target, target.lines, row.targetText)] {
                guard range.upperBound <= lines.count else { continue }
                let expected = range.map { lines[$0] }.joined(separator: " ")
                guard text != expected else { continue }
                let role = side == 0 ? "src_text" : "tgt_text"
                let mismatch = Self.firstDifference(text, expected)
                findings.append(finding(document.path, row.line,
                    document.column(line: row.line, field: 4 + side) + mismatch,
                    "\(role) differs from \(CoverageRule.lines(range)) of \(side == 0 ? source.path : target.path) "
                        + "at character \(mismatch + 1)"))
            }
        }
    }

    /// Unicode scalars the two strings share at their start.
    static func firstDifference(_ a: String, _ b: String) -> Int {
        var count = 0
        for (x, y) in zip(a.unicodeScalars, b.unicodeScalars) {
            if x != y { break }
            count += 1
        }
        return count
    }
}

extension AlignmentRules {
    public static let textMismatch = TextMismatchRule()
}
