import ArgumentParser
import TextNormalization

extension NormalizationForm: ExpressibleByArgument {}
extension DigitPolicy: ExpressibleByArgument {}
extension NormalizeLineProcessor.OutputFormat: ExpressibleByArgument {}

/// `--lang auto|en|prs|ps`
enum LanguageChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, en, prs, ps

    var language: Language? {
        switch self {
        case .auto: return nil
        case .en: return .english
        case .prs: return .dari
        case .ps: return .pashto
        }
    }

    init?(argument: String) {
        if argument == "auto" { self = .auto; return }
        switch Language(code: argument) {
        case .english: self = .en
        case .dari: self = .prs
        case .pashto: self = .ps
        default: return nil
        }
    }
}

/// Options every line filter shares: inputs, parallelism, progress.
struct FilterOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Show neither progress nor warnings (errors are still shown).")
    var quiet = false

    @Argument(help: "Input files; standard input when none or '-'.")
    var files: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    var jobCount: Int { jobs ?? Machine.coreCount }
    var inputs: [String] { files.isEmpty ? ["-"] : files }
}

extension Lexalign {
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Normalise text line by line: Unicode forms, Dari and Pashto orthography, romanisation.",
            discussion: """
                Writes exactly one line per input line, in input order. Lines end at LF; CRLF is \
                read as one line end; output lines end with LF. Invalid UTF-8 becomes U+FFFD with \
                a warning naming the line and byte offset; NUL bytes are removed with a warning.
                """
        )

        @Option(help: "text (readable), key (for matching) or latin (romanised ASCII).")
        var form: NormalizationForm = .text

        @Option(help: "auto (decide per line), en, prs (Dari; fa-AF accepted) or ps.")
        var lang: LanguageChoice = .auto

        @Option(help: "keep, or ascii for Persian and Arabic-Indic digits (default: keep for text, ascii otherwise).")
        var digits: DigitPolicy?

        @Option(help: "text, or jsonl records with line, text, form and lang.")
        var format: NormalizeLineProcessor.OutputFormat = .text

        @OptionGroup var filter: FilterOptions

        func run() throws {
            let options = NormalizationOptions(form: form, language: lang.language, digits: digits)
            let context: NormalizationContext
            do {
                context = try NormalizationContext(options: options)
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
            let inputs = filter.inputs
            let output = OutputStream(descriptor: 1)
            let progress = Progress(quiet: filter.quiet)
            let reporter = IssueReporter(quiet: filter.quiet)
            var failedInputs = 0
            for path in inputs {
                let input: FileInput
                do {
                    input = try FileInput(path: path)
                } catch {
                    progress.clear()
                    StandardError.line(error.description)
                    failedInputs += 1
                    continue
                }
                let fileName = inputs.count > 1 ? input.displayName : nil
                let processors = try (0..<filter.jobCount).map { _ in
                    NormalizeLineProcessor(normalizer: try makeNormalizer(context), format: format, fileName: fileName)
                }
                do {
                    try ParallelLineRunner(processors: processors).run(input) { result in
                        try output.write(result.output)
                        reporter.report(result.issues, path: input.displayName, progress: progress)
                        progress.advance(bytes: result.byteCount, lines: result.lineCount)
                    }
                } catch let error as InputError {
                    progress.clear()
                    StandardError.line(error.description)
                    failedInputs += 1
                } catch let error as OutputError {
                    StandardError.line(error.description)
                    throw ExitStatus.ioError
                }
                reporter.finishInput(path: input.displayName)
            }
            progress.clear()
            do { try output.flush() } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            if failedInputs > 0 { throw ExitStatus.ioError }
        }

        private func makeNormalizer(_ context: NormalizationContext) throws -> TextNormalizer {
            do {
                return try context.makeNormalizer()
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
        }
    }
}
