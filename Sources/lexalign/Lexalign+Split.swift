import ArgumentParser
import SentenceAlignment
import TextNormalization

extension Lexalign {
    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "split",
            abstract: "Split running text into sentences, one per output line.",
            discussion: """
                Each input line is a paragraph, and a line break always ends a sentence; with \
                --join-lines, consecutive non-blank lines are joined with a space and blank lines \
                separate paragraphs. Blank lines give no output. Sentences are written as in the \
                input, except that white space is trimmed and each run of it (tabs too) becomes one \
                space. Invalid UTF-8 becomes U+FFFD with a warning.
                """
        )

        static let examples = [
            "lexalign split Examples/splitting.txt",
            "lexalign split --join-lines --lang prs article.txt > prs.txt",
        ]

        @Option(help: "auto (decide per paragraph), en, prs (Dari; fa-AF accepted) or ps.")
        var lang: LanguageChoice = .auto

        @Flag(help: "Join consecutive non-blank lines into one paragraph (hard-wrapped text).")
        var joinLines = false

        @OptionGroup var filter: FilterOptions

        var settings: SplitSettings { SplitSettings(lang: lang, joinLines: joinLines, filter: filter.settings) }

        func run() throws { try settings.run() }
    }
}

/// `split` as asked for, from ArgumentParser's options or from `FastArguments`.
struct SplitSettings: Equatable {
    var lang: LanguageChoice = .auto
    var joinLines = false
    var filter = FilterSettings()

    func validate() throws {}

    func run() throws {
        let abbreviations: Abbreviations
        do {
            abbreviations = try Abbreviations.builtIn()
        } catch {
            StandardError.line(error.description)
            throw ExitStatus.ioError
        }
        let options = SplitLineProcessor.Options(language: lang.language, joinLines: joinLines)
        let jobs = filter.jobCount
        try FilterRun.run(filter, cut: joinLines ? .blankLine : .anyLine) { _ in
            try (0..<jobs).map { _ in
                try SplitLineProcessor(options: options, abbreviations: abbreviations)
            }
        }
    }
}
