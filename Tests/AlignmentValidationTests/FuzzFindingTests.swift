import SentenceAlignment
import Testing
@testable import AlignmentValidation

/// Inputs the bead-file fuzz target found (Fuzz/regressions/FuzzBeadFileReader), minimised.
@Suite("bead file fuzz findings")
struct BeadFileFuzzFindingTests {
    /// --fix never copies a tab or line break from a sentence file into a text column: the row
    /// would no longer read (the sentence-break rule reports the sentence instead).
    @Test(arguments: ["a\tb\n", "a\rb\n"])
    func fixKeepsRowsReadable(source: String) throws {
        let pin = String(repeating: "0", count: 64)
        var document = AlignmentDocument(path: "doc/prs-en.tsv", text: """
            # source: prs.txt sha256=\(pin)
            # target: en.txt sha256=\(pin)
            src\ttgt\tscore\tstatus\tsrc_text\ttgt_text
            1\t1\t0.90\treviewed\tx\ty

            """)
        document.source = SentenceFile(path: "doc/prs.txt", bytes: Array(source.utf8))
        document.target = SentenceFile(path: "doc/en.txt", bytes: Array("y\n".utf8))
        if let (text, _) = AlignmentFixer.fix(document) {
            #expect(AlignmentFileReader.read(path: "doc/prs-en.tsv", text: text).diagnostics.allSatisfy { $0.severity != .error })
        }
    }
}
