import ArgumentParser
import SentenceAlignment
import TextNormalization

extension Lexalign.Align {
    struct Rescore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the score of every bead of an alignment file, after a reviewer changed beads.",
            discussion: """
                Reads the pinned sentence files, scores each bead as the aligner would and rewrites \
                the file atomically; refs, statuses and texts stay as they are.
                """
        )

        static let examples = [
            "lexalign align rescore Alignments/qosh-tepa-canal/prs-en.tsv",
            "lexalign align rescore --lexicon Lexicons Alignments/torkham-border-trade/ps-en.tsv",
        ]

        @Argument(help: "An alignment file (e.g. Alignments/<document>/prs-en.tsv).", completion: .file(extensions: ["tsv"]))
        var file: String

        @Option(help: "A lexicon folder for the entity anchors (default: the built-in lexicon).", completion: .directory)
        var lexicon: String?

        func run() throws {
            var alignment = try BeadFileInput.readCleanly(file, toBe: "rescored")
            let pinned = PinnedFiles(beadFile: file, file: alignment)
            let source = try sentences(pinned.sourcePath), target = try sentences(pinned.targetPath)
            let covered = alignment.rows.allSatisfy { $0.bead.source.upperBound <= source.count && $0.bead.target.upperBound <= target.count }
            guard covered else {
                StandardError.line("lexalign: error: \(file) refers to lines its sentence files do not have; `lexalign validate` says where")
                throw ExitStatus.ioError
            }
            var scorer = try DocumentAligner(model: try LexiconLocation.model(directory: lexicon)).scorer(
                source: source, sourceLanguage: pinned.sourceLanguage, target: target, targetLanguage: pinned.targetLanguage)
            for index in alignment.rows.indices {
                alignment.rows[index].bead.score = scorer.score(alignment.rows[index].bead)
            }
            do {
                try TextFiles.writeAtomically(AlignmentFileWriter.text(of: alignment), to: file)
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
        }

        private func sentences(_ path: String) throws -> [String] {
            do {
                return SentenceFile(path: path, bytes: try TextFiles.readBytes(path)).lines
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
        }
    }
}
