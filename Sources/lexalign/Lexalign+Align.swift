import ProjectFiles
import ArgumentParser
import SentenceAlignment
import TermLexicon
import TextNormalization

extension AlignmentExport.Format: ChoiceArgument {}

extension Lexalign {
    /// `lexalign align --source ... --target ...` runs `Documents`, the default subcommand, so the
    /// group's own options do not stand in the way of `lexalign align export`.
    struct Align: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "align",
            abstract: "Align the sentences of a Dari or Pashto document with its English translation.",
            usage: """
                lexalign align --source <source> --target <target> [<options>]
                lexalign align export <file> [<options>]
                lexalign align rescore <file> [<options>]
                """,
            discussion: """
                `lexalign align --source ... --target ...` aligns two documents (the default subcommand, \
                whose options are listed below); `export` and `rescore` work on a bead file.
                """,
            subcommands: [Documents.self, Export.self, Rescore.self],
            defaultSubcommand: Documents.self
        )
    }
}

extension Lexalign.Align {
    struct Documents: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "documents",
            abstract: "Align two documents (the default: `lexalign align --source ... --target ...`).",
            discussion: """
                Beads are 1-1, 1-2, 2-1, 1-0, 0-1, 2-2, 1-3 or 3-1 sentences, found by dynamic \
                programming over sentence lengths, shared entity IDs, numbers, Latin-script words and \
                punctuation. tsv is the Alignments/ bead file (sha256 pins, a score in [0,1] per bead, \
                status auto); vecalign writes [i,j]:[k]:score lines, 0-based; tmx writes TMX 1.4b; \
                moses writes PREFIX.<source-lang> and PREFIX.<target-lang> (needs -o PREFIX). \
                Without --presplit each line is a paragraph split into sentences, refs count those \
                sentences and the tsv carries no pins; for a bead file to keep in Alignments/, run \
                `lexalign split` first and align the split files with --presplit.
                """
        )

        static let examples = [
            "lexalign align --source Alignments/qosh-tepa-canal/prs.txt "
                + "--target Alignments/qosh-tepa-canal/en.txt --presplit",
            "lexalign align --source Alignments/torkham-border-trade/ps.txt "
                + "--target Alignments/torkham-border-trade/en.txt --presplit --format tmx",
            "lexalign align --source prs.txt --target en.txt --presplit -o prs-en.tsv",
        ]

        @Option(help: "The source document (Dari or Pashto, or any of en, prs, ps).", completion: .file())
        var source: String

        @Option(help: "The target document (usually the English translation).", completion: .file())
        var target: String

        @Option(help: "Language of the source: prs, ps, en, or auto (decided from its lines).")
        var sourceLang = "auto"

        @Option(help: "Language of the target: en, prs, ps, or auto.")
        var targetLang = "auto"

        @Flag(help: "Take one sentence per line as given instead of splitting the text into sentences.")
        var presplit = false

        @Option(help: "tsv, vecalign, tmx or moses.")
        var format: AlignmentExport.Format = .tsv

        @Option(name: [.short, .customLong("output")],
                help: "Write here instead of standard output (for moses: the file prefix).",
                completion: .file())
        var output: String?

        @Option(help: "With --format tmx: the source's xml:lang (default fa-AF for Dari, ps, en).")
        var sourceCode: String?

        @Option(help: "With --format tmx: the target's xml:lang.")
        var targetCode: String?

        @Option(help: "A lexicon folder for the entity anchors (default: the built-in lexicon).",
                completion: .directory)
        var lexicon: String?

        @Option(help: ArgumentHelp("Tuning: comma-separated name=value pairs overriding the aligner's weights.",
                                   visibility: .hidden))
        var tune: String?

        @Flag(name: .shortAndLong, help: "No warnings on standard error.")
        var quiet = false

        func validate() throws {
            for (name, value) in [("--source-lang", sourceLang), ("--target-lang", targetLang)]
                where value != "auto" && Language(code: value) == nil {
                throw ValidationError("unknown \(name) '\(value)' (use en, prs, ps or auto).")
            }
            if format == .moses && output == nil {
                throw ValidationError("--format moses writes two files: give -o PREFIX.")
            }
        }

        func run() throws {
            var sourceFile = try readSentences(source)
            var targetFile = try readSentences(target)
            let model = try LexiconLocation.model(directory: lexicon, quiet: quiet)
            let sourceLanguage = try language(sourceLang, of: sourceFile.sentences)
            let targetLanguage = try language(targetLang, of: targetFile.sentences)
            if !presplit {
                sourceFile.sentences = try split(sourceFile.sentences, language: sourceLanguage)
                targetFile.sentences = try split(targetFile.sentences, language: targetLanguage)
            }
            var parameters = AlignerParameters()
            if let tune { try parameters.apply(tune) }
            let beads = try DocumentAligner(model: model, parameters: parameters).align(
                source: sourceFile.sentences, sourceLanguage: sourceLanguage,
                target: targetFile.sentences, targetLanguage: targetLanguage)
            let file = AlignmentFile(
                beads: beads, sourceSentences: sourceFile.sentences, targetSentences: targetFile.sentences,
                // Refs number the lines of the pinned files only when those lines are the sentences.
                source: presplit ? ContentPin(name: pinName(source), sha256: sourceFile.sha256) : nil,
                target: presplit ? ContentPin(name: pinName(target), sha256: targetFile.sha256) : nil)
            try AlignmentOutput.write(file, format: format, to: output, inputs: [source, target],
                                      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                      sourceCode: sourceCode, targetCode: targetCode, includeUnreviewed: true)
        }

        /// The file's sentences: its lines with --presplit, else its paragraphs split.
        private func readSentences(_ path: String) throws -> (sentences: [String], sha256: String) {
            let bytes: [UInt8]
            do {
                bytes = try TextFiles.readBytes(path)
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            let file = SentenceFile(path: path, bytes: bytes)
            if !quiet { for problem in file.diagnostics { StandardError.line(problem.description) } }
            return (file.lines, file.sha256)
        }

        /// Each line a paragraph, split into sentences; blank lines give none.
        private func split(_ lines: [String], language: Language) throws -> [String] {
            do {
                let splitter = try SentenceSplitter(language: language, abbreviations: try Abbreviations.builtIn())
                var sentences: [String] = []
                for line in lines { sentences += try splitter.sentences(in: line) }
                return sentences
            } catch {
                StandardError.line("lexalign: error: cannot set up sentence splitting: \(error)")
                throw ExitStatus.ioError
            }
        }

        private func language(_ option: String, of sentences: [String]) throws -> Language {
            if let language = Language(code: option) { return language }
            return try DocumentLanguage.guess(sentences)
        }

        /// The path as the bead file names it: relative to the output file's folder, or as given
        /// when the file goes to standard output.
        private func pinName(_ path: String) -> String {
            guard let output else { return path }
            return PathNames.relative(path, fromFolderOf: output)
        }
    }
}
