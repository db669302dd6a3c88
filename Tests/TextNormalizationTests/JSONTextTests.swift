import TestCorpora
import Testing
@testable import TextNormalization

/// JSON string literals and integers as the JSON Lines writers append them.
@Suite("JSON text")
struct JSONTextTests {
    @Test(arguments: [
        ("", #""""#), ("Kabul", #""Kabul""#), ("کابل", "\"کابل\""), ("say \"hi\"", #""say \"hi\"""#),
        (#"C:\path"#, #""C:\\path""#), ("a\tb\nc\rd", #""a\tb\nc\rd""#), ("\u{0}\u{1F}\u{7F}", #""\u0000\u001f\u007f""#),
        ("a long line with one \" quote after its first eight bytes", #""a long line with one \" quote after its first eight bytes""#),
        ("متقی\u{1}ملا \"عمر\" و داعش\\", "\"متقی\\u0001ملا \\\"عمر\\\" و داعش\\\\\""),
        ("ends with an escape after sixteen bytes\n", #""ends with an escape after sixteen bytes\n""#),
    ])
    func strings(text: String, expected: String) {
        var fromBytes: [UInt8] = []
        JSONText.appendString(Array(text.utf8)[...], to: &fromBytes)
        var fromString: [UInt8] = []
        JSONText.appendString(text, to: &fromString)
        #expect(String(decoding: fromBytes, as: UTF8.self) == expected)
        #expect(fromString == fromBytes)
    }

    /// A string's runs between escapes are copied from its own storage: the same bytes as the
    /// array path, for strings of every length (small ones are stored inline) and escapes anywhere.
    @Test func stringsFromStorageMatchBytes() {
        var random = SeededRandom(seed: 7)
        let pieces = ["a", "Kabul ", "کابل", "\"", "\\", "\n", "\u{1}", "\u{7F}", "ټ", "😀", "        "]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &random))
                .map { _ in pieces.randomElement(using: &random)! }.joined()
            var fromBytes: [UInt8] = [], fromString: [UInt8] = []
            JSONText.appendString(Array(text.utf8)[...], to: &fromBytes)
            JSONText.appendString(text, to: &fromString)
            #expect(fromString == fromBytes, "\(text.debugDescription)")
        }
    }

    @Test(arguments: [0, 7, 10, 99, 100, 12_345, -1, -40, Int.max, Int.min])
    func integers(value: Int) {
        var output: [UInt8] = [0x5B]
        JSONText.appendInteger(value, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "[" + String(value))
    }
}
