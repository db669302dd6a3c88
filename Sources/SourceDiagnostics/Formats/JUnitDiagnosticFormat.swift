import TextNormalization

/// JUnit XML, for CI services that show test reports:
///
/// ```
/// <?xml version="1.0" encoding="UTF-8"?>
/// <testsuites name="lexalign validate" tests="3" failures="2" errors="0">
///   <testsuite name="Alignments/kabul/prs-en.tsv" tests="2" failures="2" errors="0">
///     <testcase name="4:7 score-range" classname="Alignments/kabul/prs-en.tsv">
///       <failure type="score-range" message="Alignments/kabul/prs-en.tsv:4:7: error: …">…</failure>
///     </testcase>
///     <testcase name="9:1 low-score" classname="Alignments/kabul/prs-en.tsv">…</testcase>
///   </testsuite>
///   <testsuite name="Alignments/kabul/ps-en.tsv" tests="1" failures="0" errors="0">
///     <testcase name="no findings" classname="Alignments/kabul/ps-en.tsv"/>
///   </testsuite>
/// </testsuites>
/// ```
///
/// - One test suite per checked file and one test case per finding, each with exactly one
///   `<failure>`: readers that show only a test case's first failure (most do) still show every
///   finding. A file without findings is one passing test case, `no findings`.
/// - A test case is named by the finding's `line:column rule-id` (a repeat gets ` (2)`, ` (3)`, so
///   names stay unique in their suite); its class name is the file, which is how readers group.
/// - Errors and warnings both fail: the `<failure>`'s `type` is the rule id and its `message` the
///   first line of the finding as the text format prints it (so the severity, which JUnit has no
///   attribute for, stays visible); the element's text is the finding and its hint. A warning
///   fails its test case because a warning in a passing test is never read.
/// - A note is a passing test case with the finding in its `<system-out>`.
/// - `tests` counts test cases and `failures` the failed ones. There is no timing: the output is
///   the same for the same report.
/// - Escaping: `& < > "` as entities, and in attributes tab, LF and CR as character references so
///   they survive attribute normalisation; CR in text as `&#13;`. Characters XML 1.0 cannot hold
///   (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) are dropped.
enum JUnitDiagnosticFormat {
    static let suiteName = "lexalign validate"

    static func render(_ report: DiagnosticReport) -> String {
        let files = report.reportedFiles
        var findings: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics {
            findings[diagnostic.location.path, default: []].append(diagnostic)
        }
        let hints = TextDiagnosticFormat.hintsByRule(report)
        func counts(_ diagnostics: [Diagnostic]) -> String {
            let failed = diagnostics.filter { $0.severity != .note }.count
            return "tests=\"\(max(diagnostics.count, 1))\" failures=\"\(failed)\" errors=\"0\""
        }
        var total: [Diagnostic] = []
        var cleanFiles = 0
        for path in files {
            let diagnostics = findings[path, default: []]
            total += diagnostics
            if diagnostics.isEmpty { cleanFiles += 1 }
        }
        let failed = total.filter { $0.severity != .note }.count

        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(suiteName)\" tests=\"\(total.count + cleanFiles)\""
            + " failures=\"\(failed)\" errors=\"0\">\n"
        for path in files {
            let diagnostics = findings[path, default: []]
            let file = escapeAttribute(path)
            xml += "  <testsuite name=\"\(file)\" \(counts(diagnostics))>\n"
            if diagnostics.isEmpty {
                xml += "    <testcase name=\"no findings\" classname=\"\(file)\"/>\n"
            }
            var seen: [String: Int] = [:]
            for diagnostic in diagnostics {
                var name = "\(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.ruleID)"
                seen[name, default: 0] += 1
                if let repeats = seen[name], repeats > 1 { name += " (\(repeats))" }
                xml += "    <testcase name=\"\(escapeAttribute(name))\" classname=\"\(file)\">\n"
                let text = escapeText(withoutFinalLineBreak(
                    TextDiagnosticFormat.lines(for: diagnostic, hint: hints[diagnostic.ruleID])))
                if diagnostic.severity == .note {
                    xml += "      <system-out>" + text + "</system-out>\n"
                } else {
                    xml += "      <failure type=\"\(escapeAttribute(diagnostic.ruleID))\""
                    xml += " message=\"\(escapeAttribute(firstLine(of: diagnostic.description)))\">"
                        + text + "</failure>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    static func withoutFinalLineBreak(_ text: String) -> String {
        text.unicodeScalars.last == "\n" ? String(text.unicodeScalars.dropLast()) : text
    }

    /// Up to the first CR or LF.
    static func firstLine(of text: String) -> String {
        String(text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" })
    }

    /// Character data: `&`, `<`, `>` as entities, CR as `&#13;`, tab and LF as they are.
    static func escapeText(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// A double-quoted attribute value: also `"`, and tab, LF, CR as character references.
    static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where inAttribute: escaped += "&quot;"
            case "\t" where inAttribute: escaped += "&#9;"
            case "\n" where inAttribute: escaped += "&#10;"
            case "\r": escaped += "&#13;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case _ where !isXMLChar(scalar): break
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
