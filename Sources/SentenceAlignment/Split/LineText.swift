import TextNormalization

/// One input line's bytes as text, kept as written: invalid UTF-8 becomes U+FFFD and NUL bytes are
/// removed, each with an issue naming its column and byte offset; a byte order mark at the start
/// of the input is dropped. Nothing else is changed (the sentence splitter prints the original
/// characters).
enum LineText {
    /// Appends the characters of the line `bytes[range]` to `scalars`.
    ///
    /// - Parameters:
    ///   - atInputStart: whether the line is the first of its input (where a BOM is dropped).
    ///   - issues: receives what was wrong with the bytes, offsets relative to the line.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>, atInputStart: Bool,
                       appendingTo scalars: inout [Unicode.Scalar], issues: inout [DecodingIssue]) {
        var index = range.lowerBound
        // Columns count the characters of the input, the dropped ones too.
        var column = 0
        if atInputStart && bytes[range].starts(with: [0xEF, 0xBB, 0xBF]) {
            index += 3
            column = 1
        }
        while index < range.upperBound {
            let lead = bytes[index]
            column += 1
            if lead < 0x80 {
                index += 1
                if lead == 0 {
                    // Read as a space, as normalize does: it separated something.
                    issues.append(DecodingIssue(kind: .nul, byteOffset: index - 1 - range.lowerBound, column: column))
                    scalars.append(" ")
                    continue
                }
                scalars.append(Unicode.Scalar(lead))
                continue
            }
            let (value, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: range.upperBound)
            if let value, let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                issues.append(DecodingIssue(kind: .invalidUTF8(Array(bytes[index..<index + length])),
                                            byteOffset: index - range.lowerBound, column: column))
                scalars.append("\u{FFFD}")
            }
            index += length
        }
    }
}
