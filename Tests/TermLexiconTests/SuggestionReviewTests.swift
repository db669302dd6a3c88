import Testing
import TermLexicon
import TextNormalization

/// Checking a suggestions table against a lexicon, and the labels.tsv accepting it gives.
@Suite("accepting suggestions")
struct SuggestionReviewTests {
    static let entities = "place:herat\tplace\t\t\t\nplace:kabul\tplace\t\t\t\n"
    static let labels = "place:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\n"
        + "place:kabul\ten\talt\tKabol\t\t\nplace:kabul\tprs\tpref\tکابل\t\t\n"
    static let sources = LexiconSources(entities: LexiconText(path: "entities.tsv", text: entities),
                                        labels: LexiconText(path: "labels.tsv", text: labels),
                                        affixes: LexiconText(path: "affixes.tsv", text: ""))

    /// The rows of a table after its header, as the review sees them: each label to add with its
    /// note, the counts, then each problem.
    static func review(_ rows: String) -> [String] {
        let text = SuggestionTableTests.header + rows
        let (table, problems) = SuggestionTable.read(LexiconText(path: "s.tsv", text: text))
        #expect(problems.isEmpty)
        let review = SuggestionReview(table, lexicon: Lexicon.parse(sources).0, entitiesPath: "entities.tsv",
                                      labelsPath: "labels.tsv", date: "2026-12-02")
        let added = review.additions.map(\.label).map { "+ \($0.id) \($0.lang) \($0.kind.rawValue) \($0.text) | \($0.note)" }
        return added
            + ["already there \(review.alreadyThere), skipped \(review.skipped), undecided \(review.undecided)"]
            + review.problems.map(\.description)
    }

    @Test(arguments: [
        // every decision; additions come in canonical order; fa-AF is written prs
        ("place:kabul\ten\tKaboul\talt\t0.9\t4\tNTREX eng-prs\t\treject\n"
            + "place:kabul\tfa-AF\tکابلستان\talt\t0.8\t3\t\t\tALT\n"
            + "place:herat\ten\tHirat\talt\t0.7\t2\tTICO\t\thidden\n"
            + "place:herat\ten\tHerrat\talt\t0.6\t1\t\t\tskip\n"
            + "place:herat\ten\tHeraat\talt\t0.5\t1\t\t\t\n",
         ["+ place:herat en hidden Hirat | suggest: TICO; accepted 2026-12-02",
          "+ place:kabul en negative Kaboul | suggest: NTREX eng-prs; rejected 2026-12-02",
          "+ place:kabul prs alt کابلستان | suggest; accepted 2026-12-02",
          "already there 0, skipped 1, undecided 1"]),
        // already there: as the same kind quietly, as another kind with a warning; twice in the table
        ("place:kabul\ten\tKabol\talt\t0.9\t4\t\t\talt\n"
            + "place:kabul\ten\tKabul\talt\t0.9\t4\t\t\talt\n"
            + "place:herat\ten\tHirat\talt\t0.9\t4\t\t\talt\n"
            + "place:herat\ten\tHirat\talt\t0.8\t4\t\t\thidden\n",
         ["+ place:herat en alt Hirat | suggest; accepted 2026-12-02",
          "already there 3, skipped 0, undecided 0",
          "s.tsv:3:34: warning: 'Kabul' is already a pref label of place:kabul in en (line 2 of labels.tsv); "
            + "not added as alt [already-there]",
          "s.tsv:5:34: warning: 'Hirat' is already an alt label of place:herat in en (line 4 of s.tsv); "
            + "not added as hidden [already-there]"]),
        // a long piece of evidence is cut short in the note
        ("place:kabul\ten\tKaboul\talt\t0.9\t4\t" + String(repeating: "evidence ", count: 10) + "\t\talt\n",
         ["+ place:kabul en alt Kaboul | suggest: evidence evidence evidence evidence evidence evidence evide…; "
            + "accepted 2026-12-02",
          "already there 0, skipped 0, undecided 0"]),
    ])
    func decidesEachRow(rows: String, expected: [String]) {
        #expect(Self.review(rows) == expected)
    }

    @Test(arguments: [
        // unknown id, even in a row not reviewed yet
        ("place:kandahar\ten\tQandahar\talt\t0.9\t4\t\t\t\n",
         ["s.tsv:2:1: error: unknown id 'place:kandahar' (not in entities.tsv) [unknown-id]"]),
        // a Latin letter in a Dari label, at the letter
        ("place:kabul\tprs\tکاxبل\talt\t0.9\t4\t\t\talt\n",
         ["s.tsv:2:19: error: letter 'x' (Latn) does not fit prs, written in Arab [script-mismatch]"]),
        // an Arabic-script label in English
        ("place:kabul\ten\tکابل\talt\t0.9\t4\t\t\talt\n",
         ["s.tsv:2:16: error: letter 'ک' (Arab) does not fit en, written in Latn [script-mismatch]"]),
        ("place:kabul\txx\tKaboul\talt\t0.9\t4\t\t\talt\n",
         ["s.tsv:2:13: error: unknown lang 'xx' (known: ar, az, de, en, es, fa, fr, hi, kk, ky, prs, ps, pt, ru, tg, tk, tr, "
            + "ur, uz, zh, fa-AF) [unknown-lang]"]),
        ("place:kabul\ten\t  \talt\t0.9\t4\t\t\talt\n",
         ["s.tsv:2:18: error: empty label [empty-label]"]),
    ])
    func reportsRowsThatDoNotFit(rows: String, expected: [String]) {
        #expect(Self.review(rows).filter { $0.hasPrefix("s.tsv:") } == expected)
    }

    /// The whole step: the new labels.tsv in canonical order, or the lint errors the additions would
    /// cause, placed at the rows that ask for them.
    @Test(arguments: [
        ("place:kabul\ten\tKaboul\talt\t0.9\t4\tNTREX\t\talt\nplace:herat\ten\tHirat\talt\t0.9\t4\t\t\treject\n",
         "place:herat\ten\tpref\tHerat\t\t\nplace:herat\ten\tnegative\tHirat\t\tsuggest; rejected 2026-12-02\n"
            + "place:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKabol\t\t\n"
            + "place:kabul\ten\talt\tKaboul\t\tsuggest: NTREX; accepted 2026-12-02\nplace:kabul\tprs\tpref\tکابل\t\t\n",
         [String]()),
        // a negative label that folds to an existing label of its entity
        ("place:kabul\ten\tKābol\talt\t0.9\t4\t\t\treject\n", nil,
         ["s.tsv:2:16: error: negative label 'Kābol' matches the same text as 'Kabol' (line 3 of labels.tsv), "
            + "a label of the same entity [negative-conflict]"]),
        // a redundant spelling is added, with lint's warning at its row
        ("place:kabul\ten\tKābul\talt\t0.9\t4\t\t\talt\n",
         "place:herat\ten\tpref\tHerat\t\t\nplace:kabul\ten\tpref\tKabul\t\t\nplace:kabul\ten\talt\tKabol\t\t\n"
            + "place:kabul\ten\talt\tKābul\t\tsuggest; accepted 2026-12-02\nplace:kabul\tprs\tpref\tکابل\t\t\n",
         ["s.tsv:2:16: warning: 'Kābul' is redundant: it matches the same text as 'Kabul' on line 2 of labels.tsv, "
            + "and spelling variants resolve without being listed [redundant-label]"]),
    ] as [(String, String?, [String])])
    func acceptsIntoCanonicalLabels(rows: String, labels: String?, diagnostics: [String]) throws {
        let table = LexiconText(path: "s.tsv", text: SuggestionTableTests.header + rows)
        let acceptance = try SuggestionAcceptance(suggestions: table, lexicon: Self.sources, date: "2026-12-02")
        #expect(acceptance.labelsText == labels)
        #expect(acceptance.diagnostics.map(\.description) == diagnostics)
        #expect(acceptance.refused == (labels == nil))
    }
}
