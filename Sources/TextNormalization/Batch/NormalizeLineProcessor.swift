/// `lexalign normalize` for one thread: each input line becomes one output line, either the
/// normalised text or a JSON Lines record `{"line":…,"text":…,"form":…,"lang":…}`.
public final class NormalizeLineProcessor: LineProcessor {
    public enum OutputFormat: String, CaseIterable, Sendable {
        case text, jsonl
    }

    private let normalizer: TextNormalizer
    private let format: OutputFormat
    /// Written into every JSON record as "file" when set (several inputs in one run).
    private let fileName: [UInt8]?
    private var lineOutput: [UInt8] = []
    private var decodingIssues: [DecodingIssue] = []

    public init(normalizer: TextNormalizer, format: OutputFormat, fileName: String? = nil) {
        self.normalizer = normalizer
        self.format = format
        self.fileName = fileName.map { Array($0.utf8) }
        // The key form's text is the same in every language: only work the language out if shown.
        normalizer.reportsLanguage = format == .jsonl
    }

    public func process(_ chunk: LineChunk, into result: inout ChunkResult) {
        var lineNumber = chunk.firstLine
        let form = normalizer.options.form.rawValue
        chunk.forEachLine { range in
            decodingIssues.removeAll(keepingCapacity: true)
            lineOutput.removeAll(keepingCapacity: true)
            var language = Language.undetermined
            do {
                language = try normalizer.normalize(chunk.bytes, range, appendingTo: &lineOutput, issues: &decodingIssues)
            } catch {
                // Keep the line count: an empty line stands in for the one ICU could not handle.
                lineOutput.removeAll(keepingCapacity: true)
                result.issues.append(LineIssue(line: lineNumber, column: 1, byteOffset: chunk.byteOffset + range.lowerBound,
                                               severity: .error, message: "\(error); the line is left empty",
                                               ruleID: "icu-failure"))
            }
            for issue in decodingIssues {
                result.issues.append(LineIssue(line: lineNumber, column: issue.column,
                                               byteOffset: chunk.byteOffset + range.lowerBound + issue.byteOffset,
                                               severity: .warning, message: issue.message, ruleID: issue.ruleID))
            }
            switch format {
            case .text:
                result.output.append(contentsOf: lineOutput)
            case .jsonl:
                result.output.append(contentsOf: #"{"line":"#.utf8)
                JSONText.appendInteger(lineNumber, to: &result.output)
                if let fileName {
                    result.output.append(contentsOf: #","file":"#.utf8)
                    JSONText.appendString(fileName[...], to: &result.output)
                }
                result.output.append(contentsOf: #","text":"#.utf8)
                JSONText.appendString(lineOutput[...], to: &result.output)
                result.output.append(contentsOf: #","form":""#.utf8)
                result.output.append(contentsOf: form.utf8)
                result.output.append(contentsOf: #"","lang":""#.utf8)
                result.output.append(contentsOf: language.rawValue.utf8)
                result.output.append(contentsOf: #""}"#.utf8)
            }
            result.output.append(0x0A)
            lineNumber += 1
        }
        result.lineCount += lineNumber - chunk.firstLine
        result.byteCount += chunk.bytes.count
    }
}
