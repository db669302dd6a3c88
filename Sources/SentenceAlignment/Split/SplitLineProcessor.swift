import TextNormalization

/// `lexalign split` for one thread: each paragraph of a chunk becomes its sentences, one per
/// output line, in order.
///
/// A paragraph is one input line, or with `joinLines` a run of non-blank lines joined with a space
/// (blank lines separate paragraphs; the runner must then cut chunks only at blank lines, see
/// `LineChunker`). A blank line, empty or holding only white space and invisible marks, gives no
/// output.
public final class SplitLineProcessor: LineProcessor {
    public struct Options: Sendable {
        /// A fixed language, or nil to decide each paragraph's from its letters.
        public var language: Language?
        public var joinLines = false

        public init(language: Language? = nil, joinLines: Bool = false) {
            self.language = language
            self.joinLines = joinLines
        }
    }

    private let options: Options
    private let splitters: [Language: SentenceSplitter]
    private let languageReader: TextNormalizer?
    // Buffers reused from line to line.
    private var decodingIssues: [DecodingIssue] = []
    private var line: [Unicode.Scalar] = []
    /// The paragraph being joined: its characters, its bytes (for deciding its language), and
    /// where its first line is.
    private var paragraph: [Unicode.Scalar] = []
    private var paragraphBytes: [UInt8] = []
    private var paragraphLine = 0
    private var paragraphOffset = 0

    public init(options: Options, abbreviations: Abbreviations) throws(NormalizationSetupError) {
        self.options = options
        var splitters: [Language: SentenceSplitter] = [:]
        let languages = options.language.map { [SplitLineProcessor.splitterLanguage($0)] } ?? [.english, .dari, .pashto]
        do {
            for language in languages {
                splitters[language] = try SentenceSplitter(language: language, abbreviations: abbreviations)
            }
        } catch {
            throw .icu(error)
        }
        self.splitters = splitters
        if options.language == nil {
            let context = try NormalizationContext.shared(NormalizationOptions(form: .key))
            languageReader = try context.makeNormalizer()
        } else {
            languageReader = nil
        }
    }

    public func process(_ chunk: LineChunk, into result: inout ChunkResult) {
        var lineNumber = chunk.firstLine
        chunk.forEachLine { range in
            let byteOffset = chunk.byteOffset + range.lowerBound
            decodingIssues.removeAll(keepingCapacity: true)
            line.removeAll(keepingCapacity: true)
            LineText.decode(chunk.bytes, range, atInputStart: byteOffset == 0, appendingTo: &line,
                            issues: &decodingIssues)
            for issue in decodingIssues {
                result.issues.append(LineIssue(line: lineNumber, column: issue.column,
                                               byteOffset: byteOffset + issue.byteOffset,
                                               severity: .warning, message: issue.message, ruleID: issue.ruleID))
            }
            let blank = line.allSatisfy(SentenceCharacters.isBlank)
            // Invisible characters alone (ZWNJ, bidi controls, tag characters) make no sentence,
            // but unlike white space they were put there: say the line gave nothing.
            if blank, let invisible = line.firstIndex(where: { !$0.properties.isWhitespace }) {
                let value = String(line[invisible].value, radix: 16, uppercase: true)
                result.issues.append(LineIssue(line: lineNumber, column: invisible + 1, byteOffset: byteOffset,
                    severity: .warning,
                    message: "the line holds only invisible characters "
                        + "(U+\(String(repeating: "0", count: max(0, 4 - value.count)) + value)"
                        + (line.count > 1 ? " and more" : "") + "): no sentence written", ruleID: "invisible-line"))
            }
            if options.joinLines {
                if blank {
                    flushParagraph(into: &result)
                } else {
                    if paragraph.isEmpty {
                        paragraphLine = lineNumber
                        paragraphOffset = byteOffset
                    } else {
                        paragraph.append(" ")
                        paragraphBytes.append(0x20)
                    }
                    paragraph += line
                    paragraphBytes += chunk.bytes[range]
                }
            } else if !blank {
                write(line, bytes: chunk.bytes, range, line: lineNumber, byteOffset: byteOffset, into: &result)
            }
            lineNumber += 1
        }
        // Chunks end at a blank line or at the end of the input: a paragraph never spans two.
        flushParagraph(into: &result)
        result.lineCount += lineNumber - chunk.firstLine
        result.byteCount += chunk.bytes.count
    }

    /// Undetermined text (digits, symbols) is split by the English rules.
    private static func splitterLanguage(_ language: Language) -> Language {
        language == .undetermined ? .english : language
    }

    private func flushParagraph(into result: inout ChunkResult) {
        guard !paragraph.isEmpty else { return }
        write(paragraph, bytes: paragraphBytes, paragraphBytes.indices, line: paragraphLine,
              byteOffset: paragraphOffset,
              into: &result)
        paragraph.removeAll(keepingCapacity: true)
        paragraphBytes.removeAll(keepingCapacity: true)
    }

    /// Writes the sentences of `text`, one per line; `bytes[range]` is the same text as read, for
    /// deciding its language.
    private func write(_ text: [Unicode.Scalar], bytes: [UInt8], _ range: Range<Int>, line: Int, byteOffset: Int,
                       into result: inout ChunkResult) {
        let language = options.language ?? languageReader?.language(of: bytes, range) ?? .undetermined
        guard let splitter = splitters[SplitLineProcessor.splitterLanguage(language)] else {
            assertionFailure("no splitter for \(language)")
            return
        }
        do {
            for sentence in try splitter.sentenceRanges(in: text) {
                SentencePieces.appendUTF8(sentence, in: text, to: &result.output)
                result.output.append(0x0A)
            }
        } catch {
            result.issues.append(LineIssue(line: line, column: 1, byteOffset: byteOffset, severity: .error,
                                           message: "\(error); the line gives no sentences", ruleID: "icu-failure"))
        }
    }
}
