/// What sentence splitting needs to know about a character: whether it ends a sentence, closes or
/// opens a quotation, is a letter of which kind, or can be passed over.
///
/// The answers for the Basic Multilingual Plane are worked out from Unicode's properties and kept
/// (asking the standard library's Unicode data for every character of every line costs more than
/// the rest of splitting), a page at a time when first asked about (`SentenceCharacterTable`).
/// Characters beyond the plane are looked up each time.
enum SentenceCharacters {
    struct Flags: OptionSet {
        let rawValue: UInt32

        static let period = Flags(rawValue: 1 << 0)
        static let ellipsis = Flags(rawValue: 1 << 1)
        static let strongTerminator = Flags(rawValue: 1 << 2)
        static let closer = Flags(rawValue: 1 << 3)
        static let opener = Flags(rawValue: 1 << 4)
        static let continuation = Flags(rawValue: 1 << 5)
        static let whitespace = Flags(rawValue: 1 << 6)
        static let lineBreak = Flags(rawValue: 1 << 7)
        static let ignorable = Flags(rawValue: 1 << 8)
        static let letter = Flags(rawValue: 1 << 9)
        static let digit = Flags(rawValue: 1 << 10)
        static let content = Flags(rawValue: 1 << 11)
        static let lowercase = Flags(rawValue: 1 << 12)
        static let uppercase = Flags(rawValue: 1 << 13)
        static let arabicLetter = Flags(rawValue: 1 << 14)
        static let latinLetter = Flags(rawValue: 1 << 15)

        static let terminator: Flags = [.period, .ellipsis, .strongTerminator]
    }

    @inline(__always)
    static func flags(_ scalar: Unicode.Scalar) -> Flags {
        let value = Int(scalar.value)
        return value < 0x1_0000 ? SentenceCharacterTable.flags(value) : flags(computedFor: scalar)
    }

    /// The flags of `scalar` from its Unicode properties: the definitions of every class.
    static func flags(computedFor scalar: Unicode.Scalar) -> Flags {
        let properties = scalar.properties
        let category = properties.generalCategory
        var flags: Flags = []
        switch scalar.value {
        // Full stops, the ambiguous terminators: a sentence end, an abbreviation or a decimal point.
        case 0x2E, 0x2024, 0xFE52, 0xFF0E: flags.insert(.period)
        // U+2026 HORIZONTAL ELLIPSIS (three periods in a row count as one too).
        case 0x2026: flags.insert(.ellipsis)
        // Terminators that always end a sentence: ! ? ؟ (U+061F) ۔ (U+06D4), and ‼ ⁇ ⁈ ⁉ 。 and
        // every other Unicode sentence terminal.
        case 0x21, 0x3F, 0x061F, 0x06D4: flags.insert(.strongTerminator)
        default: if properties.isSentenceTerminal { flags.insert(.strongTerminator) }
        }
        // Closers: ) ] } » ” ’ and the like, and the ASCII " and ' (which may open too, see
        // `QuoteParity`). Openers: ( [ { « “ ‘ and the like.
        switch category {
        case .closePunctuation, .finalPunctuation: flags.insert(.closer)
        case .openPunctuation, .initialPunctuation: flags.insert(.opener)
        default: if scalar == "\"" || scalar == "'" { flags.insert(.closer) }
        }
        // Punctuation that continues a sentence after a terminator (Unicode's SContinue, and ;):
        // , ; : ، ؛ and dashes, as in `"Why?", he asked` or `"Why?" — she asked`.
        switch scalar.value {
        case 0x2C, 0x2D, 0x3A, 0x3B, 0x060C, 0x060D, 0x061B, 0x2013, 0x2014, 0x3001, 0xFE10, 0xFE11, 0xFE13,
             0xFE31, 0xFE32, 0xFE50, 0xFE51, 0xFE54, 0xFE55, 0xFE58, 0xFE63, 0xFF0C, 0xFF0D, 0xFF1A, 0xFF1B, 0xFF64:
            flags.insert(.continuation)
        default: break
        }
        if properties.isWhitespace { flags.insert(.whitespace) }
        // Characters that end a line: a sentence never runs across one.
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: flags.insert(.lineBreak)
        default: break
        }
        // Invisible characters that do not change where a sentence ends: bidi marks (LRM, RLM,
        // ALM), ZWNJ, ZWJ, the byte order mark, soft hyphens.
        if properties.isDefaultIgnorableCodePoint && !properties.isWhitespace { flags.insert(.ignorable) }
        switch category {
        case .uppercaseLetter, .titlecaseLetter: flags.formUnion([.letter, .uppercase])
        case .lowercaseLetter: flags.formUnion([.letter, .lowercase])
        case .modifierLetter, .otherLetter: flags.insert(.letter)
        case .decimalNumber: flags.insert(.digit)
        default: break
        }
        // Letters and digits: what a sentence must hold to stand alone.
        if flags.contains(.letter) || flags.contains(.digit) || category == .otherNumber || category == .letterNumber {
            flags.insert(.content)
        }
        if flags.contains(.letter) {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                flags.insert(.arabicLetter)
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                flags.insert(.latinLetter)
            default: break
            }
        }
        return flags
    }

    static func isPeriod(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.period) }
    static func isEllipsis(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.ellipsis) }
    static func isStrongTerminator(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.strongTerminator) }
    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool { !flags(scalar).isDisjoint(with: .terminator) }
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.closer) }
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.opener) }
    static func isContinuation(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.continuation) }
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.whitespace) }
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.lineBreak) }
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.ignorable) }
    /// White space or invisible: passed over when looking for the characters around a break.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { !flags(scalar).isDisjoint(with: [.whitespace, .ignorable]) }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.letter) }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.digit) }
    static func isContent(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.content) }
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.lowercase) }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.uppercase) }
    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.arabicLetter) }
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool { flags(scalar).contains(.latinLetter) }

    /// The ASCII quotation mark, which opens or closes depending on how many came before it.
    static let straightQuote: Unicode.Scalar = "\""
}
