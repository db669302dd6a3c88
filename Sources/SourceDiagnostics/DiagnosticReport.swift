import TextNormalization

/// What a rule checks, for readers of a report: SARIF's rule table, the hint after a finding.
public struct RuleDescription: Equatable, Sendable {
    /// Stable kebab-case id, as in `[rule-id]`.
    public var id: String
    public var defaultSeverity: Severity
    /// One sentence: what the rule finds.
    public var summary: String
    /// One sentence: how to fix what it finds.
    public var hint: String

    public init(id: String, defaultSeverity: Severity, summary: String, hint: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.hint = hint
    }
}

/// Everything one validation run found, ready to be written in any output format.
public struct DiagnosticReport: Equatable, Sendable {
    /// Sorted by path, line, column.
    public var diagnostics: [Diagnostic]
    /// Every file checked, clean or not (JUnit writes a test case for each).
    public var checkedFiles: [String]
    /// The rules that may appear, for SARIF's table and the hints.
    public var rules: [RuleDescription]
    public var toolVersion: String

    public init(diagnostics: [Diagnostic], checkedFiles: [String], rules: [RuleDescription], toolVersion: String) {
        self.diagnostics = diagnostics.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
        self.checkedFiles = checkedFiles
        self.rules = rules
        self.toolVersion = toolVersion
    }
}
