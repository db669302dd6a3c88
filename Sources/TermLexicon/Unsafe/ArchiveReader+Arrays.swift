// `ArchiveReader` reads the arrays of the two archives built into the binary at every start of
// `tag` with text: about 400,000 integers. Element by element through the checked array each cost
// a bounds check per byte and the shifts to put four bytes together (about 10 instructions an
// Int32); here each is one unaligned load from the archive's own storage, taken for the length of
// the closure. The bounds it relies on: `take` has checked that `count` elements of `T` from byte
// `at` lie within the archive (checked again below, once), and the result has exactly `count`
// elements, all written.

extension ArchiveReader {
    /// `count` little-endian values of `T` from byte `at` of `data`.
    static func littleEndian<T: FixedWidthInteger>(_ data: [UInt8], at: Int, count: Int, as: T.Type) -> [T] {
        let width = MemoryLayout<T>.size
        precondition(at >= 0 && count >= 0 && count <= (data.count - at) / width, "array past the archive's end")
        return data.withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: count) { values, initialized in
                for index in 0..<count {
                    values[index] = T(littleEndian: raw.loadUnaligned(fromByteOffset: at + index * width, as: T.self))
                }
                initialized = count
            }
        }
    }
}
