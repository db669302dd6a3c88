import TestCorpora
import Testing
@testable import TextNormalization

/// Step 1 on bad bytes: invalid UTF-8 and NUL are reported with their place; nothing is lost.
@Suite("decoding bad bytes")
struct DecodingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var text: String
        var issues: [DecodingIssue]
        var testDescription: String { bytes.map { String($0, radix: 16) }.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(bytes: [0x61, 0xFF, 0x62], text: "a\u{FFFD}b",
             issues: [DecodingIssue(kind: .invalidUTF8([0xFF]), byteOffset: 1, column: 2)]),
        // a truncated 3-byte sequence is one replacement (its maximal subpart)
        Case(bytes: [0xE2, 0x80, 0x61], text: "\u{FFFD}a",
             issues: [DecodingIssue(kind: .invalidUTF8([0xE2, 0x80]), byteOffset: 0, column: 1)]),
        // an overlong encoding and a surrogate are rejected byte by byte
        Case(bytes: [0xC0, 0xAF], text: "\u{FFFD}\u{FFFD}",
             issues: [DecodingIssue(kind: .invalidUTF8([0xC0]), byteOffset: 0, column: 1),
                      DecodingIssue(kind: .invalidUTF8([0xAF]), byteOffset: 1, column: 2)]),
        Case(bytes: [0xED, 0xA0, 0x80], text: "\u{FFFD}\u{FFFD}\u{FFFD}",
             issues: [DecodingIssue(kind: .invalidUTF8([0xED]), byteOffset: 0, column: 1),
                      DecodingIssue(kind: .invalidUTF8([0xA0]), byteOffset: 1, column: 2),
                      DecodingIssue(kind: .invalidUTF8([0x80]), byteOffset: 2, column: 3)]),
        // columns count scalars: the bad byte after "کا" is column 3, byte 4
        Case(bytes: Array("کا".utf8) + [0x80] + Array("بل".utf8), text: "کا\u{FFFD}بل",
             issues: [DecodingIssue(kind: .invalidUTF8([0x80]), byteOffset: 4, column: 3)]),
        // NUL reads as a space (it separated something); a CR without LF too, reported once a line.
        Case(bytes: [0x61, 0x00, 0x62], text: "a b", issues: [DecodingIssue(kind: .nul, byteOffset: 1, column: 2)]),
        Case(bytes: [0x61, 0x0D, 0x62, 0x0D, 0x63], text: "a b c", issues: [DecodingIssue(kind: .loneCR, byteOffset: 1, column: 2)]),
        // a 4-byte scalar survives whole
        Case(bytes: Array("a😀b".utf8), text: "a😀b", issues: []),
        // two-byte sequences (decoded inline): the first and last of them, a lead byte without
        // its continuation (before ASCII, before another lead, at the end of the line), and a
        // continuation byte alone after a good pair
        Case(bytes: [0xC2, 0xA9, 0xDF, 0xBF], text: "©\u{7FF}", issues: []),
        Case(bytes: [0xC2, 0x41], text: "\u{FFFD}A",
             issues: [DecodingIssue(kind: .invalidUTF8([0xC2]), byteOffset: 0, column: 1)]),
        Case(bytes: [0xD8, 0xD8, 0xA8], text: "\u{FFFD}ب",
             issues: [DecodingIssue(kind: .invalidUTF8([0xD8]), byteOffset: 0, column: 1)]),
        Case(bytes: [0x61, 0xDA], text: "a\u{FFFD}",
             issues: [DecodingIssue(kind: .invalidUTF8([0xDA]), byteOffset: 1, column: 2)]),
        Case(bytes: [0xD8, 0xA8, 0xA8, 0x61], text: "ب\u{FFFD}a",
             issues: [DecodingIssue(kind: .invalidUTF8([0xA8]), byteOffset: 2, column: 2)]),
    ]

    @Test(arguments: cases)
    func replacesAndReports(testCase: Case) throws {
        let context = try NormalizationContext(options: NormalizationOptions(form: .text))
        let normalizer = try context.makeNormalizer()
        var output: [UInt8] = []
        var issues: [DecodingIssue] = []
        try normalizer.normalize(testCase.bytes, testCase.bytes.indices, appendingTo: &output, issues: &issues)
        #expect(String(decoding: output, as: UTF8.self) == testCase.text)
        #expect(issues == testCase.issues)
    }

    @Test func messagesNameTheBytes() {
        #expect(DecodingIssue(kind: .invalidUTF8([0xE2, 0x80]), byteOffset: 0, column: 1).message
            == "invalid UTF-8 (0xE2 0x80) replaced by U+FFFD")
        #expect(DecodingIssue(kind: .nul, byteOffset: 0, column: 1).ruleID == "nul-byte")
    }

    /// Where the first ill-formed sequence of a range starts, as the decoder would meet it: chosen
    /// bytes, then 20,000 random ranges of random strings of ASCII, valid scalars, lone lead and
    /// continuation bytes, overlong forms, surrogates and bytes above U+10FFFF.
    @Test(arguments: [
        ([0x61, 0x62], nil), ([0x61, 0xFF], 1), ([0xE2, 0x82], 0), ([0xE2, 0x82, 0xAC, 0x80], 3),
        ([0xC0, 0xAF], 0), ([0xED, 0xA0, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0), ([0xF0, 0x9F, 0x98, 0x80], nil),
        ([], nil),
    ] as [([UInt8], Int?)])
    func firstInvalidByte(bytes: [UInt8], expected: Int?) {
        #expect(UTF8Decoding.firstInvalidByte(bytes, bytes.indices) == expected)
        #expect(UTF8Decoding.firstInvalidByte(bytes, bytes.indices) == Self.firstInvalidByteScalarly(bytes, bytes.indices))
    }

    @Test func firstInvalidByteOnRandomRanges() {
        let pieces: [[UInt8]] = [[0x61], [0x20], Array("ک".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xBF],
                                 [0xC2], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xF8], [0xFF]]
        var random = SeededRandom(seed: 17)
        func next() -> Int { Int(truncatingIfNeeded: random.next() >> 33) }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 12) { bytes += pieces[next() % (next() % 4 == 0 ? pieces.count : 5)] }
            let lower = bytes.isEmpty ? 0 : next() % (bytes.count + 1)
            let upper = lower + (bytes.count - lower == 0 ? 0 : next() % (bytes.count - lower + 1))
            #expect(UTF8Decoding.firstInvalidByte(bytes, lower..<upper) == Self.firstInvalidByteScalarly(bytes, lower..<upper),
                    "\(bytes) \(lower)..<\(upper)")
        }
    }

    /// The reference: the decoder's own walk, scalar by scalar.
    static func firstInvalidByteScalarly(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: range.upperBound)
            if scalar == nil { return index }
            index += length
        }
        return nil
    }
}
