import ArgumentParser
import TextNormalization

@main
struct Lexalign: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lexalign",
            abstract: "Normalise, tag and align English, Dari and Pashto news text.",
            discussion: """
                Reads files or standard input and writes one output line per input line to \
                standard output; diagnostics go to standard error. Exit status: 0 clean, \
                1 findings, 2 input or I/O error, 64 usage error.
                """,
            version: "lexalign \(LexalignVersion.number) (ICU \(ICUVersion.icu), Unicode \(ICUVersion.unicode))",
            subcommands: [Normalize.self, Tag.self, Split.self, Align.self, Validate.self, LexiconCommand.self]
        )
    }
}

enum LexalignVersion {
    static let number = "0.1.0"
}
