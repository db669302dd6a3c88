/// `lexalign normalize` for one thread: each input line becomes one output line, either the
/// normalised text or a JSON Lines record `{"line":…,"text":…,"form":…,"lang":…}`; with JSON
/// input, the input object with its text member normalised (or the normalised text alone).
public final class NormalizeLineProcessor: LineProcessor {
    public enum OutputFormat: String, CaseIterable, Sendable {
        case text, jsonl
    }

    /// Reading JSON Lines records instead of text lines.
    public struct JSONOptions: Sendable {
        public var input: JSONInput
        /// Where the normalised text goes: nil for the text member itself.
        public var outputField: String?

        public init(textField: String = "text", outputField: String? = nil) {
            input = JSONInput(textField: textField)
            self.outputField = outputField
        }
    }

    private let normalizer: TextNormalizer
    private let format: OutputFormat
    private let json: JSONOptions?
    /// Written into every JSON record as "file" when set (several inputs in one run).
    private let fileName: [UInt8]?
    private var lineOutput: [UInt8] = []
    private var decodingIssues: [DecodingIssue] = []
    /// The end of a JSON record for each language (`","form":"key","lang":"prs"}`), made once: the
    /// form and the language's code appended as strings cost a retain, a release and a generic
    /// copy each at every line.
    private let recordEnds: [Language: [UInt8]]

    /// - Parameter json: read each line as a JSON object; `format` jsonl then writes the object
    ///   back with the normalised text, `text` the normalised text alone.
    public init(normalizer: TextNormalizer, format: OutputFormat, fileName: String? = nil, json: JSONOptions? = nil) {
        self.normalizer = normalizer
        self.format = format
        self.json = json
        self.fileName = fileName.map { Array($0.utf8) }
        let form = normalizer.options.form.rawValue
        recordEnds = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            (language, Array(#","form":"\#(form)","lang":"\#(language.rawValue)"}"#.utf8))
        })
        // The key form's text is the same in every language: only work the language out if shown.
        normalizer.reportsLanguage = format == .jsonl && json == nil
    }

    public func process(_ chunk: LineChunk, into result: inout ChunkResult) {
        var lineNumber = chunk.firstLine
        // Fetched once for the chunk (`keyFormSegmentTable`).
        let keyTable = normalizer.keyFormSegmentTable()
        chunk.forEachLine { range in
            let lineByteOffset = chunk.byteOffset + range.lowerBound
            if let json {
                processRecord(chunk.bytes, range, json: json, line: lineNumber, lineByteOffset: lineByteOffset,
                              keyTable: keyTable, into: &result)
                lineNumber += 1
                return
            }
            let language = normalize(chunk.bytes, range, line: lineNumber, lineByteOffset: lineByteOffset,
                                     columnsFrom: nil, keyTable: keyTable, into: &result)
            switch format {
            case .text:
                result.output.append(contentsOf: lineOutput)
            case .jsonl:
                JSONText.appendLiteral(#"{"line":"#, to: &result.output)
                JSONText.appendInteger(lineNumber, to: &result.output)
                if let fileName {
                    JSONText.appendLiteral(#","file":"#, to: &result.output)
                    JSONText.appendString(fileName[...], to: &result.output)
                }
                JSONText.appendLiteral(#","text":"#, to: &result.output)
                JSONText.appendString(lineOutput[...], to: &result.output)
                result.output.append(contentsOf: recordEnds[language]!)
            }
            result.output.append(0x0A)
            lineNumber += 1
        }
        result.lineCount += lineNumber - chunk.firstLine
        result.byteCount += chunk.bytes.count
    }

    /// Normalises `bytes[range]` into `lineOutput`, turning problems into issues of `line`. A text
    /// read out of a JSON string has no columns of its own in the line: its issues point at the
    /// string (`columnsFrom`).
    private func normalize(_ bytes: [UInt8], _ range: Range<Int>, line: Int, lineByteOffset: Int,
                           columnsFrom anchor: (column: Int, byteOffset: Int)?, keyTable: SegmentTable?,
                           into result: inout ChunkResult) -> Language {
        decodingIssues.removeAll(keepingCapacity: true)
        lineOutput.removeAll(keepingCapacity: true)
        var language = Language.undetermined
        do {
            language = try normalizer.normalize(bytes, range, appendingTo: &lineOutput, issues: &decodingIssues,
                                                 keyTable: keyTable)
        } catch {
            // Keep the line count: an empty line stands in for the one ICU could not handle.
            lineOutput.removeAll(keepingCapacity: true)
            result.issues.append(LineIssue(line: line, column: anchor?.column ?? 1,
                                           byteOffset: anchor?.byteOffset ?? lineByteOffset,
                                           severity: .error, message: "\(error); the line is left empty",
                                           ruleID: "icu-failure"))
        }
        for issue in decodingIssues {
            result.issues.append(LineIssue(line: line, column: anchor?.column ?? issue.column,
                                           byteOffset: anchor?.byteOffset ?? lineByteOffset + issue.byteOffset,
                                           severity: .warning, message: issue.message, ruleID: issue.ruleID))
        }
        return language
    }

    /// One JSON Lines record: the object back with its text normalised, or its error record.
    private func processRecord(_ bytes: [UInt8], _ range: Range<Int>, json: JSONOptions, line: Int, lineByteOffset: Int,
                               keyTable: SegmentTable?, into result: inout ChunkResult) {
        let record = json.input.read(bytes, range)
        guard case .text(let text, let object) = record else {
            result.issues.append(JSONInput.issue(record.problem!, bytes, range, line: line,
                                                 lineByteOffset: lineByteOffset))
            if format == .jsonl { JSONInput.appendErrorRecord(record, bytes, range, line: line, to: &result.output) }
            result.output.append(0x0A)
            return
        }
        let member = object.members.last { $0.name == json.input.textField }!
        let column = String(decoding: bytes[range.lowerBound..<member.valueRange.lowerBound], as: UTF8.self)
            .unicodeScalars.count + 1
        let textBytes = Array(text.utf8)
        _ = normalize(textBytes, textBytes.indices, line: line, lineByteOffset: lineByteOffset,
                      columnsFrom: (column, lineByteOffset + member.valueRange.lowerBound - range.lowerBound),
                      keyTable: keyTable, into: &result)
        switch format {
        case .text:
            // The text alone: a line break inside it would break the one-line-per-record rule.
            result.output.append(contentsOf: lineOutput.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
        case .jsonl:
            var value: [UInt8] = []
            JSONText.appendString(lineOutput[...], to: &value)
            object.appendEdited(bytes, range, setting: [(json.outputField ?? json.input.textField, value)],
                                to: &result.output)
        }
        result.output.append(0x0A)
    }
}
