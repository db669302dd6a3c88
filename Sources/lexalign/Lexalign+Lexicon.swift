import ArgumentParser
import TermLexicon
import TextNormalization

extension Lexalign {
    struct LexiconCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Check, format and count lexicon files (entities.tsv, labels.tsv, affixes.tsv).",
            subcommands: [Lint.self, Format.self, Stats.self]
        )
    }
}

/// The folder argument shared by the lexicon subcommands.
struct LexiconDirectory: ParsableArguments {
    @Argument(help: "The lexicon folder (default: $LEXALIGN_LEXICON, else ./Lexicons).")
    var directory: String?

    var path: String { directory ?? LexiconLocation.environmentDirectory ?? "Lexicons" }

    func load() throws -> LexiconSources {
        do {
            return try LexiconLocation.sources(in: path)
        } catch {
            StandardError.line(error.description)
            throw ExitStatus.ioError
        }
    }
}

extension Lexalign.LexiconCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in a lexicon as path:line:col: severity: message [rule-id].",
            discussion: "Exit status: 0 clean, 1 errors (or warnings with --strict), 2 unreadable files."
        )

        @OptionGroup var lexicon: LexiconDirectory

        @Flag(help: "Fail on warnings too.")
        var strict = false

        func run() throws {
            let sources = try lexicon.load()
            let diagnostics: [Diagnostic]
            do {
                diagnostics = try LexiconLinter().lint(sources)
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
            for diagnostic in diagnostics { StandardError.line(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            StandardError.line("\(lexicon.path): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 || (strict && warnings > 0) { throw ExitStatus.findings }
        }
    }

    struct Format: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fmt",
            abstract: "Rewrite lexicon files in canonical order, atomically, keeping every line and comment.",
            discussion: """
                Entities sort by id; labels by id, lang, kind (pref, alt, hidden) and label; affixes \
                by lang, kind and text. A comment stays with the line below it; comments at the top \
                followed by a blank line stay at the top. With --check, nothing is written and the \
                exit status is 1 when a file is not canonical.
                """
        )

        @OptionGroup var lexicon: LexiconDirectory

        @Flag(help: "Only check; exit 1 when a file would change.")
        var check = false

        func run() throws {
            let sources = try lexicon.load()
            var unformatted = 0
            for (file, kind) in [(sources.entities, LexiconFileKind.entities), (sources.labels, .labels), (sources.affixes, .affixes)] {
                guard TextFiles.exists(file.path) else { continue }
                let formatted = LexiconFormatter.format(file.tsv, kind: kind)
                guard formatted != file.text else { continue }
                unformatted += 1
                if check {
                    StandardError.line("\(file.path): not in canonical form (run `lexalign lexicon fmt`)")
                    continue
                }
                do {
                    try TextFiles.writeAtomically(formatted, to: file.path)
                } catch {
                    StandardError.line(error.description)
                    throw ExitStatus.ioError
                }
                StandardError.line("\(file.path): formatted")
            }
            if check && unformatted > 0 { throw ExitStatus.findings }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count entities by type, labels by language and kind, flags and affixes."
        )

        @OptionGroup var lexicon: LexiconDirectory

        @Flag(help: "Count the lexicon built into this binary instead of a folder.")
        var builtIn = false

        func run() throws {
            let sources = builtIn ? LexiconSources.builtIn() : try lexicon.load()
            let (parsed, problems) = Lexicon.parse(sources)
            for problem in problems where problem.severity == .error { StandardError.line(problem.description) }
            let output = OutputStream(descriptor: 1)
            try output.write(LexiconStats(parsed).report)
            try output.flush()
        }
    }
}
