import SourceDiagnostics
import TextNormalization

/// Beads must cover every sentence of both files exactly once, in order: no gap, no overlap, no
/// bead going back (crossing).
public struct CoverageRule: AlignmentRule {
    public let description = RuleDescription(
        id: "coverage", defaultSeverity: .error,
        summary: "Beads leave a sentence out (gap), cover one twice (overlap) or go back (crossing).",
        hint: "Make each bead start on the line after the previous bead's last one, on both sides, "
            + "until every line is covered.")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        var next = [0, 0]
        var lastLine = 1
        for row in document.file.rows {
            lastLine = row.line
            for (side, range) in [row.bead.source, row.bead.target].enumerated() where !range.isEmpty {
                let role = side == 0 ? "source" : "target"
                let column = document.column(line: row.line, field: side)
                if range.lowerBound > next[side] {
                    findings.append(finding(document.path, row.line, column,
                        "gap: \(role) \(Self.lines(next[side]..<range.lowerBound)) "
                            + "\(range.lowerBound - next[side] == 1 ? "is" : "are") in no bead"))
                } else if range.lowerBound < next[side] {
                    let kind = range.upperBound <= next[side] && range.lowerBound < next[side] - 1
                        ? "crossing: goes back to"
                        : "overlap: repeats"
                    findings.append(finding(document.path, row.line, column,
                        "\(kind) \(role) \(Self.lines(range.lowerBound..<min(range.upperBound, next[side]))), "
                            + "already covered"))
                }
                next[side] = max(next[side], range.upperBound)
            }
        }
        for (side, file) in [document.source, document.target].enumerated() {
            guard let file, next[side] < file.lines.count else { continue }
            findings.append(finding(document.path, lastLine, 1,
                "gap: \(side == 0 ? "source" : "target") \(Self.lines(next[side]..<file.lines.count)) "
                    + "after the last bead \(file.lines.count - next[side] == 1 ? "is" : "are") in no bead"))
        }
    }

    /// "line 4" or "lines 4-6", 1-based.
    static func lines(_ range: Range<Int>) -> String {
        range.count == 1 ? "line \(range.lowerBound + 1)" : "lines \(range.lowerBound + 1)-\(range.upperBound)"
    }
}

extension AlignmentRules {
    public static let coverage = CoverageRule()
}
