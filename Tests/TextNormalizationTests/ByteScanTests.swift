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
