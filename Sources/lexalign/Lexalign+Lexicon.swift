import ProjectFiles
import AlignmentValidation
import ArgumentParser
import SourceDiagnostics
import TermLexicon
import TextNormalization

extension Lexalign {
    struct LexiconCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Check, format, count and export lexicon files "
                + "(entities.tsv, labels.tsv, affixes.tsv, identifiers.tsv); propose and add labels.",
            subcommands: [Lint.self, Format.self, Stats.self, Suggest.self, Accept.self, Export.self, CLDR.self]
        )

        static let examples = [
            "lexalign lexicon lint --strict",
            "lexalign lexicon fmt",
            "lexalign lexicon stats --built-in",
        ]
    }
}

/// The folder argument shared by the lexicon subcommands.
struct LexiconDirectory: ParsableArguments {
    @Argument(help: "The lexicon folder (default: $LEXALIGN_LEXICON, else ./Lexicons).", completion: .directory)
    var directory: String?

    var path: String { directory ?? LexiconLocation.environmentDirectory ?? "Lexicons" }

    /// Findings as `validate` prints them: each with its rule's hint, then a summary line.
    static func report(_ diagnostics: [Diagnostic], files: [String],
                       rules: [RuleDescription] = LexiconRuleCatalogue.rules) -> String {
        let report = DiagnosticReport(diagnostics: diagnostics, checkedFiles: files, rules: rules,
                                      toolVersion: LexalignVersion.number)
        return DiagnosticRenderer.render(report, as: .text)
    }

    /// The files of `sources` that exist (affixes.tsv and identifiers.tsv are optional).
    static func files(of sources: LexiconSources) -> [String] {
        sources.files.map(\.text.path).filter { TextFiles.exists($0) }
    }

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
            commandName: "lint",
            abstract: "Report every problem in a lexicon as path:line:col: severity: message [rule-id].",
            discussion: "Exit status: 0 clean, 1 errors (or warnings with --strict), 2 unreadable files."
        )

        static let examples = [
            "lexalign lexicon lint --strict",
            "lexalign lexicon lint Lexicons",
        ]

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
            StandardError.write(LexiconDirectory.report(diagnostics, files: LexiconDirectory.files(of: sources)))
            let errors = diagnostics.contains { $0.severity == .error }
            let warnings = diagnostics.contains { $0.severity == .warning }
            if errors || (strict && warnings) { throw ExitStatus.findings }
        }
    }

    struct Format: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fmt",
            abstract: "Rewrite lexicon files in canonical order, atomically, keeping every line and comment.",
            discussion: """
                Entities sort by id; labels by id, lang, kind (pref, alt, hidden) and label; affixes \
                by lang, kind and text; identifiers by id, scheme and value. A comment stays with the line below it; \
                comments at the top \
                followed by a blank line stay at the top. With --check, nothing is written and the \
                exit status is 1 when a file is not canonical. A file with merge conflict markers or \
                lines with the wrong number of fields is not touched: sorting would scatter what must \
                be mended by hand; fmt names each such line and exits 1.
                """
        )

        static let examples = [
            "lexalign lexicon fmt",
            "lexalign lexicon fmt --check Lexicons",
        ]

        @OptionGroup var lexicon: LexiconDirectory

        @Flag(help: "Only check; exit 1 when a file would change.")
        var check = false

        func run() throws {
            let sources = try lexicon.load()
            var unformatted = 0
            var refused: [Diagnostic] = []
            for (file, kind) in sources.files {
                guard TextFiles.exists(file.path) else { continue }
                let blocking = LexiconFormatter.blockingProblems(file, kind: kind)
                guard blocking.isEmpty else {
                    refused += blocking
                    continue
                }
                let formatted = LexiconFormatter.format(file.tsv, kind: kind)
                guard formatted != file.text || file.hadByteOrderMark else { continue }
                unformatted += 1
                if check {
                    StandardError.line("\(file.path): not in canonical form (run `lexalign lexicon fmt`)")
                    continue
                }
                do {
                    try FileWriter.write(formatted, to: file.path)
                } catch {
                    StandardError.line(error.description)
                    throw ExitStatus.ioError
                }
                StandardError.line("\(file.path): formatted")
            }
            if !refused.isEmpty {
                let files = Set(refused.map(\.location.path)).sorted()
                StandardError.write(LexiconDirectory.report(refused, files: files))
                for file in files { StandardError.line("\(file): not formatted: mend the lines above first") }
                throw ExitStatus.findings
            }
            if check && unformatted > 0 { throw ExitStatus.findings }
        }
    }

    enum StatsFormat: String, CaseIterable, ChoiceArgument { case text, json }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Count entities, labels, flags and affixes, "
                + "and show which entities lack a language or rest on weak labels.",
            discussion: "Lines with errors are not counted: they are listed, and the exit status is 1."
        )

        static let examples = [
            "lexalign lexicon stats",
            "lexalign lexicon stats --built-in --format json",
        ]

        @OptionGroup var lexicon: LexiconDirectory

        @Option(help: "text (tab-separated tables) or json (one object).")
        var format: StatsFormat = .text

        @Flag(help: "Count the lexicon built into this binary instead of a folder.")
        var builtIn = false

        func run() throws {
            let sources = builtIn ? LexiconSources.builtIn() : try lexicon.load()
            let (parsed, problems) = Lexicon.parse(sources)
            let errors = problems.filter { $0.severity == .error }
            for problem in errors { StandardError.line(problem.description) }
            let output = OutputStream(descriptor: 1)
            let stats = LexiconStats(parsed)
            try output.write(format == .json ? stats.json : stats.report)
            try output.flush()
            // The counts leave out what could not be read: say so in the exit status.
            if !errors.isEmpty { throw ExitStatus.findings }
        }
    }
}

extension Lexalign.LexiconCommand {
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: "Add the labels a reviewed suggestions table accepts to labels.tsv.",
            discussion: """
                FILE is a table `lexalign lexicon suggest` wrote, its decision column filled in: \
                alt or hidden adds the label with that kind, negative (or reject) adds it as a \
                negative label, skip (or -) and an empty cell leave the row out. Every row is \
                checked first: a known decision, an entity of DIR, a known language, a label in its \
                language's script. A wrong row, or a result lint would fail (a negative label that \
                contradicts a label of its entity), is reported as path:line:col: error: message \
                [rule-id] and nothing is written (exit 1). Otherwise labels.tsv is rewritten in \
                canonical order, atomically, each added label noted with its evidence and the date, \
                and each is printed as `+ id lang kind label`, then a summary.
                """
        )

        static let examples = [
            "lexalign lexicon accept --dry-run Examples/suggestions.tsv",
            "lexalign lexicon accept suggestions.tsv Lexicons",
        ]

        @Argument(help: "The suggestions table (TSV) with its decision column filled in.",
                  completion: .file(extensions: ["tsv"]))
        var file: String

        @OptionGroup var lexicon: LexiconDirectory

        @Flag(help: "Print what would be added; write nothing.")
        var dryRun = false

        func run() throws {
            let sources = try lexicon.load()
            let table: LexiconText
            do {
                table = LexiconText(path: file, bytes: try TextFiles.readBytes(file))
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            let acceptance: SuggestionAcceptance
            do {
                acceptance = try SuggestionAcceptance(suggestions: table, lexicon: sources, date: Today.isoDate)
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
            if !acceptance.diagnostics.isEmpty {
                let files = [file] + LexiconDirectory.files(of: sources)
                let rules = LexiconRuleCatalogue.rules + SuggestionRuleCatalogue.rules
                StandardError.write(LexiconDirectory.report(acceptance.diagnostics, files: files, rules: rules))
            }
            if acceptance.refused {
                StandardError.line("\(sources.labels.path): not changed: mend the lines above first")
                throw ExitStatus.findings
            }
            if let text = acceptance.labelsText, !dryRun {
                do {
                    try FileWriter.write(text, to: sources.labels.path, inputs: [file])
                } catch {
                    StandardError.line(error.description)
                    throw ExitStatus.ioError
                }
            }
            let output = OutputStream(descriptor: 1)
            try output.write(acceptance.review.report(labelsPath: sources.labels.path, dryRun: dryRun))
            try output.flush()
        }
    }
}

extension Lexalign.LexiconCommand {
    struct CLDR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cldr",
            abstract: "List the country names CLDR (ICU's locale data) has that the lexicon lacks, "
                + "as labels.tsv lines; "
                + "--apply adds them.",
            discussion: """
                Each entity with an ISO 3166-1 code in identifiers.tsv is compared, in every language the \
                lexicon has labels in, with ICU's name of that country (Dari as fa_AF, Uzbek in Latin and \
                Cyrillic letters); lint's cldr-name rule reports the same. With --apply the names are added \
                to labels.tsv as alt labels whose note says cldr, the file is rewritten in canonical order, \
                atomically, and nothing is written when the result would have a lint error.
                """
        )

        static let examples = [
            "lexalign lexicon cldr",
            "lexalign lexicon cldr --apply",
        ]

        @OptionGroup var lexicon: LexiconDirectory

        @Flag(help: "Add the names to labels.tsv instead of listing them.")
        var apply = false

        func run() throws {
            let sources = try lexicon.load()
            let application: CLDRCheck.Application
            do {
                application = try CLDRCheck.apply(sources)
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
            let names = "\(application.added.count) CLDR name\(application.added.count == 1 ? "" : "s")"
            guard apply else {
                for finding in application.added { print(finding.labelLine) }
                StandardError.line("\(names) missing from \(sources.labels.path)")
                return
            }
            for problem in application.problems { StandardError.line(problem.description) }
            if application.problems.contains(where: { $0.severity == .error }) {
                StandardError.line("\(sources.labels.path): not written: "
                    + "the added labels would leave the lexicon with errors")
                throw ExitStatus.findings
            }
            guard !application.added.isEmpty else {
                StandardError.line("\(sources.labels.path): no CLDR name missing")
                return
            }
            do {
                try FileWriter.write(application.labelsText, to: sources.labels.path)
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            StandardError.line("\(sources.labels.path): added \(names) as alt labels")
        }
    }
}
