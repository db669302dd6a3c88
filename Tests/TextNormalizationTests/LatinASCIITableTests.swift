import Testing
@testable import TextNormalization

/// The latin form's Latin-ASCII table is kept in the source (`LatinASCIITable`); it must say what
/// the system ICU says.
@Suite("Latin-ASCII table")
struct LatinASCIITableTests {
    @Test func tableIsWhatICUSays() throws {
        let fromICU = try NormalizationTables.latinASCIIFromICU()
        let text = LatinASCIITableTests.lines(fromICU)
        let kept = LatinASCIITableTests.lines(LatinASCIITable.entries)
        #expect(kept == text, "LatinASCIITable.text should be:\n\(text)")
        #expect(fromICU.count > 500)
    }

    /// The table's text for `entries`, as `LatinASCIITable.text` holds it.
    static func lines(_ entries: [(UInt16, String)]) -> String {
        entries.map { entry in
            ([hex(Int(entry.0), width: 4)] + entry.1.utf8.map { hex(Int($0), width: 2) }).joined(separator: " ")
        }.joined(separator: "\n")
    }

    static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
