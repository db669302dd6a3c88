import Testing
import TextNormalization
@testable import SentenceAlignment

@Suite struct AlignmentExportTests {
    static let rows = [
        AlignmentRow(bead: Bead(source: 0..<1, target: 0..<1, score: 0.9), status: .reviewed, sourceText: "کابل <آرام>", targetText: "Kabul & \"calm\""),
        AlignmentRow(bead: Bead(source: 1..<3, target: 1..<2, score: 0.7), status: .auto, sourceText: "دو سه", targetText: "Two"),
        AlignmentRow(bead: Bead(source: 3..<4, target: 2..<2, score: 0), status: .reviewed, sourceText: "چهار", targetText: ""),
        AlignmentRow(bead: Bead(source: 4..<5, target: 2..<3, score: 0.8), status: .rejected, sourceText: "پنج", targetText: "Five"),
    ]
    static let file = AlignmentFile(source: nil, target: nil, rows: rows)

    @Test func reviewedOnlyUnlessAskedAndNeverRejected() {
        #expect(AlignmentExport.rows(of: Self.file, includeUnreviewed: false).map(\.sourceText) == ["کابل <آرام>", "چهار"])
        #expect(AlignmentExport.rows(of: Self.file, includeUnreviewed: true).map(\.sourceText) == ["کابل <آرام>", "دو سه", "چهار"])
    }

    @Test func vecalignLinesAreZeroBased() {
        #expect(AlignmentExport.vecalign(Self.rows.map(\.bead)) == "[0]:[0]:0.90\n[1,2]:[1]:0.70\n[3]:[]:0.00\n[4]:[2]:0.80\n")
    }

    @Test func mosesSkipsBeadsWithAnEmptySide() {
        let (source, target) = AlignmentExport.moses(Array(Self.rows.prefix(3)))
        #expect(source == "کابل <آرام>\nدو سه\n")
        #expect(target == "Kabul & \"calm\"\nTwo\n")
    }

    @Test func tmxEscapesAndLabelsLanguages() {
        let xml = AlignmentExport.tmx(Array(Self.rows.prefix(1)), sourceCode: "prs", targetCode: "en", toolVersion: "0.1.0")
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="lexalign" creationtoolversion="0.1.0" segtype="sentence" o-tmf="lexalign-tsv" adminlang="en" srclang="prs" datatype="plaintext"/>
              <body>
                <tu tuid="1">
                  <prop type="x-lexalign-beads">1:1</prop>
                  <prop type="x-lexalign-score">0.90</prop>
                  <prop type="x-lexalign-status">reviewed</prop>
                  <tuv xml:lang="prs"><seg>کابل &lt;آرام&gt;</seg></tuv>
                  <tuv xml:lang="en"><seg>Kabul &amp; &quot;calm&quot;</seg></tuv>
                </tu>
              </body>
            </tmx>

            """)
    }

    @Test(arguments: [("a\u{1}b", "ab"), ("tab\tkept", "tab\tkept"), ("x\u{FFFE}y", "xy"), ("it's", "it&apos;s")])
    func xmlEscaping(text: String, expected: String) {
        #expect(XMLText.escape(text) == expected)
    }
}
