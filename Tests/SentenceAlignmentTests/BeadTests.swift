import Testing
@testable import SentenceAlignment

@Suite struct BeadTests {
    @Test(arguments: [
        (0..<1, 0..<1, "1-1"),
        (2..<4, 3..<4, "2-1"),
        (5..<6, 7..<7, "1-0"),
        (6..<6, 7..<10, "0-3"),
    ])
    func shape(source: Range<Int>, target: Range<Int>, expected: String) {
        #expect(Bead(source: source, target: target).shape == expected)
    }
}
