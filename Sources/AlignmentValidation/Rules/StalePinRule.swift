import SentenceAlignment
import SourceDiagnostics
import TextNormalization

/// A sentence file changed after the beads were made: its SHA-256 is not the pinned one.
public struct StalePinRule: AlignmentRule {
    public let description = RuleDescription(
        id: "stale-pin", defaultSeverity: .error,
        summary: "A sentence file changed after it was aligned: its SHA-256 differs from the pin.",
        hint: "Re-align the changed file (`lexalign align --presplit ... -o`) and review the beads again, "
            + "or undo the edit.")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        for (pin, file, role) in [(document.file.source, document.source, "source"),
                                 (document.file.target, document.target, "target")] {
            guard let pin, let file, pin.sha256 != file.sha256 else { continue }
            let column = "# \(role): \(pin.name) sha256=".unicodeScalars.count + 1
            findings.append(finding(document.path, pin.line, column,
                "\(pin.name) changed after it was aligned (pinned sha256 \(pin.sha256.prefix(12))…, "
                    + "now \(file.sha256.prefix(12))…)"))
        }
    }
}

extension AlignmentRules {
    public static let stalePin = StalePinRule()
}
