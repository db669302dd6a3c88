import ProjectFiles
import ArgumentParser
import SentenceAlignment
import TextNormalization

extension Lexalign.Align {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Convert an alignment file to TMX, Moses or Vecalign.",
            discussion: """
                Exports reviewed beads only unless --all is given (then auto beads too; rejected \
                beads never). A bead file in which `lexalign validate` finds an error (a gap, a stale \
                pin, a ref beyond its sentence file) is not exported: every error is printed and the \
                exit status is 2. Languages come from the pinned file names (prs.txt, ps.txt, en.txt) \
                unless --source-lang/--target-lang say otherwise.
                """
        )

        static let examples = [
            "lexalign align export --format tmx Alignments/qosh-tepa-canal/prs-en.tsv",
            "lexalign align export --format vecalign --all Alignments/kabul-daesh-neighbours/ps-en.tsv",
            "lexalign align export --format moses -o corpus Alignments/qosh-tepa-canal/ps-en.tsv",
        ]

        @Argument(help: "An alignment file (e.g. Alignments/<document>/prs-en.tsv).",
                  completion: .file(extensions: ["tsv"]))
        var file: String

        @Option(help: "tmx, moses or vecalign.")
        var format: AlignmentExport.Format = .tmx

        @Flag(help: "Also export beads nobody has reviewed yet (status auto).")
        var all = false

        @Option(help: "Language of the source side: prs, ps or en (default: from the source pin).")
        var sourceLang: String?

        @Option(help: "Language of the target side (default: from the target pin).")
        var targetLang: String?

        @Option(help: "With --format tmx: the source's xml:lang (default fa-AF for Dari, ps, en; e.g. prs).")
        var sourceCode: String?

        @Option(help: "With --format tmx: the target's xml:lang.")
        var targetCode: String?

        @Option(name: [.short, .customLong("output")],
                help: "Write here instead of standard output (for moses: the file prefix).",
                completion: .file())
        var output: String?

        func validate() throws {
            if format == .tsv {
                throw ValidationError("export writes tmx, moses or vecalign; the file already is tsv.")
            }
            if format == .moses && output == nil {
                throw ValidationError("--format moses writes two files: give -o PREFIX.")
            }
            for (name, value) in [("--source-lang", sourceLang), ("--target-lang", targetLang)] {
                if let value, Language(code: value) == nil {
                    throw ValidationError("unknown \(name) '\(value)' (use en, prs, ps).")
                }
            }
        }

        func run() throws {
            let document = try AlignmentDocuments.loadValid(file, toBe: "exported")
            let alignment = document.file
            // Options win; otherwise the languages the pinned (or implied) file names say.
            let pinned = document.pinned
            let sourceLanguage = sourceLang.flatMap { Language(code: $0) } ?? pinned.sourceLanguage
            let targetLanguage = targetLang.flatMap { Language(code: $0) } ?? pinned.targetLanguage
            try AlignmentOutput.write(alignment, format: format, to: output,
                                      inputs: [file, pinned.sourcePath, pinned.targetPath],
                                      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                      sourceCode: sourceCode, targetCode: targetCode, includeUnreviewed: all)
        }
    }
}
