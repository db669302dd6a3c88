import Testing
@testable import TextNormalization

/// The reader's line-feed count, word by word, against a count byte by byte: line feeds at every
/// position of an 8-byte word, bytes one bit away from a line feed, and tails of every length.
@Suite("byte scan")
struct ByteScanTests {
    @Test(arguments: [
        ([UInt8](), 0), ([0x0A], 1), (Array("a\nb\n".utf8), 2), ([UInt8](repeating: 0x0A, count: 17), 17),
        ([0x8A, 0x0B, 0x1A, 0x4A, 0x0E, 0x00, 0xFF, 0x09], 0), ([0x8A, 0x0B, 0x1A, 0x4A, 0x0E, 0x00, 0xFF, 0x0A], 1),
        (Array("کابل\nKabul\n".utf8), 2),
    ])
    func counts(bytes: [UInt8], expected: Int) {
        #expect(ByteScan.lineFeeds(in: bytes) == expected)
    }

    @Test("next line feed", arguments: [
        ([UInt8](), 0, 0), (Array("a\nb\n".utf8), 0, 1), (Array("a\nb\n".utf8), 1, 1), (Array("a\nb\n".utf8), 2, 3),
        (Array("a\nb\n".utf8), 4, 4), (Array("ab".utf8), 0, 2), (Array("ab".utf8), 5, 2), ([0x8A, 0x0B, 0x0A], 0, 2),
    ])
    func nextLineFeed(bytes: [UInt8], start: Int, expected: Int) {
        #expect(ByteScan.nextLineFeed(in: bytes, from: start) == expected)
    }

    @Test func everyPositionAndLength() {
        let neighbours: [UInt8] = [0x0A, 0x8A, 0x0B, 0x08, 0x2A, 0x00, 0xFF, 0x61]
        for length in 0..<40 {
            for seed in 0..<8 {
                let bytes = (0..<length).map { neighbours[($0 * 5 + seed * 3 + $0 / 7) % neighbours.count] }
                #expect(ByteScan.lineFeeds(in: bytes) == bytes.filter { $0 == 0x0A }.count, "\(bytes)")
            }
        }
    }
}

/// The JSON writers' scan for bytes a string must escape, word by word, against a look byte by
/// byte: each escape and its near neighbours (0x1F/0x20, 0x21/0x23, 0x5B/0x5D, 0x7E/0x80, UTF-8
/// continuation bytes) at every position and length, in slices that do not start at 0.
@Suite("JSON escape scan")
struct JSONEscapeScanTests {
    static func reference(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F } ?? bytes.endIndex
    }

    @Test(arguments: [
        ("", 0), ("plain text of some length", 25), ("say \"hi\"", 4), ("a\\b", 1), ("tab\there", 3),
        ("کابل \u{7F}", 9), ("\u{1F}", 0), ("0123456789abcdef\u{0}", 16),
    ])
    func finds(text: String, expected: Int) {
        let bytes = Array(text.utf8)
        #expect(ByteScan.firstJSONEscape(in: bytes[...]) == expected)
    }

    @Test func everyPositionAndLength() {
        let alphabet: [UInt8] = [0x61, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xD8, 0x00, 0xFF]
        for length in 0..<40 {
            for seed in 0..<alphabet.count {
                // Mostly harmless bytes, one of the alphabet every few.
                let bytes = ByteScanCases.bytes(length: length, seed: seed, alphabet: alphabet, every: 5, filler: 0x62)
                let slice = bytes[2...]
                #expect(ByteScan.firstJSONEscape(in: slice) == Self.reference(slice), "\(Array(slice))")
            }
        }
    }
}

/// The text form's look at an ASCII line, word by word, against a look byte by byte: whether the
/// line is printable ASCII with single spaces inside and none at its ends, and whether it has a
/// letter — with the letters' neighbours (@ [ ` {), DEL, tab and two spaces at every position of
/// an 8-byte word, in lines that do not start at 0.
@Suite("plain ASCII line scan")
struct PlainASCIILineTests {
    static func reference(_ bytes: ArraySlice<UInt8>) -> (plain: Bool, hasLetter: Bool) {
        let printable = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        let plain = printable && bytes.first != 0x20 && bytes.last != 0x20
            && !zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
        return (plain, plain && bytes.contains { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
    }

    @Test(arguments: [
        ("", true, false), ("Kabul", true, true), ("1 2 3 @[`{ 4 5 6 7 8 9", true, false),
        ("numbers 12345678 then z", true, true), ("12345678 12345678 Z", true, true), (" leading", false, false),
        ("trailing ", false, false), ("two  spaces", false, false), ("1234567  0", false, false),
        ("tab\there", false, false), ("del\u{7F}", false, false), ("caf\u{E9}", false, false), ("a", true, true),
        ("@@@@@@@@@@@@@@@@", true, false),
    ])
    func looks(text: String, plain: Bool, hasLetter: Bool) {
        let bytes = Array(("xx" + text).utf8)
        let result = ByteScan.plainASCIILine(bytes, 2..<bytes.count)
        #expect(result.plain == plain)
        if plain { #expect(result.hasLetter == hasLetter) }
    }

    @Test func everyPositionAndLength() {
        let alphabet: [UInt8] = [0x20, 0x20, 0x09, 0x7F, 0x1F, 0x40, 0x5B, 0x60, 0x7B, 0x41, 0x5A, 0x61, 0x7A, 0xD8, 0x7E]
        for length in 0..<40 {
            for seed in 0..<alphabet.count {
                // Mostly digits, one of the alphabet every few bytes.
                let bytes = ByteScanCases.bytes(length: length, seed: seed, alphabet: alphabet, every: 4, filler: 0x31)
                let expected = Self.reference(bytes[2...])
                let result = ByteScan.plainASCIILine(bytes, 2..<bytes.count)
                #expect(result.plain == expected.plain, "\(bytes)")
                if expected.plain { #expect(result.hasLetter == expected.hasLetter, "\(bytes)") }
            }
        }
    }
}

/// Generated inputs of the word-at-a-time scans: "AB" (so the part tested does not start at 0),
/// then `length` bytes of `filler` with a byte of `alphabet` about every `every` bytes, placed by
/// `seed`.
enum ByteScanCases {
    static func bytes(length: Int, seed: Int, alphabet: [UInt8], every: Int, filler: UInt8) -> [UInt8] {
        [0x41, 0x42] + (0..<length).map { position in
            (position * 7 + seed) % every == 0 ? alphabet[(position + seed) % alphabet.count] : filler
        }
    }
}
