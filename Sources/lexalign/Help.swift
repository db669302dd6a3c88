import ArgumentParser

/// A command whose `--help` ends with examples a user can run from a clone of the repository (the
/// CLI tests run the ones that only read).
protocol HasExamples {
    static var examples: [String] { get }
}

extension Lexalign: HasExamples {}
extension Lexalign.Normalize: HasExamples {}
extension Lexalign.Tag: HasExamples {}
extension Lexalign.Split: HasExamples {}
extension Lexalign.Validate: HasExamples {}
extension Lexalign.Align.Documents: HasExamples {}
extension Lexalign.Align.Export: HasExamples {}
extension Lexalign.Align.Rescore: HasExamples {}
extension Lexalign.LexiconCommand: HasExamples {}
extension Lexalign.LexiconCommand.Lint: HasExamples {}
extension Lexalign.LexiconCommand.Format: HasExamples {}
extension Lexalign.LexiconCommand.Stats: HasExamples {}
extension Lexalign.LexiconCommand.Accept: HasExamples {}
extension Lexalign.LexiconCommand.Suggest: HasExamples {}
extension Lexalign.Serve: HasExamples {}

/// `lexalign align --help` describes the default subcommand, so it shows its examples too.
extension Lexalign.Align: HasExamples {
    static var examples: [String] { Documents.examples }
}

enum Help {
    /// The command a help request names: `lexalign align export --help`, `lexalign help tag`.
    static func command(named arguments: [String]) -> ParsableCommand.Type? {
        var current: ParsableCommand.Type = Lexalign.self
        for argument in arguments where argument != "help" {
            guard !argument.hasPrefix("-"),
                  let next = current.configuration.subcommands.first(where: { $0._commandName == argument })
            else { continue }
            current = next
        }
        return current
    }

    /// What follows ArgumentParser's help of `command`: for `align`, the options of its default
    /// subcommand (a user of `lexalign align --help` is looking for them, and ArgumentParser lists
    /// only the group's own); then the examples.
    static func ending(of command: ParsableCommand.Type) -> String {
        var text = ""
        if command == Lexalign.Align.self {
            let lines = Lexalign.Align.Documents.helpMessage().split(separator: "\n", omittingEmptySubsequences: false)
            if let start = lines.firstIndex(of: "OPTIONS:") {
                let options = lines[(start + 1)...].prefix { !$0.contains("--version") && !$0.contains("--help") }
                text += "\n\nOPTIONS OF `lexalign align` (aligning two documents):\n" + options.joined(separator: "\n")
            }
        }
        return text + examples(of: command)
    }

    /// The examples block that ends the help of `command`, or nothing.
    static func examples(of command: ParsableCommand.Type) -> String {
        guard let examples = (command as? HasExamples.Type)?.examples, !examples.isEmpty else { return "" }
        return "\n\nEXAMPLES:\n" + examples.map { "  $ " + $0 }.joined(separator: "\n")
    }
}
