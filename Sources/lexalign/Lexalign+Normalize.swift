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
            try FilterRun.run(filter) { fileName in
                try (0..<filter.jobCount).map { _ in
                    NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: format, fileName: fileName)
                }
            }
        }
    }
}
