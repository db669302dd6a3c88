import ProjectFiles
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
            subcommands: [Normalize.self, Tag.self, Split.self, Align.self, Validate.self, LexiconCommand.self,
                          Serve.self]
        )
    }

    static let examples = [
        "lexalign normalize --form key Examples/sample.txt",
        "lexalign tag --format tsv Examples/tagging.txt",
        "lexalign validate --strict Lexicons Alignments",
    ]

    /// ArgumentParser's entry point, except that help ends with the command's examples, unwrapped
    /// so they can be copied.
    static func main() {
        StandardStreams.reserveClosedDescriptors()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            // The filters' plain invocations without ArgumentParser's reflection (`FastArguments`).
            if let command = FastArguments.command(arguments) {
                try command.run()
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
        } catch let error as OutputError {
            // Standard output closed or full, a file that cannot be written: one message, status 2.
            StandardError.line(error.description)
            exit(withError: ExitStatus.ioError)
        } catch let error as InputError {
            StandardError.line(error.description)
            exit(withError: ExitStatus.ioError)
        } catch {
            if exitCode(for: error) == .success, let type = Help.command(named: arguments) {
                var message = fullMessage(for: error)
                if message.hasPrefix("OVERVIEW:") || message.hasPrefix("USAGE:") {
                    while message.hasSuffix("\n") { message.removeLast() }
                    print(message + Help.ending(of: type))
                    exit(withError: nil)
                }
            }
            exit(withError: error)
        }
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
