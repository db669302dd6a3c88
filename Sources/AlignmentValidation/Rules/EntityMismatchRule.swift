import SourceDiagnostics
import TextNormalization

/// The two sides of a bead should name the same entities: an ID the tagger finds on one side and
/// not on the other usually means a misaligned bead, a mistranslated name or a spelling the
/// lexicon lacks. Each side of the bead file is one document: a strong mention anywhere on a side
/// resolves that side's weak labels (the surname متقی after امیرخان متقی earlier in the text).
/// An entity named on one side only by a nationality adjective is no finding: "Afghan markets"
/// may well be بازارهای داخلی, domestic markets.
public struct EntityMismatchRule: AlignmentRule {
    public let description = RuleDescription(
        id: "entity-mismatch", defaultSeverity: .warning,
        summary: "An entity is tagged on one side of a bead and not on the other.",
        hint: "Check the bead's refs and the translation of the name; "
            + "if the name is spelled a way the lexicon lacks, add the label to Lexicons/labels.tsv.")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        guard context.model != nil else { return }
        let rows = document.file.rows.filter { $0.status != .rejected }
        let support = [context.strongEntities(rows.map(\.sourceText)), context.strongEntities(rows.map(\.targetText))]
        for row in rows where !row.bead.source.isEmpty && !row.bead.target.isEmpty {
            let sides = [context.mentions(row.sourceText, support: support[0]),
                         context.mentions(row.targetText, support: support[1])]
            let ids = sides.map { Set($0.map(\.id)) }
            let namedByName = sides.map { Set($0.filter { !$0.demonym }.map(\.id)) }
            for side in 0..<2 {
                let other = 1 - side
                var reported = Set<String>()
                for mention in sides[side] where !ids[other].contains(mention.id)
                    && namedByName[side].contains(mention.id)
                    && reported.insert(mention.id).inserted {
                    let names = sides[other].map { "\"\($0.surface)\" (\($0.id))" }
                    let otherNames = names.isEmpty
                        ? "which names no entity"
                        : "which names " + names.joined(separator: ", ")
                    findings.append(finding(document.path, row.line,
                        document.column(line: row.line, field: 4 + side) + mention.start,
                        "\(mention.id) is tagged as \"\(mention.surface)\" in the \(side == 0 ? "source" : "target") "
                            + "but not in the \(other == 0 ? "source" : "target"), \(otherNames)"))
                }
            }
        }
    }
}

extension AlignmentRules {
    public static let entityMismatch = EntityMismatchRule()
}
