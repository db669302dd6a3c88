import Testing
@testable import TextNormalization

/// The decoder's properties table is built over the blocks where a unit may have properties only;
/// it must equal the table built over every unit, for each form's cleaning map.
@Suite("decoder properties table")
struct DecoderTableTests {
    @Test(arguments: [NormalizationForm.key, .text, .latin])
    func visitedBlocksGiveTheWholeTable(_ form: NormalizationForm) {
        let tables = NormalizationTables(form: form, digits: .keep, latinFolds: [])
        let visited = LineDecoder.blocksToVisit(tables.clean)
        let skipped = LineDecoder.properties(cleanMap: tables.clean, letterClasses: tables.letterClasses,
                                             blocks: visited)
        let whole = LineDecoder.properties(cleanMap: tables.clean, letterClasses: tables.letterClasses,
                                           blocks: Array(0..<1024))
        #expect(skipped == whole)
        // Far fewer blocks than all 1,024, and the table is not empty.
        #expect(visited.count < 200)
        #expect(whole.count(where: { $0 != 0 }) > 1_000)
    }

    /// Rows of the table: a space, a dropped control, an Arabic letter and mark, a Pashto letter,
    /// an apostrophe the key drops and the text form keeps, and a CJK character with no properties.
    @Test(arguments: [
        (NormalizationForm.key, UInt16(0x00A0), LineDecoder.Properties.space),
        (.key, 0x200B, LineDecoder.Properties.drop),
        (.key, 0x0628, LineDecoder.Properties.arabic),
        (.key, 0x064E, LineDecoder.Properties.arabicMark),
        (.key, 0x069A, LineDecoder.Properties.arabic | LineDecoder.Properties.pashtoOnly),
        (.key, 0x2019, LineDecoder.Properties.drop),
        (.text, 0x2019, 0),
        (.key, 0x4E2D, 0),
    ] as [(NormalizationForm, UInt16, UInt8)])
    func property(_ form: NormalizationForm, _ unit: UInt16, _ expected: UInt8) {
        let tables = NormalizationTables(form: form, digits: .keep, latinFolds: [])
        let decoder = LineDecoder(cleanMap: tables.clean, letterClasses: tables.letterClasses,
                                  detector: LanguageDetector())
        #expect(decoder.properties[Int(unit)] == expected)
    }
}
