import SentenceAlignment
import SourceDiagnostics
import TextNormalization

/// A sentence file holds one sentence per line: no tab, carriage return or other line break
/// inside one, and no empty line.
public struct SentenceBreakRule: AlignmentRule {
    public let description = RuleDescription(
        id: "sentence-break", defaultSeverity: .error,
        summary: "A sentence holds a tab, a carriage return or another line break, or is empty.",
        hint: "Keep one sentence per line: replace tabs with spaces, split or join at the break, "
            + "drop empty lines (and re-align).")

    public func check(_ document: AlignmentDocument, context: ValidationContext, into findings: inout [Diagnostic]) {
        for file in [document.source, document.target].compactMap({ $0 }) {
            for (index, line) in file.lines.enumerated() {
                if line.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                    findings.append(finding(file.path, index + 1, 1, "empty sentence"))
                    continue
                }
                var column = 1
                for scalar in line.unicodeScalars {
                    if let name = Self.breakName(scalar) {
                        findings.append(finding(file.path, index + 1, column, "\(name) inside a sentence"))
                        break
                    }
                    column += 1
                }
            }
        }
    }

    static func breakName(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09: "a tab"
        case 0x0D: "a carriage return"
        case 0x0B, 0x0C: "a vertical tab or form feed"
        case 0x85: "a next-line character (U+0085)"
        case 0x2028: "a line separator (U+2028)"
        case 0x2029: "a paragraph separator (U+2029)"
        default: nil
        }
    }
}

extension AlignmentRules {
    public static let sentenceBreak = SentenceBreakRule()
}
