import Foundation
import Testing

/// `lexalign lexicon accept` on a small lexicon made for each test. Expected texts name the
/// suggestions file FILE, the lexicon folder DIR and today's date DATE.
@Suite("lexalign lexicon accept")
struct LexiconAcceptTests {
    static let header = "id\tlang\tlabel\tkind\tscore\tcount\tevidence\texample\tdecision\n"
    static let entities = "place:herat\tplace\t\t\t\nplace:kabul\tplace\t\t\t\n"
    static let labels = "# labels\n\nplace:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\n"
        + "place:kabul\ten\talt\tKabol\t\t\nplace:kabul\tprs\tpref\tکابل\t\t\n"

    /// A run of `accept` with `arguments` before FILE on a fresh lexicon and suggestions file.
    struct Run {
        let scratch: Scratch
        let folder: String
        let file: String
        let outcome: CLIRunner.Outcome
        /// Today before and after the run (two days when it ran over midnight).
        let dates: [String]

        init(_ suggestions: String, arguments: [String] = []) throws {
            scratch = try Scratch()
            folder = try LexiconCommandTests.folder(scratch, entities: LexiconAcceptTests.entities,
                                                    labels: LexiconAcceptTests.labels)
            file = try scratch.file("suggestions.tsv", suggestions)
            let before = LexiconAcceptTests.today()
            outcome = try CLIRunner.run(["lexicon", "accept"] + arguments + [file, folder])
            dates = [before, LexiconAcceptTests.today()]
        }

        func filled(_ text: String, date: String = "") -> String {
            text.replacingOccurrences(of: "FILE", with: file).replacingOccurrences(of: "DIR", with: folder)
                .replacingOccurrences(of: "DATE", with: date)
        }

        var labelsNow: String { (try? String(contentsOfFile: folder + "/labels.tsv", encoding: .utf8)) ?? "" }
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    @Test(arguments: [
        // added in canonical order, whatever the order of the rows; a label already there and a
        // row not reviewed are counted
        ("place:kabul\ten\tKaboul\talt\t0.9\t14\tNTREX eng-prs\tIn Kaboul.\talt\n"
            + "place:herat\ten\tHirat\thidden\t0.8\t3\tTICO\t\thidden\n"
            + "place:kabul\ten\tKabol\talt\t0.7\t2\t\t\talt\n"
            + "place:herat\ten\tHeraat\talt\t0.2\t1\t\t\t\n",
         "+ place:herat en hidden Hirat\n+ place:kabul en alt Kaboul\n"
            + "added 2 labels (1 alt, 1 hidden) to DIR/labels.tsv; 1 already there; 1 skipped (no decision)\n",
         "# labels\n\nplace:herat\ten\tpref\tHerat\t\t\nplace:herat\ten\thidden\tHirat\t\tsuggest: TICO; accepted DATE\n"
            + "place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKabol\t\t\n"
            + "place:kabul\ten\talt\tKaboul\t\tsuggest: NTREX eng-prs; accepted DATE\nplace:kabul\tprs\tpref\tکابل\t\t\n"),
        // a rejected suggestion becomes a negative label; skip and - leave rows out
        ("place:kabul\ten\tKabul Bank\talt\t0.5\t6\tTICO\tKabul Bank reopened.\treject\n"
            + "place:kabul\tfa-AF\tکابلستان\talt\t0.4\t1\t\t\tskip\n"
            + "place:herat\ten\tHeraat\talt\t0.2\t1\t\t\t-\n",
         "+ place:kabul en negative Kabul Bank\n"
            + "added 1 label (1 negative) to DIR/labels.tsv; 2 skipped (marked skip)\n",
         "# labels\n\nplace:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKabol\t\t\n"
            + "place:kabul\ten\tnegative\tKabul Bank\t\tsuggest: TICO; rejected DATE\nplace:kabul\tprs\tpref\tکابل\t\t\n"),
    ])
    func addsAcceptedLabelsAndLintStaysClean(rows: String, stdout: String, labels: String) throws {
        let run = try Run(Self.header + rows)
        #expect(run.outcome.stderr == "")
        #expect(run.outcome.output == run.filled(stdout))
        #expect(run.outcome.status == 0)
        #expect(run.dates.contains { run.filled(labels, date: $0) == run.labelsNow }, "\(run.labelsNow)")
        let lint = try CLIRunner.run(["lexicon", "lint", "--strict", run.folder])
        #expect(lint.stderr == "no problems in 2 files\n")
        // nothing left behind
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.folder).sorted() == ["entities.tsv", "labels.tsv"])
    }

    static let notChanged = "DIR/labels.tsv: not changed: mend the lines above first\n"

    @Test(arguments: [
        (header + "place:kabul\ten\tKaboul\talt\t0.9\t14\t\t\tmaybe\n"
            + "place:kabul\ten\tKabuul\talt\t0.9\t14\t\t\talt\n",
         "FILE:2:36: error: unknown decision 'maybe' (known: alt, hidden, negative, reject, skip, -, or empty when "
            + "not reviewed) [unknown-decision]\n"
            + "    hint: Write alt, hidden, negative (or reject), skip (or -), or leave the cell empty for later.\n"
            + "1 error in 1 of 3 files\n" + notChanged),
        (header + "place:kandahar\ten\tKandahar\talt\t0.9\t14\t\t\talt\n",
         "FILE:2:1: error: unknown id 'place:kandahar' (not in DIR/entities.tsv) [unknown-id]\n"
            + "    hint: Add the entity to entities.tsv or fix the id.\n"
            + "1 error in 1 of 3 files\n" + notChanged),
        (header + "place:kabul\tps\tKabul\talt\t0.9\t14\t\t\talt\n",
         "FILE:2:16: error: letter 'K' (Latn) does not fit ps, written in Arab [script-mismatch]\n"
            + "    hint: Move the label to the right language or fix the letters.\n"
            + "1 error in 1 of 3 files\n" + notChanged),
        ("# no decision column\nid\tlang\tlabel\tkind\tscore\tcount\tevidence\texample\n",
         "FILE:2:1: error: the header lacks the column 'decision' (a suggestions table has id, lang, label, kind, "
            + "score, count, evidence, example, decision) [suggestion-header]\n"
            + "    hint: Keep the header row `lexicon suggest` wrote: id, lang, label, kind, score, count, evidence, "
            + "example, decision.\n"
            + "1 error in 1 of 3 files\n" + notChanged),
        // the result would not pass lint: a negative label that folds to a label of its entity
        (header + "place:kabul\ten\tKābol\talt\t0.9\t14\t\t\treject\n",
         "FILE:2:16: error: negative label 'Kābol' matches the same text as 'Kabol' (line 5 of DIR/labels.tsv), "
            + "a label of the same entity [negative-conflict]\n"
            + "    hint: Decide: delete the negative label, or the label it contradicts.\n"
            + "1 error in 1 of 3 files\n" + notChanged),
    ])
    func aBadRowChangesNothing(suggestions: String, stderr: String) throws {
        let run = try Run(suggestions)
        #expect(run.outcome.stderr == run.filled(stderr))
        #expect(run.outcome.output == "")
        #expect(run.outcome.status == 1)
        #expect(Array(run.labelsNow.utf8) == Array(Self.labels.utf8))
    }

    @Test(arguments: [
        ("place:kabul\ten\tKaboul\talt\t0.9\t14\t\t\talt\nplace:kabul\ten\tKabul Bank\talt\t0.5\t6\t\t\treject\n",
         "+ place:kabul en alt Kaboul\n+ place:kabul en negative Kabul Bank\n"
            + "would add 2 labels (1 alt, 1 negative) to DIR/labels.tsv\n"),
        ("place:kabul\ten\tKaboul\talt\t0.9\t14\t\t\t\n", "would add 0 labels to DIR/labels.tsv; 1 skipped (no decision)\n"),
    ])
    func dryRunWritesNothing(rows: String, stdout: String) throws {
        let run = try Run(Self.header + rows, arguments: ["--dry-run"])
        #expect(run.outcome.stderr == "")
        #expect(run.outcome.output == run.filled(stdout))
        #expect(run.outcome.status == 0)
        #expect(Array(run.labelsNow.utf8) == Array(Self.labels.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.folder).sorted() == ["entities.tsv", "labels.tsv"])
    }
}
