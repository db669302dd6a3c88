import TextNormalization

/// The ezafe Persian writes after a word's final silent ه: ZWNJ and ی (جبهه‌ی مقاومت ملی, the
/// National Resistance Front; شبکه‌ی حقانی, the Haqqani network; در دوحه‌ی قطر, 'in Doha, Qatar').
/// Its other spelling, ۀ, is ه in the key already, and most Afghan text writes no ezafe at all
/// (جبهه مقاومت ملی): read as letters of the word, ‌ی made the name a different word. The matcher
/// reads it as none, in text (`KeyedText`) and in labels (`LabelKeys`) alike, so a name matches
/// whichever way its ezafe is written; a mention that ends on the word leaves ‌ی out, as it leaves
/// a suffix out. Only the ی after ZWNJ that ends its word is the ezafe: joined without ZWNJ (شبکهی)
/// it may be a word's own letter, and ه‌ای is the indefinite ending, not the ezafe.
enum WrittenEzafe {
    static let zwnj: UInt32 = 0x200C

    /// Whether `bytes[range]` holds a ZWNJ (E2 80 8C) at all: most records do not, and are not
    /// looked at again.
    static func mayOccur(in bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound, let found = ByteScan.first(0xE2, in: bytes, start..<range.upperBound) {
            if found + 2 < range.upperBound && bytes[found + 1] == 0x80 && bytes[found + 2] == 0x8C { return true }
            start = found + 1
        }
        return false
    }

    /// The letters whose key is ه (U+0647), which may end a word in a silent h.
    static func endsInSilentH(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0647, 0x0629, 0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06C3, 0x06D5: return true
        default: return false
        }
    }

    /// The letters whose key is ی (U+06CC).
    static func isYeh(_ scalar: UInt32) -> Bool {
        scalar == 0x06CC || scalar == 0x064A || scalar == 0x0649
    }

    /// `bytes[range]` (a label, UTF-8) without the ZWNJ and ی of each written ezafe, or nil when
    /// it has none.
    static func stripped(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8]? {
        guard mayOccur(in: bytes, range) else { return nil }
        var scalars: [(value: UInt32, start: Int, end: Int)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length, _) = CharacterKeys.decode(bytes, at: index, end: range.upperBound)
            scalars.append((scalar.value, index, index + length))
            index += length
        }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var position = 0
        var found = false
        while position < scalars.count {
            let current = scalars[position]
            if current.value == zwnj, position > 0, position + 1 < scalars.count,
               endsInSilentH(scalars[position - 1].value), isYeh(scalars[position + 1].value) {
                // Marks after the ی have no key unit: the ی ends its word if a letter does not follow them.
                var next = position + 2
                while next < scalars.count && isMark(scalars[next].value) { next += 1 }
                if next == scalars.count || !isLetter(scalars[next].value) {
                    found = true
                    position += 2
                    continue
                }
            }
            output.append(contentsOf: bytes[current.start..<current.end])
            position += 1
        }
        return found ? output : nil
    }

    /// A letter: what keeps a ی inside its word.
    private static func isLetter(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }

    /// A combining mark (a kasra, a hamza above), which the key leaves out.
    private static func isMark(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.generalCategory == .nonspacingMark
    }
}

extension KeyedText {
    /// Leaves out of the key the ی of each written ezafe (`WrittenEzafe`): a ی unit that ends its
    /// word or is followed by another ZWNJ (words joined by ZWNJ, as labels read it), joined to a ه
    /// whose character is followed by a ZWNJ and then the ی's. The ه then ends the word where the ی
    /// did. Called only for a record with a ZWNJ.
    mutating func dropWrittenEzafe(_ bytes: [UInt8], _ range: Range<Int>) {
        var kept = 0
        for unit in 0..<count {
            if kept > 0, units[unit] == 0x06CC, units[kept - 1] == 0x0647, edges[unit] & WordEdge.start == 0,
               edges[unit] & WordEdge.end != 0 || isZWNJ(Int(origins[unit]) + 1, bytes, range),
               Int(origins[unit]) == Int(origins[kept - 1]) + 2, isZWNJ(Int(origins[unit]) - 1, bytes, range) {
                edges[kept - 1] |= edges[unit] & WordEdge.end
                continue
            }
            units[kept] = units[unit]
            origins[kept] = origins[unit]
            edges[kept] = edges[unit]
            kept += 1
        }
        count = kept
    }

    /// Whether scalar `scalar` of the text is a ZWNJ (false past its last).
    private func isZWNJ(_ scalar: Int, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard scalar >= 0, scalar < scalarCount else { return false }
        let offset = range.lowerBound + Int(utf8Offsets[scalar])
        return offset + 2 < range.upperBound && bytes[offset] == 0xE2 && bytes[offset + 1] == 0x80
            && bytes[offset + 2] == 0x8C
    }
}
