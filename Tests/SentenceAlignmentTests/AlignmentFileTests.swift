import Testing
import TextNormalization
@testable import SentenceAlignment

@Suite struct AlignmentFileTests {
    static let pinned = """
        # source: prs.txt sha256=\(String(repeating: "a", count: 64))
        # target: en.txt sha256=\(String(repeating: "b", count: 64))
        src\ttgt\tscore\tstatus\tsrc_text\ttgt_text
        1\t1\t0.91\tauto\tیک\tOne
        2-3\t2\t0.74\treviewed\tدو سه\tTwo
        4\t-\t0.00\trejected\tچهار\t
        -\t3\t0.00\tauto\t\tThree

        """

    @Test func readsPinsRowsAndPlacesEmptySides() {
        let (file, diagnostics) = AlignmentFileReader.read(path: "prs-en.tsv", text: Self.pinned)
        #expect(diagnostics.isEmpty)
        #expect(file.source == ContentPin(name: "prs.txt", sha256: String(repeating: "a", count: 64), line: 1))
        #expect(file.target?.name == "en.txt")
        #expect(file.rows.map(\.bead) == [
            Bead(source: 0..<1, target: 0..<1, score: 0.91),
            Bead(source: 1..<3, target: 1..<2, score: 0.74),
            Bead(source: 3..<4, target: 2..<2, score: 0),
            Bead(source: 4..<4, target: 2..<3, score: 0),
        ])
        #expect(file.rows.map(\.status) == [.auto, .reviewed, .rejected, .auto])
        #expect(file.rows.map(\.line) == [4, 5, 6, 7])
    }

    @Test func writingWhatWasReadGivesTheSameText() {
        let (file, _) = AlignmentFileReader.read(path: "prs-en.tsv", text: Self.pinned)
        #expect(AlignmentFileWriter.text(of: file) == Self.pinned)
    }

    // Every broken line is reported with its place; good rows around it are still read.
    @Test(arguments: [
        ("src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n1\t1\t0.5\tauto\ta\tb\n", [String]()),
        ("1\t1\t0.5\tauto\ta\tb\n", ["f.tsv:1:1: error: expected the column header `src<TAB>tgt<TAB>score<TAB>status<TAB>src_text<TAB>tgt_text` [missing-header]"]),
        ("", ["f.tsv:1:1: error: no column header and no beads [missing-header]"]),
        ("src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n0\t1\t0.5\tauto\ta\tb\n", ["f.tsv:2:1: error: bad source ref `0`: a line number, a range a-b with a <= b, or - [bad-ref]"]),
        ("src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n1\t3-2\t0.5\tauto\ta\tb\n", ["f.tsv:2:3: error: bad target ref `3-2`: a line number, a range a-b with a <= b, or - [bad-ref]"]),
        ("src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n-\t-\t0.5\tauto\t\t\n", ["f.tsv:2:1: error: a bead needs a sentence on at least one side [empty-bead]"]),
        ("src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n1\t1\t1.5\tauto\ta\tb\n", ["f.tsv:2:5: error: score `1.5` is not a number in [0,1] [bad-score]"]),
        ("src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n1\t1\t0.5\tdone\ta\tb\n", ["f.tsv:2:9: error: status `done` is not auto, reviewed or rejected [bad-status]"]),
        ("src\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n1\t1\n", ["f.tsv:2:1: error: expected 6 tab-separated fields (src, tgt, score, status, src_text, tgt_text), found 2 [field-count]"]),
        ("# source: prs.txt sha256=ABC\nsrc\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n", ["f.tsv:1:26: error: sha256 must be 64 lowercase hex digits [bad-pin]"]),
        ("# source: prs.txt\nsrc\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n", ["f.tsv:1:1: error: a source pin is `# source: FILE sha256=HEX` [bad-pin]"]),
    ])
    func diagnostics(text: String, expected: [String]) {
        // These files have no pins on purpose; the warning about that has its own tests.
        let found = AlignmentFileReader.read(path: "f.tsv", text: text).diagnostics.filter { $0.ruleID != "missing-pin" }
        #expect(found.map(\.description) == expected)
    }

    /// Pins name files inside the bead file's folder; names with spaces or `%` are escaped.
    @Test(arguments: [
        ("prs.txt", "prs.txt", nil),
        ("texts/prs.txt", "texts/prs.txt", nil),
        ("a/../prs.txt", "a/../prs.txt", nil),
        ("dari text.txt", "dari%20text.txt", nil),
        ("50%.txt", "50%25.txt", nil),
        ("متن دری.txt", "متن%20دری.txt", nil),
        ("/etc/passwd", "/etc/passwd", "f.tsv:1:11: error: the pin names /etc/passwd by an absolute path; pins are relative to the bead file's folder [bad-pin]"),
        ("../secret.txt", "../secret.txt", "f.tsv:1:11: error: the pin names ../secret.txt, outside the bead file's folder [bad-pin]"),
        ("a/../../b.txt", "a/../../b.txt", "f.tsv:1:11: error: the pin names a/../../b.txt, outside the bead file's folder [bad-pin]"),
    ] as [(String, String, String?)])
    func pinNames(name: String, written: String, problem: String?) {
        let file = AlignmentFile(source: ContentPin(name: name, sha256: String(repeating: "a", count: 64)),
                                 target: ContentPin(name: "en.txt", sha256: String(repeating: "b", count: 64)), rows: [])
        let text = AlignmentFileWriter.text(of: file)
        #expect(text.hasPrefix("# source: \(written) sha256="))
        let (read, diagnostics) = AlignmentFileReader.read(path: "f.tsv", text: text)
        #expect(read.source?.name == name)
        #expect(diagnostics.map(\.description) == (problem.map { [$0] } ?? []))
        #expect((PinnedFiles(beadFile: "doc/f.tsv", file: read).sourceProblem == nil) == (problem == nil))
    }

    @Test func aBadEscapeInAPinIsReported() {
        let text = "# source: a%2 sha256=\(String(repeating: "a", count: 64))\nsrc\ttgt\tscore\tstatus\tsrc_text\ttgt_text\n"
        #expect(AlignmentFileReader.read(path: "f.tsv", text: text).diagnostics.map(\.description) == [
            "f.tsv:1:11: error: a `%` in a pinned name starts a %XX escape of two hex digits [bad-pin]",
            "f.tsv:1:1: warning: no target pin: nothing tells when the target sentence file changes (write pins with `lexalign align --presplit -o`) [missing-pin]",
        ])
    }

    @Test(arguments: [(0..<1, "1"), (1..<3, "2-3"), (4..<4, "-"), (9..<12, "10-12")])
    func refs(range: Range<Int>, expected: String) {
        #expect(AlignmentFileWriter.ref(range) == expected)
        if !range.isEmpty { #expect(AlignmentFileReader.parseRef(Substring(expected)) == range) }
    }

    @Test(arguments: [(0.0, "0.00"), (0.914, "0.91"), (0.995, "1.00"), (1.0, "1.00"), (0.05, "0.05"), (-1, "0.00"), (Double.nan, "0.00")])
    func scores(value: Double, expected: String) {
        #expect(AlignmentFileWriter.score(value) == expected)
    }

    @Test func textCellsLoseTabsAndLineBreaks() {
        let file = AlignmentFile(beads: [Bead(source: 0..<1, target: 0..<1, score: 0.5)],
                                 sourceSentences: ["a\tb"], targetSentences: ["c\nd"], source: nil, target: nil)
        #expect(AlignmentFileWriter.text(of: file) == AlignmentFile.columnHeader + "\n1\t1\t0.50\tauto\ta b\tc d\n")
    }
}
