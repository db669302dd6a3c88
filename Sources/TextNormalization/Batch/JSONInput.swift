/// `--input jsonl` for the line filters: each line is a JSON object whose text member is
/// processed while every other member passes through byte for byte.
public struct JSONInput: Sendable {
    /// The member holding the text to read.
    public var textField: String

    public init(textField: String = "text") {
        self.textField = textField
    }

    /// What one input line turned out to be.
    public enum Record {
        /// An object with the text member.
        case text(String, JSONRecord)
        /// An object without a string member of that name: written back with an `error` member.
        case lacksText(JSONRecord, JSONRecord.Problem)
        /// Not a JSON object at all: written as `{"line":…,"error":…,"input":…}`.
        case unreadable(JSONRecord.Problem)

        public var problem: JSONRecord.Problem? {
            switch self {
            case .text: return nil
            case .lacksText(_, let problem), .unreadable(let problem): return problem
            }
        }
    }

    public func read(_ bytes: [UInt8], _ range: Range<Int>) -> Record {
        let record: JSONRecord
        do {
            record = try JSONRecord.parse(bytes, range)
        } catch {
            return .unreadable(error)
        }
        do {
            return .text(try record.string(textField, in: bytes), record)
        } catch {
            return .lacksText(record, error)
        }
    }

    /// The error a problem makes: it names the line and column, and makes the exit status 2.
    public static func issue(_ problem: JSONRecord.Problem, _ bytes: [UInt8], _ range: Range<Int>,
                             line: Int, lineByteOffset: Int) -> LineIssue {
        let offset = min(max(problem.offset, range.lowerBound), range.upperBound)
        let column = String(decoding: bytes[range.lowerBound..<offset], as: UTF8.self).unicodeScalars.count + 1
        return LineIssue(line: line, column: column, byteOffset: lineByteOffset + offset - range.lowerBound,
                         severity: .error, message: problem.message, ruleID: "bad-json")
    }

    /// The JSON output line for a record that has a problem: the object with an `error` member,
    /// or the unreadable line kept as `input`. No line feed.
    public static func appendErrorRecord(_ record: Record, _ bytes: [UInt8], _ range: Range<Int>, line: Int,
                                         to output: inout [UInt8]) {
        switch record {
        case .text: break
        case .lacksText(let object, let problem):
            object.appendEdited(bytes, range, setting: [("error", JSONRecord.stringValue(problem.message))],
                                to: &output)
        case .unreadable(let problem):
            JSONRecord.appendUnreadable(bytes, range, line: line, message: problem.message, to: &output)
        }
    }
}
