import Testing
import ContentHash

@Suite struct FileSetDigestTests {
    static let base: [String: [UInt8]] = ["entities.tsv": Array("a\tb\n".utf8), "labels.tsv": Array("c\n".utf8)]

    /// Each change to the set gives another digest; the order files are given in does not matter.
    @Test(arguments: [
        ("a byte changed", ["entities.tsv": Array("a\tc\n".utf8), "labels.tsv": Array("c\n".utf8)]),
        ("a byte moved to the other file", ["entities.tsv": Array("a\tb".utf8), "labels.tsv": Array("\nc\n".utf8)]),
        ("a file renamed", ["entities.tsv": Array("a\tb\n".utf8), "labels2.tsv": Array("c\n".utf8)]),
        ("a file added", base.merging(["affixes.tsv": []]) { $1 }),
        ("a file removed", ["entities.tsv": Array("a\tb\n".utf8)]),
    ])
    func changesShow(change: String, files: [String: [UInt8]]) {
        #expect(FileSetDigest.hex(of: files) != FileSetDigest.hex(of: Self.base), "\(change)")
    }

    @Test func digestIsSHA256OfPathsLengthsAndBytes() {
        let expected = SHA256.hex(of: Array("entities.tsv\u{0}4\u{0}a\tb\nlabels.tsv\u{0}2\u{0}c\n".utf8))
        #expect(FileSetDigest.hex(of: Self.base) == expected)
        #expect(FileSetDigest.short(expected) == String(expected.prefix(12)))
    }
}
