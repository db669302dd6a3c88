import Testing
import TextNormalization

@Suite("JSON input records")
struct JSONRecordTests {
    @Test(arguments: [
        (#"{"id":7,"text":"Kabul"}"#, "Kabul"),
        (#"  {"text" : "a\"b\\c\nd\u00e9\ud83d\ude00", "meta": {"x": [1, {"y": "}"}], "z": null}}  "#, "a\"b\\c\nd\u{E9}😀"),
        (#"{"nested":{"text":"no"},"text":"yes"}"#, "yes"),
        (#"{"text":"کابل","n":-1.5e3,"t":true}"#, "کابل"),
        // a repeated name reads as its last value, as Python's and JavaScript's parsers read it
        (#"{"text":"first","text":"last"}"#, "last"),
        // escapes at either end, lone surrogates, a high surrogate before another escape
        (#"{"text":"\tx\u0645"}"#, "\tx\u{645}"),
        (#"{"text":"a\ud800b\udc00c"}"#, "a\u{FFFD}b\u{FFFD}c"),
        (#"{"text":"\ud800\u0041"}"#, "\u{FFFD}A"),
        (#"{"text":"\ud83d\ude00\ud83d"}"#, "😀\u{FFFD}"),
        (#"{"text":""}"#, ""),
        // DEL may stand in a string as it is; a long run without escapes is read in place
        ("{\"text\":\"a\u{7F}b\"}", "a\u{7F}b"),
        ("{\"text\":\"" + String(repeating: "کابل ", count: 40) + "\"}", String(repeating: "کابل ", count: 40)),
    ])
    func readsTheTextField(line: String, expected: String) throws {
        let bytes = Array(line.utf8)
        #expect(try JSONRecord.parse(bytes, bytes.indices).string("text", in: bytes) == expected)
    }

    @Test(arguments: [
        (#"["text"]"#, "expected a JSON object"),
        (#"{"body":"Kabul"}"#, "no string field 'text'"),
        (#"{"text":5}"#, "field 'text' is not a string"),
        (#"{"text":"Kabul""#, "expected ',' or '}'"),
        (#"{"text":"Kabul"} x"#, "unexpected text after the JSON object"),
        (#"{"text":"a\qb"}"#, "unknown escape '\\q'"),
        (#"{"text":"Kabul","n":nope}"#, "not a JSON value: 'nope'"),
        // a value that is skipped is read as strictly as the text
        (#"{"meta":{"a":["x\qy"]},"text":"Kabul"}"#, "unknown escape '\\q'"),
        (#"{"meta":"\u12","text":"Kabul"}"#, "bad hex digit in \\u escape"),
        ("{\"meta\":\"a\u{01}b\",\"text\":\"Kabul\"}", "control character in a string"),
        (#"{"meta":"abc"#, "unterminated string"),
        ("", "expected a JSON object"),
    ])
    func reportsWhatIsWrong(line: String, message: String) {
        let bytes = Array(line.utf8)
        do {
            _ = try JSONRecord.parse(bytes, bytes.indices).string("text", in: bytes)
            Issue.record("no problem found in \(line)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func invalidUTF8IsAProblemAtItsByte() {
        let bytes = Array(#"{"text":"ab"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(throws: JSONRecord.Problem(offset: 11, message: "invalid UTF-8 (JSON Lines records are UTF-8)")) {
            _ = try JSONRecord.parse(bytes, bytes.indices)
        }
    }

    /// Setting members: in place when present (later duplicates removed), added at the end when
    /// not; every other byte as it was.
    @Test(arguments: [
        (#"{"id":1,"text":"a"}"#, "mentions", "[]", #"{"id":1,"text":"a","mentions":[]}"#),
        (#"{"id":1, "mentions" : [1], "z":2}"#, "mentions", "[]", #"{"id":1, "mentions" : [], "z":2}"#),
        (#"{"mentions":1,"a":2,"mentions":3}"#, "mentions", "[]", #"{"mentions":[],"a":2}"#),
        (#"{"a":1,"mentions":1, "mentions":3 ,"b":2}"#, "mentions", "0", #"{"a":1,"mentions":0 ,"b":2}"#),
        (#"{}"#, "error", #""x""#, #"{"error":"x"}"#),
        (#" { } "#, "error", #""x""#, #" { "error":"x"} "#),
        (#"{"text":"KABUL","n":{"text":"x"}}"#, "text", #""kabul""#, #"{"text":"kabul","n":{"text":"x"}}"#),
    ])
    func setsMembers(line: String, name: String, value: String, expected: String) throws {
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        try JSONRecord.parse(bytes, bytes.indices).appendEdited(bytes, bytes.indices, setting: [(name, Array(value.utf8))], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test func anUnreadableLineIsKeptAsInput() {
        let bytes = Array("not json\t\"here\"".utf8)
        var output: [UInt8] = []
        JSONRecord.appendUnreadable(bytes, bytes.indices, line: 4, message: "expected a JSON object", to: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"{"line":4,"error":"expected a JSON object","input":"not json\t\"here\""}"#)
    }
}
