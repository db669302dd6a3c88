import ArgumentParser
import TextNormalization

extension NormalizationForm: ChoiceArgument {}
extension DigitPolicy: ChoiceArgument {}
extension NormalizeLineProcessor.OutputFormat: ChoiceArgument {}

/// `--lang auto|en|prs|ps`
enum LanguageChoice: String, CaseIterable, ChoiceArgument {
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

/// `--input text|jsonl` of the line filters.
enum InputKind: String, CaseIterable, ChoiceArgument {
    case text, jsonl
}

/// Options every line filter shares: inputs, parallelism, progress.
struct FilterOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Worker threads (default: all cores; at most twice the cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Show neither progress nor warnings (errors are still shown).")
    var quiet = false

    @Argument(help: "Input files; standard input when none or '-'.", completion: .file())
    var files: [String] = []

    func validate() throws { try settings.validate() }

    var settings: FilterSettings { FilterSettings(jobs: jobs, quiet: quiet, files: files) }
}

/// What a line filter is asked for besides its own options (`FilterOptions`, or `FastArguments`).
struct FilterSettings: Equatable {
    var jobs: Int?
    var quiet = false
    var files: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    /// More threads than cores only take memory (each has its matcher and chunks in flight):
    /// `--jobs` is capped at twice the core count, with a note.
    var jobCount: Int {
        let cap = 2 * Machine.coreCount
        guard let jobs else { return Machine.coreCount }
        if jobs > cap {
            if !quiet {
                StandardError.line("lexalign: note: --jobs \(jobs) capped at \(cap) "
                    + "(twice the \(Machine.coreCount) cores)")
            }
            return cap
        }
        return jobs
    }
    var inputs: [String] { files.isEmpty ? ["-"] : files }
}

extension Lexalign {
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "normalize",
            abstract: "Normalise text line by line: Unicode forms, Dari and Pashto orthography, romanisation.",
            discussion: """
                Writes exactly one line per input line, in input order. Lines end at LF; CRLF is \
                read as one line end; output lines end with LF. Invalid UTF-8 becomes U+FFFD with \
                a warning naming the line and byte offset; a NUL byte is read as a space, with a warning.
                """
        )

        static let examples = [
            "lexalign normalize --form key Examples/sample.txt",
            "lexalign normalize --form latin --lang ps Alignments/qosh-tepa-canal/ps.txt",
            "echo '{\"id\":7,\"text\":\"امير خان متقي\"}' | lexalign normalize "
                + "--input jsonl --form key --output-field key",
        ]

        @Option(help: "text (readable), key (for matching) or latin (romanised ASCII).")
        var form: NormalizationForm = .text

        @Option(help: "auto (decide per line), en, prs (Dari; fa-AF accepted) or ps.")
        var lang: LanguageChoice = .auto

        @Option(help: "keep, or ascii for Persian and Arabic-Indic digits (default: keep for text, ascii otherwise).")
        var digits: DigitPolicy?

        @Option(help: ArgumentHelp(
            "text, or jsonl records with line, text, form and lang (default: text; jsonl with --input jsonl).",
            discussion: "With --input jsonl, jsonl writes each input object back with its text normalised, "
                + "text the normalised text alone."))
        var format: NormalizeLineProcessor.OutputFormat?

        @Option(help: "text (a line is a record) or jsonl (each line a JSON object whose --text-field is normalised).")
        var input: InputKind = .text

        @Option(help: "With --input jsonl: the member holding the text.")
        var textField = "text"

        @Option(help: ArgumentHelp("With --input jsonl: write the normalised text into this member (replaced or added) "
                                   + "and keep the original."))
        var outputField: String?

        @OptionGroup var filter: FilterOptions

        var settings: NormalizeSettings {
            NormalizeSettings(form: form, lang: lang, digits: digits, format: format, input: input,
                              textField: textField, outputField: outputField, filter: filter.settings)
        }

        func validate() throws { try settings.validate() }

        func run() throws { try settings.run() }
    }
}

/// `normalize` as asked for, from ArgumentParser's options or from `FastArguments`.
struct NormalizeSettings: Equatable {
    var form: NormalizationForm = .text
    var lang: LanguageChoice = .auto
    var digits: DigitPolicy?
    var format: NormalizeLineProcessor.OutputFormat?
    var input: InputKind = .text
    var textField = "text"
    var outputField: String?
    var filter = FilterSettings()

    func validate() throws {
        if input == .text && (outputField != nil || textField != "text") {
            throw ValidationError("--text-field and --output-field need --input jsonl.")
        }
    }

    func run() throws {
        let options = NormalizationOptions(form: form, language: lang.language, digits: digits)
        let context: NormalizationContext
        do {
            context = try NormalizationContext(options: options)
        } catch {
            StandardError.line("lexalign: error: \(error)")
            throw ExitStatus.ioError
        }
        let json = input == .jsonl
            ? NormalizeLineProcessor.JSONOptions(textField: textField, outputField: outputField)
            : nil
        let format = format ?? (json == nil ? .text : .jsonl)
        let jobs = filter.jobCount
        try FilterRun.run(filter) { fileName in
            try (0..<jobs).map { _ in
                NormalizeLineProcessor(normalizer: try context.makeNormalizer(), format: format, fileName: fileName,
                                       json: json)
            }
        }
    }
}
