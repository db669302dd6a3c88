/// What sentence splitting needs to know about a character: whether it ends a sentence, closes or
/// opens a quotation, is a letter of which kind, or can be passed over.
enum SentenceCharacters {
    /// Full stops, the ambiguous terminators: a sentence end, an abbreviation or a decimal point.
    static func isPeriod(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x2024, 0xFE52, 0xFF0E: return true
        default: return false
        }
    }

    /// U+2026 HORIZONTAL ELLIPSIS (three periods in a row count as one too).
    static func isEllipsis(_ scalar: Unicode.Scalar) -> Bool { scalar.value == 0x2026 }

    /// Terminators that always end a sentence: ! ? ؟ (U+061F) ۔ (U+06D4) ‼ ⁇ ⁈ ⁉ 。 and every
    /// other Unicode sentence terminal except the full stops.
    static func isStrongTerminator(_ scalar: Unicode.Scalar) -> Bool {
        if isPeriod(scalar) { return false }
        switch scalar.value {
        case 0x21, 0x3F, 0x061F, 0x06D4: return true
        default: return scalar.properties.isSentenceTerminal
        }
    }

    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        isPeriod(scalar) || isEllipsis(scalar) || isStrongTerminator(scalar)
    }

    /// Punctuation that continues a sentence after a terminator (Unicode's SContinue): , ; : ، ؛
    /// and dashes, as in `"Why?", he asked` or `"Why?" — she asked`.
    static func isContinuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0x2D, 0x3A, 0x3B, 0x060C, 0x060D, 0x061B, 0x2013, 0x2014, 0x3001, 0xFE10, 0xFE11, 0xFE13,
             0xFE31, 0xFE32, 0xFE50, 0xFE51, 0xFE54, 0xFE55, 0xFE58, 0xFE63, 0xFF0C, 0xFF0D, 0xFF1A, 0xFF1B, 0xFF64:
            return true
        default:
            return false
        }
    }

    /// The ASCII quotation mark, which opens or closes depending on how many came before.
    static let straightQuote: Unicode.Scalar = "\""

    /// Marks that close a quotation or bracket: ) ] } » ” ’ and the like, plus the ASCII " and '
    /// when they follow a terminator.
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .closePunctuation, .finalPunctuation: return true
        default: return scalar == "\"" || scalar == "'"
        }
    }

    /// Marks that open a quotation or bracket: ( [ { « “ ‘ and the like. The ASCII " and ' are
    /// ambiguous and are not counted here.
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .openPunctuation, .initialPunctuation: return true
        default: return false
        }
    }

    /// Spaces, tabs and the other Unicode white space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    /// Characters that end a line: a sentence never runs across one.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Invisible characters that do not change where a sentence ends: bidi marks (LRM, RLM, ALM),
    /// ZWNJ, ZWJ, the byte order mark, soft hyphens.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        !isWhitespace(scalar) && scalar.properties.isDefaultIgnorableCodePoint
    }

    /// White space or invisible: passed over when looking for the characters around a break.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        isWhitespace(scalar) || scalar.properties.isDefaultIgnorableCodePoint
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// Letters and digits: what a sentence must hold to stand alone.
    static func isContent(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || scalar.properties.generalCategory == .otherNumber
            || scalar.properties.generalCategory == .letterNumber
    }

    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .lowercaseLetter
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return true
        default: return false
        }
    }

    /// Letters of the Arabic script (Arabic, Persian, Pashto, Urdu letters; not digits or marks).
    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard isLetter(scalar) else { return false }
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }

    /// Letters of the Latin script.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard isLetter(scalar) else { return false }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
    }
}
