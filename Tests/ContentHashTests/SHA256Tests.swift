import Testing
import ContentHash

@Suite struct SHA256Tests {
    // FIPS 180-2 appendix B vectors, plus a two-block and an exactly-one-block message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func digest(message: String, expected: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == expected)
    }

    @Test func aMillionLetters() {
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalEqualsWhole() {
        let bytes = Array("کابل — Kabul, 2024: ۱۲۰۰ km".utf8) + [UInt8](repeating: 7, count: 200)
        var hasher = SHA256()
        for start in stride(from: 0, to: bytes.count, by: 13) { hasher.update(bytes[start..<min(start + 13, bytes.count)]) }
        #expect(hasher.finalizeHex() == SHA256.hex(of: bytes))
    }
}
