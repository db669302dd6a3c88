import Testing
import TermLexicon
import TestCorpora

/// `KeyedText.read` has a fast run for characters whose key is already known (one to three-byte
/// UTF-8, read through pointers) and a general path for the rest (a character seen for the first
/// time, four-byte UTF-8, bytes that are not UTF-8). Read with fresh keys, a text takes the general
/// path at every first sight; read again with the same keys, the fast run takes nearly all of it:
/// both must give the same units, origins, word edges and UTF-8 offsets.
@Suite("keyed text")
struct KeyedTextTests {
    struct Reading: Equatable, CustomStringConvertible {
        var units: [UInt16]
        var origins: [Int32]
        var edges: [UInt8]
        var utf8Offsets: [Int32]
        var firstInvalid: [Int]

        init(_ bytes: [UInt8], keys: inout CharacterKeys) {
            var text = KeyedText()
            text.read(bytes, bytes.indices, keys: &keys)
            units = Array(text.units[..<text.count])
            origins = Array(text.origins[..<text.count])
            edges = Array(text.edges[..<text.count])
            utf8Offsets = Array(text.utf8Offsets[...text.scalarCount])
            firstInvalid = text.firstInvalidUTF8.map { [$0.scalar, $0.byte] } ?? []
        }

        var description: String { "units \(units) origins \(origins) edges \(edges) offsets \(utf8Offsets)" }
    }

    static func readings(_ bytes: [UInt8]) throws -> (first: Reading, again: Reading) {
        var keys = try CharacterKeys()
        let first = Reading(bytes, keys: &keys)
        return (first, Reading(bytes, keys: &keys))
    }

    @Test(arguments: [
        Array("Muttaqi met Dostum in Kabul.".utf8),
        Array("متقی با دوستم در کابل ملاقات کرد".utf8),
        Array("شبکه\u{200C}ی حقانی و دوحه\u{200C}ی قطر، شبکه\u{200C}ای".utf8),  // written ezafe
        Array("می‌شود، ‏ISIS-K‎ و لهCBS ۱۲۳ ١٢٣ 123".utf8),          // ZWNJ, marks, script changes, digits
        Array("مکررًا ـــ کابـــل ﻻ ﷲ ﷺ ß ﬁ ½".utf8),                  // tanween, tatweel, images of several units
        Array("😀 د کابل 𝐊𝐚𝐛𝐮𝐥".utf8),                                  // four-byte UTF-8
        Array("\u{FEFF}ＫＡＢＵＬ ﻛﺎﺑﻞ \u{0800}".utf8),                     // three-byte UTF-8 outside E1...EC
        [0x61, 0xFF, 0x62, 0xC3, 0x28, 0xE2, 0x82, 0x20, 0xED, 0xA0, 0x80, 0xF0, 0x9F, 0x98],  // not UTF-8
        Array("aaaaa ﷺ".utf8),                                        // a longer image on first sight
        [],
    ])
    func fastRunEqualsGeneralPath(bytes: [UInt8]) throws {
        let (first, again) = try KeyedTextTests.readings(bytes)
        #expect(first == again)
    }

    /// What both paths give, spelled out: key units (lower case; a dash and ZWNJ read as the key
    /// reads them), the character each came from, word edges (1 start, 2 end, 4 punctuation, 8 after
    /// a space) and the characters' UTF-8 offsets.
    @Test(arguments: [
        ("Ab c-d", [0x61, 0x62, 0x63, 0x64], [0, 1, 3, 5], [1, 2, 11, 11], [0, 1, 2, 3, 4, 5, 6]),
        // the ezafe after a final ه (ZWNJ and ی) is read as no letter: the ه ends the word
        ("دوحه\u{200C}ی قطر", [0x62F, 0x648, 0x62D, 0x647, 0x642, 0x637, 0x631], [0, 1, 2, 3, 7, 8, 9],
         [1, 0, 0, 2, 9, 0, 2], [0, 2, 4, 6, 8, 11, 13, 14, 16, 18, 20]),
        ("می\u{200C}شود.", [0x645, 0x6CC, 0x634, 0x648, 0x62F, 0x2E], [0, 1, 3, 4, 5, 6], [1, 0, 0, 0, 2, 7],
         [0, 2, 4, 7, 9, 11, 13, 14]),
        ("لهCBS", [0x644, 0x647, 0x63, 0x62, 0x73], [0, 1, 2, 3, 4], [1, 2, 1, 0, 2], [0, 2, 4, 5, 6, 7]),
        // an elided article (l', d') is a word of its own where the apostrophe is; "la" is not
        ("l’Ab la", [0x6C, 0x61, 0x62, 0x6C, 0x61], [0, 2, 3, 5, 6], [3, 1, 2, 9, 2], [0, 1, 4, 5, 6, 7, 8, 9]),
    ] as [(String, [UInt16], [Int32], [UInt8], [Int32])])
    func readings(text: String, units: [UInt16], origins: [Int32], edges: [UInt8], offsets: [Int32]) throws {
        let (first, again) = try KeyedTextTests.readings(Array(text.utf8))
        #expect(first == again)
        #expect(again.units == units)
        #expect(again.origins == origins)
        #expect(again.edges == edges)
        #expect(again.utf8Offsets == offsets)
    }

    /// Random text over every kind of character the two paths tell apart.
    @Test func fastRunEqualsGeneralPathOnRandomText() throws {
        var generator = SeededRandom(seed: 11)
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x600...0x6FF, 0x80...0x7FF, 0x800...0xFFFF,
                                             0x1_0000...0x10_FFFF]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 60) {
                if generator.next() % 40 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next() | 0x80))  // a stray byte
                    continue
                }
                let range = ranges[Int(generator.next() % UInt64(ranges.count))]
                let value = range.lowerBound + UInt32(generator.next() % UInt64(range.count))
                guard let scalar = Unicode.Scalar(value), value != 0x0A, value != 0x0D else { continue }
                bytes += Array(String(Character(scalar)).utf8)
            }
            let (first, again) = try KeyedTextTests.readings(bytes)
            #expect(first == again, "\(bytes)")
        }
    }
}
