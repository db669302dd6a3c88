import TextNormalization

/// One compact JSON document on one line, for scripts:
///
/// ```
/// {"version":"0.4.0","files":5,"summary":{"errors":1,"warnings":0,"notes":0},
///  "diagnostics":[{"path":"a.tsv","line":4,"column":7,"severity":"error","rule":"score-range",
///  "message":"…","hint":"…"}]}
/// ```
///
/// `files` counts every checked file; `hint` is left out when the rule table has none for the
/// finding's rule. Members are written in this order; strings are escaped as RFC 8259 requires.
enum JSONDiagnosticFormat {
    static func render(_ report: DiagnosticReport) -> String {
        let counts = report.counts
        let hints = TextDiagnosticFormat.hintsByRule(report)
        let diagnostics: [JSONValue] = report.diagnostics.map { diagnostic in
            var members: [(String, JSONValue)] = [
                ("path", .string(diagnostic.location.path)),
                ("line", .int(diagnostic.location.line)),
                ("column", .int(diagnostic.location.column)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("rule", .string(diagnostic.ruleID)),
                ("message", .string(diagnostic.message)),
            ]
            if let hint = hints[diagnostic.ruleID] { members.append(("hint", .string(hint))) }
            return .object(members)
        }
        let document = JSONValue.object([
            ("version", .string(report.toolVersion)),
            ("files", .int(report.reportedFiles.count)),
            ("summary", .object([
                ("errors", .int(counts.errors)),
                ("warnings", .int(counts.warnings)),
                ("notes", .int(counts.notes)),
            ])),
            ("diagnostics", .array(diagnostics)),
        ])
        return document.serialized() + "\n"
    }
}
