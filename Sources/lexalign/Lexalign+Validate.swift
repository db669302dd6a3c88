import ProjectFiles
import AlignmentValidation
import ArgumentParser
import SentenceAlignment
import SourceDiagnostics
import TermLexicon
import TextNormalization

extension DiagnosticFormat: ChoiceArgument {}

extension Lexalign {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check lexicons and alignments: every problem, with its place, in a format CI reads.",
            discussion: """
                Folders are searched for lexicons (a folder with entities.tsv: every `lexicon lint` \
                rule) and bead files (<lang>-<lang>.tsv: every alignment rule). Exit status: 0 clean, \
                1 errors (warnings too with --strict), 2 unreadable input or a folder with nothing to \
                check, 64 usage. Other .tsv files in the folders are skipped with an unchecked-file \
                warning. --fix makes only \
                mechanical fixes — bead text columns copied from the sentence files, LF line ends, \
                lexicon canonical order and spacing (`lexicon fmt`) — never a ref, score or status.
                """
        )

        static let examples = [
            "lexalign validate",
            "lexalign validate --strict --format github Lexicons Alignments",
            "lexalign validate --fix Alignments/qosh-tepa-canal",
        ]

        @Argument(help: "Files or folders (default: Lexicons and Alignments in the current folder).",
                  completion: .file())
        var paths: [String] = []

        @Option(help: "text, json, github, sarif or junit.")
        var format: DiagnosticFormat = .text

        @Flag(help: "Fail on warnings too.")
        var strict = false

        @Flag(help: "Make the mechanical fixes, atomically, and report what changed.")
        var fix = false

        @Flag(help: "Also run the aligner and warn about reviewed beads it now strongly disagrees with.")
        var realign = false

        @Option(help: "A lexicon folder for tagging entities in beads (default: the built-in lexicon).",
                completion: .directory)
        var lexicon: String?

        func run() throws {
            let defaults = ["Lexicons", "Alignments"].filter { TextFiles.exists($0) }
            let targets = ValidationTargets(paths: paths.isEmpty ? defaults : paths)
            var checked: [String] = []
            var unreadable = !targets.unreadable.isEmpty
            for path in targets.unreadable { StandardError.line("\(path): error: cannot read: no such file or folder") }
            for path in targets.empty {
                StandardError.line("\(path): error: nothing to check: no lexicon (entities.tsv) and no bead file "
                    + "(<lang>-<lang>.tsv) in this folder or below")
            }
            if paths.isEmpty && defaults.isEmpty {
                StandardError.line("lexalign: error: nothing to check: no Lexicons or Alignments folder here; "
                    + "name the files or folders to check")
                throw ExitStatus.ioError
            }
            if !targets.empty.isEmpty { unreadable = true }
            // Nothing at all to check: no report, which would read as "no problems".
            if targets.lexiconFolders.isEmpty && targets.beadFiles.isEmpty && targets.skipped.isEmpty {
                throw ExitStatus.ioError
            }
            var findings: [Diagnostic] = targets.skipped.map(UncheckedFileRule.finding)

            for folder in targets.lexiconFolders {
                let sources: LexiconSources
                do {
                    sources = try LexiconLocation.sources(in: folder)
                } catch {
                    StandardError.line(error.description)
                    unreadable = true
                    continue
                }
                // A fix that cannot be written is an I/O error: exit 2, even if the rest is clean.
                if fix && !fixLexicon(sources) { unreadable = true }
                let current = fix ? ((try? LexiconLocation.sources(in: folder)) ?? sources) : sources
                do {
                    findings += try LexiconLinter().lint(current)
                } catch {
                    StandardError.line("lexalign: error: \(error)")
                    throw ExitStatus.ioError
                }
                checked += [current.entities.path, current.labels.path]
                    + [current.affixes, current.identifiers].filter { !$0.text.isEmpty }.map(\.path)
            }

            let context = ValidationContext(model: try LexiconLocation.model(directory: lexicon), realign: realign)
            let validator = AlignmentValidator(context: context)
            for path in targets.beadFiles {
                guard var document = AlignmentDocuments.load(path) else { unreadable = true; continue }
                if fix, let (text, fixed) = AlignmentFixer.fix(document) {
                    do {
                        try FileWriter.write(text, to: path)
                        for change in fixed {
                            StandardError.line("\(change.location): fixed: \(change.message) [\(change.ruleID)]")
                        }
                        if let again = AlignmentDocuments.load(path) { document = again }
                    } catch {
                        StandardError.line(error.description)
                        unreadable = true
                    }
                }
                findings += validator.validate(document)
                checked.append(path)
            }

            var rules: [RuleDescription] = []
            for rule in AlignmentRules.all.map(\.description) + LexiconRuleCatalogue.rules
                + [UncheckedFileRule.description]
                where !rules.contains(where: { $0.id == rule.id }) {
                rules.append(rule)
            }
            let report = DiagnosticReport(diagnostics: findings, checkedFiles: checked, rules: rules,
                                          toolVersion: LexalignVersion.number)
            let output = OutputStream(descriptor: 1)
            do {
                try output.write(DiagnosticRenderer.render(report, as: format))
                try output.flush()
            } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            if unreadable { throw ExitStatus.ioError }
            let errors = findings.contains { $0.severity == .error }
            let warnings = findings.contains { $0.severity == .warning }
            if errors || (strict && warnings) { throw ExitStatus.findings }
        }

        /// `lexicon fmt` on a lexicon folder, reporting each file it rewrote; false when a file could
        /// not be written.
        private func fixLexicon(_ sources: LexiconSources) -> Bool {
            var written = true
            for (file, kind) in sources.files
                where TextFiles.exists(file.path) {
                // Lint reports what stops fmt (conflict markers, field counts); the file stays as it is.
                guard LexiconFormatter.blockingProblems(file, kind: kind).isEmpty else {
                    StandardError.line("\(file.path): not fixed: it has conflict markers, "
                        + "lines with the wrong field count or bytes that are not UTF-8")
                    continue
                }
                let formatted = LexiconFormatter.format(file.tsv, kind: kind)
                guard formatted != file.text || file.hadByteOrderMark else { continue }
                do {
                    try FileWriter.write(formatted, to: file.path)
                    StandardError.line("\(file.path): fixed: rewritten in canonical order (lexicon fmt)")
                } catch {
                    StandardError.line(error.description)
                    written = false
                }
            }
            return written
        }
    }
}
