import ProjectFiles
import ArgumentParser
import SentenceAlignment
import TermLexicon
import TextNormalization

extension Lexalign.LexiconCommand {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Propose labels the lexicon lacks, from running text and from parallel text, for review.",
            discussion: """
                From running text (FILE...): the spellings the fuzzy pass resolved or nearly \
                resolved (down to the loose level). From line-parallel files (--parallel SOURCE \
                TARGET, one sentence per line on both sides, languages read from the text) and \
                reviewed bead files (--alignment, beads not rejected): where one side names an \
                entity and the other side names nothing of it, the spans of the other side the \
                evidence supports — how much they sound like a label of the entity, how often they \
                fill that gap, how seldom they appear without it. Writes a suggestions table (TSV: \
                id, lang, label, kind, score, count, evidence, example, decision), sorted by id and \
                score; fill in the decision column and run `lexalign lexicon accept`.
                """
        )

        static let examples = [
            "lexalign lexicon suggest --parallel en.txt prs.txt -o suggestions.tsv",
            "lexalign lexicon suggest --alignment Alignments/kabul-daesh-neighbours/prs-en.tsv --min-count 1",
            "lexalign lexicon suggest --min-count 1 Examples/fuzzy.txt",
        ]

        @Option(help: "A lexicon folder (default: the built-in lexicon).", completion: .directory)
        var lexicon: String?

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Two line-parallel files (repeatable).",
                                                               valueName: "SOURCE TARGET"))
        var parallel: [String] = []

        @Option(help: "A bead file whose beads (not rejected) pair sentences (repeatable).",
                completion: .file(extensions: ["tsv"]))
        var alignment: [String] = []

        @Option(help: "Propose only what was seen at least this many times.")
        var minCount = 2

        @Option(name: .shortAndLong, help: "Write the table here instead of standard output.", completion: .file())
        var output: String?

        @Flag(help: "No progress or notes on standard error.")
        var quiet = false

        @Argument(help: "Files of running text (one record per line).", completion: .file())
        var files: [String] = []

        func validate() throws {
            if parallel.count % 2 != 0 { throw ValidationError("--parallel takes two files: SOURCE TARGET.") }
            if minCount < 1 { throw ValidationError("--min-count must be at least 1.") }
            if parallel.isEmpty && alignment.isEmpty && files.isEmpty {
                throw ValidationError("give running-text files, --parallel SOURCE TARGET or --alignment BEADS.tsv.")
            }
        }

        func run() throws {
            let model = try LexiconLocation.model(directory: lexicon, quiet: quiet)
            let miner: LabelMiner
            let detector: TextNormalizer
            do {
                miner = try LabelMiner(model: model)
                detector = try NormalizationContext.shared(NormalizationOptions(form: .key)).makeNormalizer()
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
            var inputs: [String] = []
            for file in files {
                let lines = try readLines(file)
                inputs.append(file)
                for line in lines { miner.addRunningText(line, lang: language(of: [line], detector)) }
            }
            for pair in stride(from: 0, to: parallel.count, by: 2) {
                let (sourcePath, targetPath) = (parallel[pair], parallel[pair + 1])
                let source = try readLines(sourcePath), target = try readLines(targetPath)
                guard source.count == target.count else {
                    StandardError.line("lexalign: error: \(sourcePath) has \(source.count) lines and \(targetPath) "
                        + "\(target.count): line-parallel files have one sentence per line on both sides")
                    throw ExitStatus.ioError
                }
                inputs += [sourcePath, targetPath]
                let sourceLang = language(of: source, detector), targetLang = language(of: target, detector)
                let evidence = "\(baseName(sourcePath))|\(baseName(targetPath))"
                for (first, second) in zip(source, target) {
                    miner.addPair(first, lang: sourceLang, second, lang: targetLang, source: evidence)
                }
            }
            for path in alignment {
                let document = try AlignmentDocuments.loadValid(path, toBe: "mined")
                inputs.append(path)
                let rows = document.file.rows.filter {
                    $0.status != .rejected && !$0.sourceText.isEmpty && !$0.targetText.isEmpty
                }
                let sourceLang = language(of: rows.map(\.sourceText), detector)
                let targetLang = language(of: rows.map(\.targetText), detector)
                // Each side of a bead file is one document: its strong mentions resolve its weak labels.
                let support = (miner.strongEntities(rows.map(\.sourceText)),
                               miner.strongEntities(rows.map(\.targetText)))
                for row in rows {
                    miner.addPair(row.sourceText, lang: sourceLang, row.targetText, lang: targetLang,
                                  source: baseName(path),
                                  support: support)
                }
            }
            let suggestions = miner.suggestions(minimumCount: minCount)
            let text = SuggestionTableWriter.text(suggestions, comments: [
                "lexalign lexicon suggest from \(inputs.joined(separator: ", ")): \(suggestions.count) proposed",
                "Fill in decision (alt, hidden, negative or reject, skip), then: lexalign lexicon accept FILE",
            ])
            try CommandOutput.write(text, to: output, inputs: inputs)
            if !quiet { StandardError.line("lexalign: \(suggestions.count) proposed labels") }
        }

        /// The file's lines (LF or CRLF ends); a line with invalid UTF-8 is read with U+FFFD and
        /// named in a warning, the first of them only.
        private func readLines(_ path: String) throws -> [String] {
            let bytes: [UInt8]
            do { bytes = try TextFiles.readBytes(path) } catch {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            var lines: [String] = []
            var warned = false
            for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                var text = line
                if text.last == 0x0D { text = text.dropLast() }
                if String(validating: text, as: UTF8.self) == nil && !warned {
                    StandardError.line("\(path):\(index + 1): warning: invalid UTF-8 read as U+FFFD")
                    warned = true
                }
                lines.append(String(decoding: text, as: UTF8.self))
            }
            return lines.dropLast(while: { $0.isEmpty })
        }

        private func baseName(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

        /// The language most lines are in (en, prs or ps); `und` when none can be told.
        private func language(of lines: [String], _ detector: TextNormalizer) -> String {
            var counts: [Language: Int] = [:]
            for line in lines.prefix(2_000) {
                let bytes = Array(line.utf8)
                let language = detector.language(of: bytes, bytes.indices)
                if language != .undetermined { counts[language, default: 0] += 1 }
            }
            return (counts.max { $0.value < $1.value }?.key ?? .undetermined).rawValue
        }
    }
}

extension Array {
    /// The array without its trailing elements that satisfy `predicate`.
    fileprivate func dropLast(while predicate: (Element) -> Bool) -> [Element] {
        var end = count
        while end > 0 && predicate(self[end - 1]) { end -= 1 }
        return Array(self[..<end])
    }
}
