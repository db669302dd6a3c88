import Testing
import TermLexicon

@Suite("JSON input records")
struct JSONRecordTests {
    @Test(arguments: [
        (#"{"id":7,"text":"Kabul"}"#, "Kabul"),
        (#"  {"text" : "a\"b\\c\nd\u00e9\ud83d\ude00", "meta": {"x": [1, {"y": "}"}], "z": null}}  "#, "a\"b\\c\nd\u{E9}😀"),
        (#"{"nested":{"text":"no"},"text":"yes"}"#, "yes"),
        (#"{"text":"کابل","n":-1.5e3,"t":true}"#, "کابل"),
    ])
    func readsTheTextField(line: String, expected: String) throws {
        let bytes = Array(line.utf8)
        #expect(try JSONRecord.parse(bytes, bytes.indices, field: "text").text == expected)
    }

    @Test(arguments: [
        (#"["text"]"#, "expected a JSON object"),
        (#"{"body":"Kabul"}"#, "no string field 'text'"),
        (#"{"text":5}"#, "field 'text' is not a string"),
        (#"{"text":"Kabul""#, "expected ',' or '}'"),
        (#"{"text":"Kabul"} x"#, "unexpected text after the JSON object"),
        (#"{"text":"a\qb"}"#, "unknown escape '\\q'"),
        (#"{"text":"Kabul","n":nope}"#, "not a JSON value: 'nope'"),
        ("", "expected a JSON object"),
    ])
    func reportsWhatIsWrong(line: String, message: String) {
        let bytes = Array(line.utf8)
        #expect(throws: JSONRecord.Problem.self) { _ = try JSONRecord.parse(bytes, bytes.indices, field: "text") }
        do {
            _ = try JSONRecord.parse(bytes, bytes.indices, field: "text")
        } catch {
            #expect(error.message == message)
        }
    }
}
