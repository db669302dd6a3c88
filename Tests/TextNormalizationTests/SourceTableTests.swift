import Testing
@testable import TextNormalization

/// Tables that ICU determines but that are kept in the source, so that no start-up asks ICU for
/// them, must say what the system ICU says: the latin form's Latin-ASCII (`LatinASCIITable`) and the
/// key form's folds of accented Latin letters (`LatinFoldTable`). A failure prints the new text.
@Suite("tables kept in the source")
struct SourceTableTests {
    @Test func latinASCIIIsWhatICUSays() throws {
        try SourceTableTests.expect(LatinASCIITable.entries, named: "LatinASCIITable",
                                    equal: NormalizationTables.latinASCIIFromICU(), line: SourceTableTests.asciiLine)
    }

    @Test func latinFoldsAreWhatICUSays() throws {
        try SourceTableTests.expect(LatinFoldTable.entries, named: "LatinFoldTable",
                                    equal: NormalizationTables.latinFoldsFromICU(), line: SourceTableTests.foldLine)
    }

    /// Rows of the folds read back from the text: a plain decomposition, a ligature, letters without
    /// one (their folds are `OrthographyRules.latinLettersWithoutDecomposition`'s), the last line, and
    /// a letter with no fold (ẞ lower-cases to ß, which is not ASCII).
    @Test(arguments: [
        (UInt16(0x00C0), "a"), (0x00C6, "ae"), (0x00D8, "o"), (0x00DF, "ss"), (0x0130, "i"), (0x0141, "l"),
        (0x01C4, "dz"), (0xA7F9, "oe"), (0x1E9E, nil),
    ] as [(UInt16, String?)])
    func foldOf(_ unit: UInt16, _ fold: String?) {
        #expect(LatinFoldTable.entries.first { $0.0 == unit }?.1 == fold)
    }

    /// The kept table's text against ICU's, each entry a line as `line` writes it; ICU must give
    /// more than 500 entries (a broken call gives none).
    static func expect(_ kept: [(UInt16, String)], named name: String, equal fromICU: [(UInt16, String)],
                       line: ((UInt16, String)) -> String) {
        let text = fromICU.map(line).joined(separator: "\n")
        #expect(kept.map(line).joined(separator: "\n") == text, "\(name).text should be:\n\(text)")
        #expect(fromICU.count > 500)
    }

    /// `LatinASCIITable`'s line: the unit and the ASCII bytes, in hex (Æ is `00C6 41 45`).
    static func asciiLine(_ entry: (UInt16, String)) -> String {
        ([hex(Int(entry.0), width: 4)] + entry.1.utf8.map { hex(Int($0), width: 2) }).joined(separator: " ")
    }

    /// `LatinFoldTable`'s line: the unit in hex and its letters (Ā is `0100 a`).
    static func foldLine(_ entry: (UInt16, String)) -> String { hex(Int(entry.0), width: 4) + " " + entry.1 }

    static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
