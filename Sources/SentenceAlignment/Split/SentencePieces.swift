/// From break positions to sentences: what guarantees that no sentence is empty, starts or ends
/// with white space, or holds a tab.
enum SentencePieces {
    /// The sentences of `text[segment]` cut at `breaks` (ascending, inside the segment), as ranges
    /// of `text` without white space at either end.
    ///
    /// A piece without a letter or digit (a stray quote, `...`, an invisible mark) joins the
    /// sentence before it, or the one after it at the start of the segment; a segment of nothing
    /// but white space and invisible marks gives no sentence.
    static func ranges(in text: [Unicode.Scalar], _ segment: Range<Int>, breaks: [Int]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var carried: Int?
        var start = segment.lowerBound
        for end in breaks + [segment.upperBound] where end > start {
            defer { start = end }
            if !text[start..<end].contains(where: SentenceCharacters.isContent) {
                if let last = result.last {
                    result[result.count - 1] = last.lowerBound..<end
                } else if carried == nil {
                    carried = start
                }
                continue
            }
            result.append((carried ?? start)..<end)
            carried = nil
        }
        if let carried { result.append(carried..<segment.upperBound) }
        return result.compactMap { trimmed($0, in: text) }
    }

    /// `range` without white space at either end; nil when nothing visible is left.
    static func trimmed(_ range: Range<Int>, in text: [Unicode.Scalar]) -> Range<Int>? {
        guard text[range].contains(where: { !SentenceCharacters.isBlank($0) }) else { return nil }
        var lower = range.lowerBound
        var upper = range.upperBound
        while SentenceCharacters.isWhitespace(text[lower]) { lower += 1 }
        while SentenceCharacters.isWhitespace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The sentence `text[range]` as written, except white space: each run of it (tabs, no-break
    /// spaces, several spaces) becomes one space, and white space that only invisible marks
    /// (a bidi mark, ZWNJ) separate from either end is dropped.
    static func string(_ range: Range<Int>, in text: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        appendUTF8(range, in: text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the sentence `text[range]`, as `string(_:in:)` gives it, in UTF-8 to `output`.
    static func appendUTF8(_ range: Range<Int>, in text: [Unicode.Scalar], to output: inout [UInt8]) {
        guard let first = text[range].firstIndex(where: { !SentenceCharacters.isBlank($0) }),
              let last = text[range].lastIndex(where: { !SentenceCharacters.isBlank($0) })
        else { return }
        var inSpace = false
        for index in range {
            let scalar = text[index]
            if SentenceCharacters.isWhitespace(scalar) {
                if index < first || index > last || inSpace { continue }
                inSpace = true
                output.append(0x20)
            } else {
                inSpace = false
                if scalar.isASCII {
                    output.append(UInt8(scalar.value))
                } else {
                    UTF8.encode(scalar) { output.append($0) }
                }
            }
        }
    }
}
