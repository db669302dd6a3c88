import TextNormalization

/// Why an archive of compiled data was not used.
public enum ArchiveMismatch: Error, Equatable, Sendable {
    /// Not an archive of this kind and format (or damaged).
    case unreadable
    /// Compiled from other lexicon files, or with another ICU.
    case otherLexicon, otherICU
}

/// What an archive starts with: a magic word naming its kind, and its format number, bumped
/// whenever what is written changes.
struct ArchiveKind {
    var magic: String
    var format: UInt32
}

/// A flat little-endian byte format for compiled data: integers of fixed width, counted arrays and
/// strings, written in one order and read back in the same order. It carries no field names: the
/// writer and the reader of one kind of archive are kept side by side, and the archive starts
/// with a header naming its format version.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// An archive of compiled lexicon data: its kind, the digest of the lexicon files it comes from
    /// and the ICU version (keys are ICU normalisations), then what the caller writes.
    init(kind: ArchiveKind, lexiconDigest: String) {
        for byte in kind.magic.utf8 { u8(byte) }
        u32(kind.format)
        string(lexiconDigest)
        string(ICUVersion.icu)
    }

    /// The bytes with a checksum of them at the end: a damaged archive is refused, not half read.
    func sealed() -> [UInt8] { ArchiveWriter.sealed(bytes) }

    /// `bytes` followed by their checksum, little-endian.
    static func sealed(_ bytes: [UInt8]) -> [UInt8] {
        let sum = checksum(bytes[...])
        return bytes + (0..<8).map { UInt8(truncatingIfNeeded: sum >> UInt64(8 * $0)) }
    }

    /// FNV-1a over little-endian eight-byte words (then the last bytes one by one), 64 bits:
    /// catches damage (a build cut short, a flipped byte: each step is a bijection of the hash, so
    /// one changed word always changes it), not tampering, which the binary it is compiled into
    /// would not survive anyway. Word by word (`Unsafe/ArchiveChecksum.swift`) because every
    /// `tag` with text checks two archives at start: a multiply a byte was a serial chain of about
    /// 2 million multiplies, some 5 M instructions and 2 ms.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        wordChecksum(bytes)
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }

    mutating func i64(_ value: Int64) {
        let bits = UInt64(bitPattern: value)
        u32(UInt32(truncatingIfNeeded: bits))
        u32(UInt32(truncatingIfNeeded: bits >> 32))
    }

    /// A count: how many elements follow.
    mutating func count(_ value: Int) { u32(UInt32(value)) }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func byteArray(_ values: [UInt8]) {
        count(values.count)
        bytes.append(contentsOf: values)
    }

    mutating func units(_ values: [UInt16]) {
        count(values.count)
        for value in values { u16(value) }
    }

    mutating func int32s(_ values: [Int32]) {
        count(values.count)
        for value in values { i32(value) }
    }

    mutating func int64s(_ values: [Int64]) {
        count(values.count)
        for value in values { i64(value) }
    }

    /// A set of hashes, sorted: one set always makes the same bytes.
    mutating func hashes(_ values: Set<UInt64>) {
        count(values.count)
        for value in values.sorted() { i64(Int64(bitPattern: value)) }
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }
}

/// Reads what an `ArchiveWriter` wrote. Every read is checked against the bytes left: a short or
/// damaged archive throws `ArchiveReader.Damaged` instead of reading past its end, and a count
/// larger than the bytes left is refused before anything is allocated for it.
struct ArchiveReader {
    struct Damaged: Error {}

    private let data: [UInt8]
    /// Where reading stops: the end, or the start of a sealed archive's checksum.
    private let end: Int
    private var position = 0

    init(_ bytes: [UInt8]) {
        data = bytes
        end = bytes.count
    }

    /// A reader past the header of a sealed archive (`ArchiveWriter.sealed`) of `kind`, made from
    /// the files with `lexiconDigest` with this ICU.
    init(opening bytes: [UInt8], kind: ArchiveKind, lexiconDigest: String) throws(ArchiveMismatch) {
        guard bytes.count >= 8 else { throw .unreadable }
        var stored: UInt64 = 0
        for index in 0..<8 { stored |= UInt64(bytes[bytes.count - 8 + index]) << UInt64(8 * index) }
        guard ArchiveWriter.checksum(bytes.dropLast(8)) == stored else { throw .unreadable }
        // The checksum is left unread rather than cut off: no copy of the archive.
        data = bytes
        end = bytes.count - 8
        do {
            for byte in kind.magic.utf8 {
                guard try u8() == byte else { throw ArchiveMismatch.unreadable }
            }
            guard try u32() == kind.format else { throw ArchiveMismatch.unreadable }
            guard try string() == lexiconDigest else { throw ArchiveMismatch.otherLexicon }
            guard try string() == ICUVersion.icu else { throw ArchiveMismatch.otherICU }
        } catch let mismatch as ArchiveMismatch {
            throw mismatch
        } catch {
            throw .unreadable
        }
    }

    var isAtEnd: Bool { position == end }

    private mutating func take(_ width: Int) throws(Damaged) -> Int {
        guard width <= end - position else { throw Damaged() }
        defer { position += width }
        return position
    }

    mutating func u8() throws(Damaged) -> UInt8 { data[try take(1)] }

    mutating func bool() throws(Damaged) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func u16() throws(Damaged) -> UInt16 {
        let at = try take(2)
        return UInt16(data[at]) | UInt16(data[at + 1]) << 8
    }

    mutating func u32() throws(Damaged) -> UInt32 {
        let at = try take(4)
        return UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
    }

    mutating func i32() throws(Damaged) -> Int32 { Int32(bitPattern: try u32()) }

    mutating func i64() throws(Damaged) -> Int64 {
        let low = UInt64(try u32()), high = UInt64(try u32())
        return Int64(bitPattern: high << 32 | low)
    }

    /// A count of elements each at least `width` bytes long, refused when they cannot all be there.
    mutating func count(width: Int) throws(Damaged) -> Int {
        let value = Int(try u32())
        guard value <= (end - position) / max(width, 1) else { throw Damaged() }
        return value
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count(width: 1)
        let at = try take(length)
        guard let text = String(validating: data[at..<at + length], as: UTF8.self) else { throw Damaged() }
        return text
    }

    mutating func byteArray() throws(Damaged) -> [UInt8] {
        let length = try count(width: 1)
        let at = try take(length)
        return Array(data[at..<at + length])
    }

    // Arrays are checked once for their whole length, then read without a check per element.

    mutating func units() throws(Damaged) -> [UInt16] {
        let length = try count(width: 2)
        let at = try take(2 * length)
        return ArchiveReader.littleEndian(data, at: at, count: length, as: UInt16.self)
    }

    mutating func int32s() throws(Damaged) -> [Int32] {
        let length = try count(width: 4)
        let at = try take(4 * length)
        return ArchiveReader.littleEndian(data, at: at, count: length, as: Int32.self)
    }

    mutating func int64s() throws(Damaged) -> [Int64] {
        let length = try count(width: 8)
        let at = try take(8 * length)
        return ArchiveReader.littleEndian(data, at: at, count: length, as: Int64.self)
    }

    mutating func hashes() throws(Damaged) -> Set<UInt64> {
        let length = try count(width: 8)
        let at = try take(8 * length)
        return Set(ArchiveReader.littleEndian(data, at: at, count: length, as: UInt64.self))
    }

    mutating func strings() throws(Damaged) -> [String] {
        let length = try count(width: 4)
        var values: [String] = []
        values.reserveCapacity(length)
        for _ in 0..<length { values.append(try string()) }
        return values
    }
}

/// How an archive travels inside a Swift string literal: six bits a character, each the character
/// `0` (0x30) plus its value, so the 64 digits are the contiguous run `0`...`o`. The run holds a
/// backslash but no quote or `#`, so a raw literal (`#"…"#`) holds the text as it is. Contiguous
/// digits are decoded eight at a time in a 64-bit word, by a subtraction and three shifts
/// (Unsafe/ArchiveText+Kernel.swift), where base64's four ranges of digits cost a table look-up
/// each: reading the built-in model's text took 11 M instructions as base64.
///
/// The text is a group of eight digits holding the byte count, then the bytes in groups of six
/// (the last one padded with zeros), each group eight digits: digit `i` holds bits `6i..<6i+6`
/// of the group's bytes read as a little-endian number.
enum ArchiveText {
    static let zero: UInt8 = 0x30

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(8 + (bytes.count + 5) / 6 * 8)
        appendGroup(UInt64(bytes.count), to: &out)
        var index = 0
        while index < bytes.count {
            var group: UInt64 = 0
            for offset in 0..<6 where index + offset < bytes.count {
                group |= UInt64(bytes[index + offset]) << UInt64(8 * offset)
            }
            appendGroup(group, to: &out)
            index += 6
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendGroup(_ group: UInt64, to out: inout [UInt8]) {
        for digit in 0..<8 { out.append(zero + UInt8(truncatingIfNeeded: group >> UInt64(6 * digit) & 63)) }
    }

    /// The bytes, or nil when the text is not an archive text (`decode(digits:)`,
    /// Unsafe/ArchiveText+Kernel.swift).
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        text.withUnsafeBufferPointer { decode(digits: $0) }
    }
}
