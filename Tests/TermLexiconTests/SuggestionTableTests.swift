import Testing
import TermLexicon
import TextNormalization

/// Reading and writing the suggestions table `lexicon suggest` writes and `lexicon accept` reads.
@Suite("suggestions table")
struct SuggestionTableTests {
    static let header = "id\tlang\tlabel\tkind\tscore\tcount\tevidence\texample\tdecision\n"

    /// Each row as `line|id|lang|label|kind|score|count|evidence|example|decision`, then each problem.
    static func read(_ text: String) -> [String] {
        let (table, problems) = SuggestionTable.read(LexiconText(path: "s.tsv", bytes: Array(text.utf8)))
        let rows = table.rows.map { row in
            let s = row.suggestion
            let cells = [String(row.line), s.id, s.lang, s.label, s.kind.rawValue, String(s.score), String(s.count),
                         s.evidence, s.example, name(row.decision)]
            return cells.joined(separator: "|")
        }
        return rows + problems.map(\.description)
    }

    static func name(_ decision: SuggestionDecision) -> String {
        switch decision {
        case .undecided: return "undecided"
        case .skip: return "skip"
        case .add(let kind): return "add " + kind.rawValue
        }
    }

    @Test(arguments: [
        // comments before the header; every decision; case and spaces in a decision do not count
        ("# from suggest\n# review me\n" + header
            + "place:kabul\ten\tKaboul\talt\t0.812\t14\tNTREX\tIn Kaboul.\talt\n"
            + "place:kabul\ten\tKabool\thidden\t0.5\t2\t\t\t Hidden \n"
            + "place:kabul\ten\tKabul Bank\talt\t0.4\t6\t\t\treject\n"
            + "place:kabul\ten\tKabuul\talt\t0.3\t1\t\t\t-\n"
            + "place:kabul\ten\tCabul\talt\t0.2\t1\t\t\t\n",
         ["4|place:kabul|en|Kaboul|alt|0.812|14|NTREX|In Kaboul.|add alt",
          "5|place:kabul|en|Kabool|hidden|0.5|2|||add hidden",
          "6|place:kabul|en|Kabul Bank|alt|0.4|6|||add negative",
          "7|place:kabul|en|Kabuul|alt|0.3|1|||skip",
          "8|place:kabul|en|Cabul|alt|0.2|1|||undecided"]),
        // columns in another order, an extra column, CRLF line ends, a blank line, stray spaces
        ("decision\tnote\tid\tlabel\tlang\tkind\tscore\tcount\texample\tevidence\r\n\r\n"
            + "alt\twhatever\tplace:herat\t Hirat  City \tprs\talt\t1\t0\t\t\r\n",
         ["3|place:herat|prs|Hirat City|alt|1.0|0|||add alt"]),
        // a byte order mark is harmless
        ("\u{FEFF}" + header + "place:kabul\ten\tKaboul\talt\t1\t1\t\t\t\n",
         ["2|place:kabul|en|Kaboul|alt|1.0|1|||undecided"]),
    ])
    func readsGoodRows(input: String, expected: [String]) {
        #expect(Self.read(input) == expected)
    }

    @Test(arguments: [
        (header + "place:kabul\ten\tKaboul\talt\t1\t1\t\t\tmaybe\n",
         ["s.tsv:2:33: error: unknown decision 'maybe' (known: alt, hidden, negative, reject, skip, -, "
            + "or empty when not reviewed) [unknown-decision]"]),
        (header + "place:kabul\ten\tKaboul\tpreferred\tx\t1.5\t\t\t\n",
         ["s.tsv:2:23: error: unknown kind 'preferred' (known: pref, alt, hidden, negative) [unknown-kind]",
          "s.tsv:2:33: error: score 'x' is not a number (such as 0.75) [suggestion-number]",
          "s.tsv:2:35: error: count '1.5' is not a whole number of 0 or more [suggestion-number]"]),
        (header + "place:kabul\ten\tKaboul\talt\t1\t1\t\talt\n",
         ["s.tsv:2:32: error: expected 9 tab-separated fields, as the header has, found 8 [field-count]"]),
        ("# no decision column\nid\tlang\tlabel\tkind\tscore\tcount\tevidence\texample\n",
         ["s.tsv:2:1: error: the header lacks the column 'decision' (a suggestions table has id, lang, label, kind, "
            + "score, count, evidence, example, decision) [suggestion-header]"]),
        ("id\tlabel\tlabel\tlang\tkind\tscore\tcount\tevidence\texample\tdecision\n",
         ["s.tsv:1:10: error: the header names the column 'label' twice [suggestion-header]"]),
        ("# only comments\n",
         ["s.tsv:1:1: error: no header row; a suggestions table starts with one naming its columns (id, lang, label, "
            + "kind, score, count, evidence, example, decision) [suggestion-header]"]),
        // UTF-16 without a byte order mark: a NUL after every ASCII letter
        ("i\0d\0\t\0l\0a\0n\0g\0\n\0",
         ["s.tsv:1:1: error: the file is UTF-16; lexicon files are UTF-8 (save it as UTF-8 in your editor) [encoding]"]),
    ])
    func reportsMalformedRows(input: String, expected: [String]) {
        #expect(Self.read(input) == expected)
    }

    static let kabul = Suggestion(id: "place:kabul", lang: "en", label: "Kaboul", kind: .alt, score: 0.8125, count: 14,
                                  evidence: "NTREX\teng-prs", example: "Talks in\r\nKaboul\nended.")

    @Test(arguments: [
        // cells with tabs, CR and LF are kept on one line
        ([kabul], [String](),
         header + "place:kabul\ten\tKaboul\talt\t0.813\t14\tNTREX eng-prs\tTalks in  Kaboul ended.\t\n"),
        // by id, then the best score first; comments on top
        ([Suggestion(id: "place:kabul", lang: "en", label: "Kabool", kind: .hidden, score: 0.2, count: 1),
          Suggestion(id: "place:herat", lang: "prs", label: "هرات", kind: .alt, score: 0, count: 0, decision: "skip"),
          Suggestion(id: "place:kabul", lang: "en", label: "Kabol", kind: .alt, score: 12.3456, count: 3)],
         ["made by a test", "two\tlines\n"],
         "# made by a test\n# two lines \n" + header
            + "place:herat\tprs\tهرات\talt\t0.000\t0\t\t\tskip\n"
            + "place:kabul\ten\tKabol\talt\t12.346\t3\t\t\t\n"
            + "place:kabul\ten\tKabool\thidden\t0.200\t1\t\t\t\n"),
        // on a tie of id, score and lang, the label of more words first (the name before a part of it)
        ([Suggestion(id: "org:united-nations", lang: "ps", label: "ملتونو", kind: .alt, score: 0.5, count: 16),
          Suggestion(id: "org:united-nations", lang: "ps", label: "ملګرو ملتونو", kind: .alt, score: 0.5, count: 16),
          Suggestion(id: "org:united-nations", lang: "prs", label: "ملل", kind: .alt, score: 0.5, count: 2)],
         [String](),
         header + "org:united-nations\tprs\tملل\talt\t0.500\t2\t\t\t\n"
            + "org:united-nations\tps\tملګرو ملتونو\talt\t0.500\t16\t\t\t\n"
            + "org:united-nations\tps\tملتونو\talt\t0.500\t16\t\t\t\n"),
    ])
    func writesTables(suggestions: [Suggestion], comments: [String], expected: String) {
        let text = SuggestionTableWriter.text(suggestions, comments: comments)
        #expect(text == expected)
        // What the writer writes, the reader reads back without a problem.
        let (table, problems) = SuggestionTable.read(LexiconText(path: "s.tsv", text: text))
        #expect(problems.isEmpty)
        #expect(table.rows.map(\.suggestion.label) == text.split(separator: "\n").dropFirst(comments.count + 1)
            .map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[2]) })
    }

    @Test(arguments: [(0.0, "0.000"), (1, "1.000"), (0.9995, "1.000"), (-0.25, "-0.250"), (-0.0001, "0.000"),
                      (Double.nan, "0"), (1e20, "1e+20")])
    func writesScoresWithThreeDecimals(score: Double, expected: String) {
        let text = SuggestionTableWriter.text([Suggestion(id: "place:kabul", lang: "en", label: "K", kind: .alt,
                                                          score: score, count: 0)])
        #expect(text.split(separator: "\n")[1].split(separator: "\t")[4] == Substring(expected))
    }
}
