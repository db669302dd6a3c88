// `ArchiveWriter.checksum` reads the two archives built into the binary at every start of `tag`
// with text, about 1.8 MB. Eight bytes are read at a time through the slice's own storage, taken
// for the length of the closure: every load starts at least eight bytes before `raw.count`, and
// the bytes after the last whole word are read one by one below `raw.count`.

extension ArchiveWriter {
    static func wordChecksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let prime: UInt64 = 0x100_0000_01b3
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                hash = (hash ^ word) &* prime
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* prime
                offset += 1
            }
        }
        return hash
    }
}
