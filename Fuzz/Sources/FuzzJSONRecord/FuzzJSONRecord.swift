/// libFuzzer target: the JSON Lines reader and writer of `--input jsonl` (`JSONRecord`,
/// `JSONInput`), and `normalize --input jsonl` end to end.
///
/// Each LF-separated line of the input is one record, read in place from the whole buffer (as the
/// CLI reads records from a chunk), so ranges that do not start at 0 are exercised too.
/// Properties checked (README "JSON Lines in and out"; FORMATS 4.4):
/// - a record that parses, edited with `appendEdited`, parses again; the member set has the value
///   set and occurs once; every other member keeps its name and value byte for byte, in order;
/// - the error record of a line that is not a usable object (`appendErrorRecord`) parses, with its
///   `error` member (and, for an unreadable line, `input` holding the line as read);
/// - `normalize --input jsonl --format jsonl` writes one output line per input line, each a JSON
///   object that parses.
import FuzzSupport
import TextNormalization

let textInput = JSONInput(textField: "text")

/// `normalize --input jsonl --form key --output-field key`, made once (libFuzzer runs one thread).
nonisolated(unsafe) let normalizer = NormalizeLineProcessor(
    normalizer: try! NormalizationContext.shared(NormalizationOptions(form: .key)).makeNormalizer(),
    format: .jsonl, json: NormalizeLineProcessor.JSONOptions(textField: "text", outputField: "key"))

func parse(_ bytes: [UInt8], _ what: @autoclosure () -> String) -> JSONRecord {
    do {
        return try JSONRecord.parse(bytes, bytes.indices)
    } catch {
        require(false, "[reparse] \(what()) does not parse (\(error.message) at \(error.offset)): \(show(bytes))")
        fatalError()
    }
}

/// Sets member `name` to a string and checks the result.
func checkEdit(_ record: JSONRecord, _ bytes: [UInt8], _ range: Range<Int>, name: String, value: String) {
    var edited: [UInt8] = []
    record.appendEdited(bytes, range, setting: [(name, JSONRecord.stringValue(value))], to: &edited)
    let again = parse(edited, "record with '\(name)' set")
    require(again.members.filter { $0.name == name }.count == 1, "[edit] '\(name)' is not there once: \(show(edited))")
    let read = try? again.string(name, in: edited)
    require(read.map { $0.unicodeScalars.elementsEqual(value.unicodeScalars) } == true,
            "[edit] '\(name)' reads back as \(read.debugDescription), set to \(value.debugDescription)")
    // Every other member as it was, in order.
    let before = record.members.filter { $0.name != name }.map { ($0.name, Array(bytes[$0.valueRange])) }
    let after = again.members.filter { $0.name != name }.map { ($0.name, Array(edited[$0.valueRange])) }
    require(before.elementsEqual(after, by: { $0.0 == $1.0 && $0.1 == $1.1 }), "[edit] other members changed: \(show(edited))")
}

func checkLine(_ bytes: [UInt8], _ range: Range<Int>, lineNumber: Int) {
    let record = textInput.read(bytes, range)
    if let problem = record.problem {
        let issue = JSONInput.issue(problem, bytes, range, line: lineNumber, lineByteOffset: range.lowerBound)
        require(issue.column >= 1 && issue.byteOffset >= range.lowerBound && issue.byteOffset <= range.upperBound,
                "[issue] column \(issue.column), byte offset \(issue.byteOffset) outside the line \(range)")
        var output: [UInt8] = []
        JSONInput.appendErrorRecord(record, bytes, range, line: lineNumber, to: &output)
        let object = parse(output, "error record")
        require((try? object.string("error", in: output)) == problem.message, "[error-record] no error member: \(show(output))")
        if case .unreadable = record {
            let input = try? object.string("input", in: output)
            let line = String(decoding: bytes[range], as: UTF8.self)
            require(input.map { $0.unicodeScalars.elementsEqual(line.unicodeScalars) } == true,
                    "[error-record] input member is \(input.debugDescription), the line is \(line.debugDescription)")
        }
    }
    guard let object = try? JSONRecord.parse(bytes, range) else { return }
    require(object.closingBrace < range.upperBound && bytes[object.closingBrace] == UInt8(ascii: "}"),
            "[parse] closing brace at \(object.closingBrace) is not a '}'")
    for member in object.members {
        require(range.contains(member.range.lowerBound) && member.range.upperBound <= range.upperBound
                && member.valueRange.lowerBound >= member.range.lowerBound && member.valueRange.upperBound == member.range.upperBound,
                "[parse] member '\(member.name)' at \(member.range) / \(member.valueRange) outside the line \(range)")
        _ = try? object.string(member.name, in: bytes)
    }
    // A value taken from the input itself, so it holds whatever escapes and scripts the fuzzer made.
    let value = String(decoding: bytes[range].prefix(64), as: UTF8.self)
    checkEdit(object, bytes, range, name: "text", value: value)
    checkEdit(object, bytes, range, name: object.members.first?.name ?? "new", value: value)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The only use of libFuzzer's pointer: copy its `size` bytes into an array at once; the buffer
    // is libFuzzer's and valid only during this call.
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    let chunk = LineChunk(bytes: input, firstLine: 1, byteOffset: 0)
    var lineNumber = 1
    chunk.forEachLine { range in
        checkLine(input, range, lineNumber: lineNumber)
        lineNumber += 1
    }

    var result = ChunkResult()
    normalizer.process(chunk, into: &result)
    let expected = lineCount(input)
    require(lineCount(result.output) == expected, "[line-count] \(lineCount(result.output)) output lines for \(expected)")
    for line in lines(result.output).dropLast() {
        _ = parse(Array(line), "normalize --input jsonl output line")
    }
    return 0
}
