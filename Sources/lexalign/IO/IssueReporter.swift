import TextNormalization

/// Prints the problems found in inputs, at most `limit` per input followed by a count of the
/// rest, so a file of binary garbage cannot flood the terminal but nothing goes unmentioned.
final class IssueReporter {
    private let limit: Int
    private let quiet: Bool
    private var shown = 0
    private var hidden = 0
    private(set) var errorCount = 0
    private(set) var warningCount = 0

    init(limit: Int = 20, quiet: Bool) {
        self.limit = limit
        self.quiet = quiet
    }

    func report(_ issues: [LineIssue], path: String, progress: Progress) {
        for issue in issues {
            if issue.severity == .error { errorCount += 1 } else { warningCount += 1 }
            if quiet && issue.severity != .error { continue }
            if shown < limit {
                progress.clear()
                StandardError.line(issue.diagnostic(path: path).description)
                shown += 1
            } else {
                hidden += 1
            }
        }
    }

    /// Ends one input: says how many problems were not printed.
    func finishInput(path: String) {
        if hidden > 0 {
            StandardError.line("\(path): note: \(hidden) more problems of this kind not shown")
        }
        shown = 0
        hidden = 0
    }
}
