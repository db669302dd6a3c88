import SentenceAlignment
import TermLexicon

/// Turning the beads a reviewer sent into a bead file, and scoring what changed.
enum AlignmentEdits {
    /// The bead file the edit asks for: the old file's pins, the column header, one row per edited
    /// bead with its refs and status as sent and its texts taken from the sentence files (as
    /// `validate --fix` would write them). A bead whose refs were already a bead keeps its score;
    /// the others get 0.00 until `rescore` runs. Refs or statuses that do not parse are written as
    /// sent (tabs and line breaks made spaces), so the validator names them with their line.
    static func text(of edit: AlignmentEdit, replacing old: AlignmentFile,
                     source: [String], target: [String]) -> String {
        let oldScores = scores(of: old)
        var text = AlignmentFileWriter.header(of: old)
        for bead in edit.beads {
            let sourceRef = ref(bead.source), targetRef = ref(bead.target)
            let score = oldScores[RefPair(source: sourceRef, target: targetRef)].map(AlignmentFileWriter.score)
                ?? "0.00"
            let fields = [sourceRef, targetRef, score, AlignmentFileWriter.cell(bead.status),
                          sideText(sourceRef, source), sideText(targetRef, target)]
            text += fields.joined(separator: "\t") + "\n"
        }
        return text
    }

    /// Scores every bead whose refs were not a bead of `old`, as `align rescore` does.
    static func rescore(_ file: inout AlignmentFile, unchangedFrom old: AlignmentFile, pinned: PinnedFiles,
                        source: [String], target: [String], model: TaggingModel) throws {
        let oldScores = scores(of: old)
        let changed = file.rows.indices.filter { index in
            let row = file.rows[index]
            return oldScores[RefPair(source: AlignmentFileWriter.ref(row.bead.source),
                                     target: AlignmentFileWriter.ref(row.bead.target))] == nil
        }
        guard !changed.isEmpty else { return }
        var scorer = try DocumentAligner(model: model).scorer(source: source, sourceLanguage: pinned.sourceLanguage,
                                                               target: target, targetLanguage: pinned.targetLanguage)
        for index in changed { file.rows[index].bead.score = scorer.score(file.rows[index].bead) }
    }

    private struct RefPair: Hashable {
        var source: String
        var target: String
    }

    private static func scores(of file: AlignmentFile) -> [RefPair: Double] {
        var scores: [RefPair: Double] = [:]
        for row in file.rows {
            scores[RefPair(source: AlignmentFileWriter.ref(row.bead.source),
                           target: AlignmentFileWriter.ref(row.bead.target))] =
                row.bead.score
        }
        return scores
    }

    /// A ref as sent, made a cell; an empty one is the empty side, which the file writes `-`.
    private static func ref(_ text: String) -> String {
        text.isEmpty ? "-" : AlignmentFileWriter.cell(text)
    }

    /// The sentences a ref names, joined by a space; empty for `-` or a ref that does not parse
    /// or runs past the file (the validator reports those).
    private static func sideText(_ ref: String, _ sentences: [String]) -> String {
        guard let range = AlignmentFileReader.parseRef(Substring(ref)), range.upperBound <= sentences.count else {
            return ""
        }
        return AlignmentFileWriter.cell(sentences[range].joined(separator: " "))
    }
}
