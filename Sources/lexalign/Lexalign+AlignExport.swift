import ArgumentParser
import SentenceAlignment
import TextNormalization

extension Lexalign.Align {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert an alignment file to TMX, Moses or Vecalign.",
            discussion: """
                Exports reviewed beads only unless --all is given (then auto beads too; rejected \
                beads never). Languages come from the pinned file names (prs.txt, ps.txt, en.txt) \
                unless --source-lang/--target-lang say otherwise.
                """
        )

        @Argument(help: "An alignment file (e.g. Alignments/<document>/prs-en.tsv).")
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

        @Option(name: [.short, .customLong("output")], help: "Write here instead of standard output (for moses: the file prefix).")
        var output: String?

        func validate() throws {
            if format == .tsv { throw ValidationError("export writes tmx, moses or vecalign; the file already is tsv.") }
            if format == .moses && output == nil { throw ValidationError("--format moses writes two files: give -o PREFIX.") }
            for (name, value) in [("--source-lang", sourceLang), ("--target-lang", targetLang)] {
                if let value, Language(code: value) == nil { throw ValidationError("unknown \(name) '\(value)' (use en, prs, ps).") }
            }
        }

        func run() throws {
            let text: String
            do {
                text = try TextFiles.read(file)
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            let (alignment, diagnostics) = AlignmentFileReader.read(path: file, text: text)
            for problem in diagnostics { StandardError.line(problem.description) }
            if diagnostics.contains(where: { $0.severity == .error }) {
                StandardError.line("lexalign: error: \(file) cannot be exported until it reads cleanly")
                throw ExitStatus.ioError
            }
            let sourceLanguage = language(sourceLang, pin: alignment.source)
            let targetLanguage = language(targetLang, pin: alignment.target)
            try AlignmentOutput.write(alignment, beads: alignment.rows.map(\.bead), format: format, to: output,
                                      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                      sourceCode: sourceCode, targetCode: targetCode, includeUnreviewed: all)
        }

        /// The language an option names, else the one the pinned file's name starts with.
        private func language(_ option: String?, pin: ContentPin?) -> Language {
            if let option, let language = Language(code: option) { return language }
            let name = pin?.name.split(separator: "/").last.map(String.init) ?? ""
            let stem = name.split(separator: ".").first.map(String.init) ?? ""
            return Language(code: stem) ?? .undetermined
        }
    }
}
