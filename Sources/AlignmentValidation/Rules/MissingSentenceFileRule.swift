import SourceDiagnostics
import TextNormalization

/// A pinned (or implied) sentence file that cannot be read.
public struct MissingSentenceFileRule: AlignmentRule {
    public let description = RuleDescription(
        id: "missing-sentence-file", defaultSeverity: .error,
        summary: "A sentence file the bead file names does not exist or cannot be read.",
        hint: "Restore the file, or fix the pin's name (it is read relative to the bead file's folder).")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        // A pin that may not be read at all is the bad-pin rule's finding.
        if document.source == nil && document.pinned.sourceProblem == nil {
            findings.append(finding(document.path, document.sourcePinLine, 1,
                "source sentence file \(document.pinned.sourcePath) cannot be read"
                + (document.sourceReadProblem.map { ": " + $0 } ?? "")))
        }
        if document.target == nil && document.pinned.targetProblem == nil {
            findings.append(finding(document.path, document.targetPinLine, 1,
                "target sentence file \(document.pinned.targetPath) cannot be read"
                + (document.targetReadProblem.map { ": " + $0 } ?? "")))
        }
    }
}

extension AlignmentRules {
    public static let missingSentenceFile = MissingSentenceFileRule()
}
