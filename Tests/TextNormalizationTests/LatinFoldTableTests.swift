import Testing
@testable import TextNormalization

/// The key form's Latin folds are kept in the source (`LatinFoldTable`); they must be what the
/// system ICU's decompositions give.
@Suite("Latin fold table")
struct LatinFoldTableTests {
    @Test func tableIsWhatICUSays() throws {
        let fromICU = try NormalizationTables.latinFoldsFromICU()
        let text = LatinFoldTableTests.lines(fromICU)
        #expect(LatinFoldTableTests.lines(LatinFoldTable.entries) == text, "LatinFoldTable.text should be:\n\(text)")
        #expect(fromICU.count > 500)
    }

    /// Rows read back from the text: a plain decomposition, a ligature, letters without one (their
    /// folds are `OrthographyRules.latinLettersWithoutDecomposition`'s), the last line, and a letter
    /// with no fold (ẞ lower-cases to ß, which is not ASCII).
    @Test(arguments: [
        (UInt16(0x00C0), "a"), (0x00C6, "ae"), (0x00D8, "o"), (0x00DF, "ss"), (0x0130, "i"), (0x0141, "l"),
        (0x01C4, "dz"), (0xA7F9, "oe"), (0x1E9E, nil),
    ] as [(UInt16, String?)])
    func foldOf(_ unit: UInt16, _ fold: String?) {
        #expect(LatinFoldTable.entries.first { $0.0 == unit }?.1 == fold)
    }

    /// The table's text for `entries`, as `LatinFoldTable.text` holds it.
    static func lines(_ entries: [(UInt16, String)]) -> String {
        entries.map { LatinASCIITableTests.hex(Int($0.0), width: 4) + " " + $0.1 }.joined(separator: "\n")
    }
}
