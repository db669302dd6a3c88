import SentenceAlignment
import SourceDiagnostics
import TextNormalization

/// One check over a bead file and its sentence files. Each rule lives in its own file under
/// Rules/, has a stable id, a default severity and a fix hint, and reports every finding it sees.
public protocol AlignmentRule: Sendable {
    var description: RuleDescription { get }
    func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic])
}

extension AlignmentRule {
    var id: String { description.id }

    func finding(_ path: String, _ line: Int, _ column: Int, _ message: String,
                 severity: Severity? = nil) -> Diagnostic {
        Diagnostic(severity ?? description.defaultSeverity, at: SourceLocation(path: path, line: line, column: column),
                   message, rule: description.id)
    }
}

/// A rule whose findings the bead file reader makes while it parses (syntax: header, pins,
/// fields, refs, scores, statuses, empty beads). Parsing is one pass, so the checks live in
/// `AlignmentFileReader`; this gives each its description and hint.
public struct ReaderRule: AlignmentRule {
    public let description: RuleDescription

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        findings += document.readerDiagnostics.filter { $0.ruleID == description.id }
    }
}
