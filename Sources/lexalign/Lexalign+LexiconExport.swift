import ArgumentParser
import SourceDiagnostics
import TermLexicon
import TextNormalization

extension LexiconExportFormat: ChoiceArgument {}

extension Lexalign.LexiconCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the lexicon as SKOS (Turtle), spaCy EntityRuler patterns, TBX-Basic or CSV.",
            discussion: """
                Negative labels and notes are left out. A lexicon with errors is not exported: the \
                errors are listed and the exit status is 1. docs/FORMATS.md (2.14) describes each format.
                """
        )

        static let examples = [
            "lexalign lexicon export --format skos -o lexicon.ttl",
            "lexalign lexicon export --format spacy --built-in > patterns.jsonl",
        ]

        @OptionGroup var lexicon: LexiconDirectory

        @Option(help: "skos, spacy, tbx or csv.")
        var format: LexiconExportFormat

        @Flag(help: "Export the lexicon built into this binary instead of a folder.")
        var builtIn = false

        @Option(name: .shortAndLong, help: "Write here instead of standard output.", completion: .file())
        var output: String?

        func run() throws {
            let sources = builtIn ? LexiconSources.builtIn() : try lexicon.load()
            // What lint calls an error (an unknown id, a second pref ...) would go out as data.
            let errors: [Diagnostic]
            do {
                errors = try LexiconLinter().lint(sources).filter { $0.severity == .error }
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
            guard errors.isEmpty else {
                for problem in errors { StandardError.line(problem.description) }
                throw ExitStatus.findings
            }
            let parsed = Lexicon.parse(sources).0
            let text = format.export(parsed)
            let inputs = builtIn ? [] : sources.files.map(\.text.path)
            try CommandOutput.write(text, to: output, inputs: inputs)
        }
    }
}
