import ProjectFiles
import ArgumentParser
import SentenceAlignment
import TextNormalization

extension Lexalign.Align {
    struct Rescore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rescore",
            abstract: "Recompute the score of every bead of an alignment file, after a reviewer changed beads.",
            discussion: """
                Reads the pinned sentence files, scores each bead as the aligner would and rewrites \
                the file atomically; refs, statuses and texts stay as they are. A bead file in which \
                `lexalign validate` finds an error (a stale pin, a gap, a ref beyond its sentence file) \
                is left alone: every error is printed and the exit status is 2.
                """
        )

        static let examples = [
            "lexalign align rescore Alignments/qosh-tepa-canal/prs-en.tsv",
            "lexalign align rescore --lexicon Lexicons Alignments/torkham-border-trade/ps-en.tsv",
        ]

        @Argument(help: "An alignment file (e.g. Alignments/<document>/prs-en.tsv).",
                  completion: .file(extensions: ["tsv"]))
        var file: String

        @Option(help: "A lexicon folder for the entity anchors (default: the built-in lexicon).",
                completion: .directory)
        var lexicon: String?

        func run() throws {
            let document = try AlignmentDocuments.loadValid(file, toBe: "rescored")
            guard let source = document.source?.lines, let target = document.target?.lines else {
                throw ExitStatus.ioError
            }
            var alignment = document.file
            let pinned = document.pinned
            var scorer = try DocumentAligner(model: try LexiconLocation.model(directory: lexicon)).scorer(
                source: source, sourceLanguage: pinned.sourceLanguage,
                target: target, targetLanguage: pinned.targetLanguage)
            for index in alignment.rows.indices {
                alignment.rows[index].bead.score = scorer.score(alignment.rows[index].bead)
            }
            do {
                try FileWriter.write(AlignmentFileWriter.text(of: alignment), to: file,
                                     inputs: [pinned.sourcePath, pinned.targetPath])
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
        }
    }
}
