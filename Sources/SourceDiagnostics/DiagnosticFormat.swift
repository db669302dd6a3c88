/// The ways `lexalign validate` can write a report (`--format`).
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity: message [rule-id]`, a hint line, one summary line.
    case text
    /// One compact JSON document with a summary and every finding.
    case json
    /// GitHub Actions workflow commands (annotations), then the text list for the log.
    case github
    /// SARIF 2.1.0, for code scanning.
    case sarif
    /// JUnit XML, one test case per checked file, for CI test reports.
    case junit
}

/// Writes a report in one of the output formats.
public enum DiagnosticRenderer {
    /// The whole report as `format`; every format ends with a line break.
    ///
    /// - Complexity: O(*n*) in the size of the report.
    public static func render(_ report: DiagnosticReport, as format: DiagnosticFormat) -> String {
        switch format {
        case .text: TextDiagnosticFormat.render(report)
        case .json: JSONDiagnosticFormat.render(report)
        case .github: GitHubDiagnosticFormat.render(report)
        case .sarif: SARIFDiagnosticFormat.render(report)
        case .junit: JUnitDiagnosticFormat.render(report)
        }
    }
}
