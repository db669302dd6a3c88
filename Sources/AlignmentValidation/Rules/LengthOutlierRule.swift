import SentenceAlignment
import SourceDiagnostics
import TextNormalization

/// A reviewed bead whose lengths fit the language pair's model far worse than true pairs do, or
/// whose score is near zero: worth a second look before it is trusted.
public struct LengthOutlierRule: AlignmentRule {
    /// |z| beyond this is rarer than about 1 in 300 for true pairs under the model.
    public static let deviationLimit = 3.0
    public static let scoreLimit = 0.1

    public let description = RuleDescription(
        id: "length-outlier", defaultSeverity: .warning,
        summary: "A reviewed bead's length ratio or score is an outlier for its language pair.",
        hint: "Re-read the bead: a sentence may be missing from one side or belong to the next bead.")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        guard document.refsInRange, let source = document.source, let target = document.target,
              var scorer = try? DocumentAligner(model: context.model, parameters: context.parameters).scorer(
                  source: source.lines, sourceLanguage: document.pinned.sourceLanguage,
                  target: target.lines, targetLanguage: document.pinned.targetLanguage) else { return }
        for row in document.file.rows where row.status == .reviewed {
            guard let z = scorer.lengthDeviation(row.bead) else { continue }
            let score = scorer.score(row.bead)
            if abs(z) > Self.deviationLimit {
                findings.append(finding(document.path, row.line, 1,
                    "the \(z > 0 ? "target" : "source") side is \(Self.format(abs(z))) standard deviations longer than "
                        + "the language pair's model expects"))
            } else if score < Self.scoreLimit {
                findings.append(finding(document.path, row.line, document.column(line: row.line, field: 2),
                    "the aligner scores this reviewed bead \(AlignmentFileWriter.score(score))"))
            }
        }
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension AlignmentRules {
    public static let lengthOutlier = LengthOutlierRule()
}
