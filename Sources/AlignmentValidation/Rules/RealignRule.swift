import SentenceAlignment
import SourceDiagnostics
import TextNormalization

/// With `--realign`: a reviewed bead the aligner now strongly disagrees with — none of its
/// source sentences is linked to any of its target sentences in the aligner's own beads.
public struct RealignRule: AlignmentRule {
    public let description = RuleDescription(
        id: "realign-disagrees", defaultSeverity: .warning,
        summary: "The aligner, run again, links none of a reviewed bead's sentences to each other.",
        hint: "Re-read the bead against its neighbours; if it is right, "
            + "nothing to do (the aligner is not always right).")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        guard context.realign, document.refsInRange, let source = document.source, let target = document.target,
              let beads = try? DocumentAligner(model: context.model, parameters: context.parameters).align(
                  source: source.lines, sourceLanguage: document.pinned.sourceLanguage,
                  target: target.lines, targetLanguage: document.pinned.targetLanguage) else { return }
        var partner = [Int: Range<Int>]()
        for bead in beads { for sentence in bead.source { partner[sentence] = bead.target } }
        for row in document.file.rows where row.status == .reviewed && !row.bead.source.isEmpty
            && !row.bead.target.isEmpty {
            let linked = row.bead.source.contains { partner[$0].map { $0.overlaps(row.bead.target) } ?? false }
            guard !linked else { continue }
            let proposal = row.bead.source.compactMap { partner[$0] }.filter { !$0.isEmpty }
            let elsewhere = proposal.isEmpty ? "leaves its source sentences unpaired"
                : "pairs its source with target "
                    + "\(CoverageRule.lines(proposal.first!.lowerBound..<proposal.last!.upperBound))"
            findings.append(finding(document.path, row.line, 1, "the aligner \(elsewhere)"))
        }
    }
}

extension AlignmentRules {
    public static let realign = RealignRule()
}
