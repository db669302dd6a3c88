// The decoder's loop (`LineDecoder.decode`: steps 1 and 2 of the pipeline for the text and latin
// forms, and for the key form's lines the segment tables send back) over raw buffers. Through
// checked arrays and spans a character paid a bounds check on the line for each byte, one on the
// table and one on the output, with its state reloaded around them: about 80 instructions a
// character of Dari on the 2 MB mixed sample, 66 M of the text form's 162 M. The bounds it relies
// on:
// - the line is read below `end`, checked once against the array's count, and a continuation byte
//   only after checking that its index is below `end` (longer sequences and invalid bytes go
//   through `UTF8Decoding.decodeMultiByte`, on the checked array);
// - the properties table has 0x10000 entries (checked once) and is indexed by a UTF-16 unit;
// - the output holds at least `range.count` units (`decode` makes it so), and `written` never
//   passes the bytes read: a character writes at most one unit of its own for each of its bytes (a
//   four-byte one writes two), and a pending space or ZWNJ it writes before itself stands for an
//   earlier character of at least one byte that wrote nothing, whose pending unit is then spent.

extension LineDecoder {
    /// `decode` over the lent buffers (`bytes` is `input`'s array).
    func decodeLine(_ input: UnsafePointer<UInt8>, _ bytes: [UInt8], _ range: Range<Int>,
                    properties: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt16>,
                    counts: inout LetterCounts, issues: inout [DecodingIssue]) -> (count: Int, allASCII: Bool) {
        var written = 0
        var latin = 0, arabic = 0, pashtoOnly = 0
        var pendingSpace = false
        var pendingZWNJ = false
        /// Whether the last unit written can join to the next (an Arabic letter or its mark).
        var lastJoins = false
        var allASCII = true
        var sawCR = false
        // The Arabic-script word being written (runs of Arabic letters in the output, as the
        // detector reads words): its first four units packed, and its length.
        var word: UInt64 = 0
        var wordLength = 0
        var pashtoHits = 0, dariHits = 0
        var index = range.lowerBound
        var column = 0
        let end = range.upperBound
        while index < end {
            let lead = input[index]
            column += 1
            var unit: UInt16
            if lead < 0x80 {
                index += 1
                unit = UInt16(lead)
                if lead <= 0x0D {
                    if lead == 0 {
                        issues.append(DecodingIssue(kind: .nul, byteOffset: index - 1 - range.lowerBound,
                                                    column: column))
                        unit = 0x20
                    } else if lead == 0x0D && !sawCR {
                        sawCR = true
                        issues.append(DecodingIssue(kind: .loneCR, byteOffset: index - 1 - range.lowerBound,
                                                    column: column))
                    }
                }
            } else if lead >= 0xC2 && lead <= 0xDF && index + 1 < end && input[index + 1] & 0xC0 == 0x80 {
                // Two bytes (Arabic script, Cyrillic, Latin with diacritics): decoded here, since
                // the general decoder is a call per character. Two-byte units are never ZWNJ
                // (U+200C) nor outside the BMP.
                allASCII = false
                unit = UInt16(lead & 0x1F) << 6 | UInt16(input[index + 1] & 0x3F)
                index += 2
            } else {
                allASCII = false
                let (scalar, length) = UTF8Decoding.decodeMultiByte(bytes, at: index, end: end)
                if let scalar {
                    index += length
                    if scalar >= 0x1_0000 {
                        // Outside the BMP: nothing to clean; written as a surrogate pair.
                        LineDecoder.endWord(&word, &wordLength, pashtoWords, dariWords, &pashtoHits, &dariHits)
                        if pendingSpace && written > 0 { out[written] = 0x20; written += 1 }
                        pendingSpace = false
                        pendingZWNJ = false
                        lastJoins = false
                        let value = scalar - 0x1_0000
                        out[written] = UInt16(0xD800 + (value >> 10))
                        out[written + 1] = UInt16(0xDC00 + (value & 0x3FF))
                        written += 2
                        continue
                    }
                    unit = UInt16(scalar)
                    if unit == ArabicScript.zwnj {
                        if lastJoins { pendingZWNJ = true }
                        continue
                    }
                } else {
                    issues.append(DecodingIssue(kind: .invalidUTF8(Array(bytes[index..<index + length])),
                                                byteOffset: index - range.lowerBound, column: column))
                    index += length
                    unit = 0xFFFD
                }
            }
            let property = properties[Int(unit)]
            if property & Properties.actionMask != 0 {
                if property & Properties.space != 0 {
                    pendingSpace = true
                    pendingZWNJ = false
                    lastJoins = false
                }
                continue
            }
            let isArabicLetter = property & Properties.arabic != 0
            if pendingSpace {
                // A space or a ZWNJ written ends the word being written.
                LineDecoder.endWord(&word, &wordLength, pashtoWords, dariWords, &pashtoHits, &dariHits)
                if written > 0 { out[written] = 0x20; written += 1 }
                pendingSpace = false
            } else if pendingZWNJ {
                if isArabicLetter {
                    LineDecoder.endWord(&word, &wordLength, pashtoWords, dariWords, &pashtoHits, &dariHits)
                    out[written] = ArabicScript.zwnj
                    written += 1
                }
                pendingZWNJ = false
            }
            out[written] = unit
            written += 1
            if property & Properties.latin != 0 { latin += 1 }
            if isArabicLetter {
                arabic += 1
                if property & Properties.pashtoOnly != 0 { pashtoOnly += 1 }
                wordLength += 1
                if wordLength <= 4 { word = word << 16 | UInt64(unit) }
            } else {
                LineDecoder.endWord(&word, &wordLength, pashtoWords, dariWords, &pashtoHits, &dariHits)
            }
            lastJoins = isArabicLetter || (lastJoins && property & Properties.arabicMark != 0)
        }
        LineDecoder.endWord(&word, &wordLength, pashtoWords, dariWords, &pashtoHits, &dariHits)
        counts = LetterCounts(latin: latin, arabic: arabic, pashtoOnly: pashtoOnly, pashtoWords: pashtoHits,
                              dariWords: dariHits)
        return (written, allASCII)
    }
}
