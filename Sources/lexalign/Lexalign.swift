import ArgumentParser
import ContentHash
import LexiconData
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
            version: LexalignVersion.description,
            subcommands: [Normalize.self, Tag.self, Split.self, Align.self, Validate.self, LexiconCommand.self]
        )
    }
}

enum LexalignVersion {
    static let number = "0.2.0"

    /// `lexalign --version`: the release, the ICU it runs on and the lexicon built into it.
    static var description: String {
        "lexalign \(number) (ICU \(ICUVersion.icu), Unicode \(ICUVersion.unicode); built-in lexicon: "
            + "\(EmbeddedLexicon.entityCount) entities, \(EmbeddedLexicon.labelCount) labels, "
            + "sha256 \(FileSetDigest.short(EmbeddedLexicon.digest)))"
    }
}
