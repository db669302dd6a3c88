import TermLexicon
import SentenceAlignment
import SourceDiagnostics
import TextNormalization

/// Runs every rule over a bead file and collects all findings; never stops at the first.
public struct AlignmentValidator {
    public let rules: [any AlignmentRule]
    public let context: ValidationContext

    public init(rules: [any AlignmentRule] = AlignmentRules.all, context: ValidationContext) {
        self.rules = rules
        self.context = context
    }

    public func validate(_ document: AlignmentDocument) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for rule in rules { rule.check(document, context: context, into: &findings) }
        return findings.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
    }
}

/// The mechanical fixes of `validate --fix`: text columns copied from the sentence files the refs
/// name (text-mismatch) and LF line ends (line-end). Refs, scores, statuses, pins and comments are
/// never touched, so a reviewed bead stays what the reviewer confirmed.
public enum AlignmentFixer {
    /// The fixed text and what was fixed; nil when nothing needs fixing or the file does not read
    /// cleanly (a broken file is a person's job).
    public static func fix(_ document: AlignmentDocument) -> (text: String, fixed: [Diagnostic])? {
        guard document.readerDiagnostics.isEmpty, let source = document.source, let target = document.target
        else { return nil }
        var fixed: [Diagnostic] = []
        let rows = Dictionary(uniqueKeysWithValues: document.file.rows.map { ($0.line, $0) })
        // Lines as the reader numbered them: at LF, CRLF or a lone CR.
        let split = TSVFile.splitLines(document.text)
        var lines = split.map { String($0.content) }
        let endsWithNewline = split.last.map { $0.ending != .none } ?? true
        for index in lines.indices {
            let number = index + 1
            if split[index].ending == .crlf || split[index].ending == .cr {
                fixed.append(Diagnostic(.warning, at: SourceLocation(path: document.path, line: number,
                                                                     column: lines[index].unicodeScalars.count + 1),
                                        "\(split[index].ending == .crlf ? "CRLF" : "CR") line end made LF",
                                        rule: AlignmentRules.lineEnd.id))
            }
            guard let row = rows[number] else { continue }
            var fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            while fields.count < 6 { fields.append("") }
            var changed = false
            for (side, range, sentences) in [(0, row.bead.source, source.lines), (1, row.bead.target, target.lines)] {
                guard range.upperBound <= sentences.count else { continue }
                let expected = range.map { sentences[$0] }.joined(separator: " ")
                // A tab or line break in a sentence would break the row: sentence-break reports
                // it, and a person mends the sentence file.
                if expected.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { continue }
                if fields[4 + side] != expected {
                    fields[4 + side] = expected
                    changed = true
                    fixed.append(Diagnostic(.error,
                                            at: SourceLocation(path: document.path, line: number,
                                                               column: document.column(line: number, field: 4 + side)),
                                            "\(side == 0 ? "src_text" : "tgt_text") copied from the sentence file",
                                            rule: AlignmentRules.textMismatch.id))
                }
            }
            if changed { lines[index] = fields.joined(separator: "\t") }
        }
        if !endsWithNewline && !lines.isEmpty {
            fixed.append(Diagnostic(.warning,
                                    at: SourceLocation(path: document.path, line: lines.count,
                                                       column: lines[lines.count - 1].unicodeScalars.count + 1),
                                    "final newline added", rule: AlignmentRules.lineEnd.id))
        }
        guard !fixed.isEmpty else { return nil }
        return (lines.joined(separator: "\n") + "\n", fixed.sorted { $0.location < $1.location })
    }
}
