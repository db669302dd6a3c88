import ArgumentParser

/// Exit statuses shared by every subcommand (docs/FORMATS.md, "Exit codes").
enum ExitStatus {
    /// Findings: lint or validation problems, `fmt --check` differences.
    static let findings = ExitCode(1)
    /// An input could not be read or output could not be written.
    static let ioError = ExitCode(2)
}
