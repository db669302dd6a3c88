import TextNormalization

/// JUnit XML, for CI services that show test reports:
///
/// ```
/// <?xml version="1.0" encoding="UTF-8"?>
/// <testsuites name="lexalign validate" tests="3" failures="1" errors="0">
///   <testsuite name="lexalign validate" tests="3" failures="1" errors="0">
///     <testcase name="Alignments/kabul/prs-en.tsv" classname="lexalign.validate">
///       <failure type="score-range" message="Alignments/kabul/prs-en.tsv:4:7: error: …">…</failure>
///     </testcase>
///     <testcase name="Alignments/kabul/ps-en.tsv" classname="lexalign.validate"/>
///   </testsuite>
/// </testsuites>
/// ```
///
/// - One test case per checked file, clean files included (a clean file is a passing test).
/// - Errors and warnings both fail their file's test case: each is a `<failure>` whose `type` is
///   the rule id and whose `message` is the first line of the finding as the text format prints it
///   (so the severity, which JUnit has no attribute for, stays visible); the element's text is
///   the finding and its hint. A warning-only file fails too: JUnit has no "passed with warnings",
///   and a warning hidden in a passing test is never read. Some readers show only the first
///   `<failure>` of a test case; its text still names the file.
/// - Notes do not fail a test case; they go to its `<system-out>`, as text lines.
/// - `tests` counts test cases and `failures` the failed test cases (files with an error or a
///   warning), so `failures` never exceeds `tests`. There is no timing: the output is the same
///   for the same report.
/// - Escaping: `& < > "` as entities, and in attributes tab, LF and CR as character references so
///   they survive attribute normalisation; CR in text as `&#13;`. Characters XML 1.0 cannot hold
///   (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) are dropped.
enum JUnitDiagnosticFormat {
    static let suiteName = "lexalign validate"
    static let className = "lexalign.validate"

    static func render(_ report: DiagnosticReport) -> String {
        let files = report.reportedFiles
        var findings: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics {
            findings[diagnostic.location.path, default: []].append(diagnostic)
        }
        let hints = TextDiagnosticFormat.hintsByRule(report)
        let failed = files.filter { path in findings[path, default: []].contains { $0.severity != .note } }.count
        let counts = "tests=\"\(files.count)\" failures=\"\(failed)\" errors=\"0\""

        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(suiteName)\" \(counts)>\n"
        xml += "  <testsuite name=\"\(suiteName)\" \(counts)>\n"
        for path in files {
            xml += "    <testcase name=\"\(escapeAttribute(path))\" classname=\"\(className)\""
            let diagnostics = findings[path, default: []]
            guard !diagnostics.isEmpty else {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            var notes = ""
            for diagnostic in diagnostics {
                let text = TextDiagnosticFormat.lines(for: diagnostic, hint: hints[diagnostic.ruleID])
                if diagnostic.severity == .note {
                    notes += text
                    continue
                }
                xml += "      <failure type=\"\(escapeAttribute(diagnostic.ruleID))\""
                xml += " message=\"\(escapeAttribute(firstLine(of: diagnostic.description)))\">"
                xml += escapeText(withoutFinalLineBreak(text)) + "</failure>\n"
            }
            if !notes.isEmpty {
                xml += "      <system-out>" + escapeText(withoutFinalLineBreak(notes)) + "</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n"
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
