import TextNormalization

/// Whether a label's letters are written in a script its language uses (Latin in a Dari label is
/// a mistake). Marks and modifier letters of the Inherited and Common scripts go with any script.
/// Script names are looked up once per script met, so checking a million labels stays cheap.
struct LabelScriptCheck {
    /// The scripts one language allows, worked out once per language.
    struct Allowed {
        let names: Set<String>
        let arabic: Bool
        let latin: Bool

        /// Nil when the language has no script rule.
        init?(lang: String) {
            guard let names = LabelLanguage.scripts[lang] else { return nil }
            self.names = names
            arabic = names.contains("Arab")
            latin = names.contains("Latn")
        }
    }

    private var names: [Int32: String] = [:]

    /// The first letter outside the scripts `lang` allows: its scalar offset, the letter and its
    /// script; nil when all fit, or when the language has no script rule.
    mutating func stray(in text: String, lang: String) -> (offset: Int, scalar: Unicode.Scalar, script: String)? {
        guard let allowed = Allowed(lang: lang) else { return nil }
        let bytes = Array(text.utf8)
        return stray(in: bytes, bytes.indices, allowed: allowed)
    }

    /// The same on a label's UTF-8 bytes, well formed (the loader's labels are bytes, not strings).
    mutating func stray(in bytes: [UInt8], _ range: Range<Int>, allowed: Allowed)
        -> (offset: Int, scalar: Unicode.Scalar, script: String)? {
        var offset = -1
        var index = range.lowerBound
        while index < range.upperBound {
            offset += 1
            let lead = UInt32(bytes[index])
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= range.upperBound else { break }
            var value = length == 1 ? lead : lead & (0xFF >> (length + 1))
            for next in (index + 1)..<(index + length) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
            index += length
            // The blocks of an allowed script hold only its letters and Common or Inherited marks,
            // and ASCII holds only Latin letters: no lookup needed (nearly every label is all in one).
            switch value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                if allowed.arabic { continue }
            case 0x00...0x7F:
                // ASCII holds only Latin letters: out of place in a language without Latin.
                if allowed.latin || (value | 0x20) < 0x61 || (value | 0x20) > 0x7A { continue }
                return (offset, Unicode.Scalar(UInt8(value)), "Latn")
            case 0x80...0x24F:
                if allowed.latin { continue }
            default: break
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            guard UnicodeProperties.isAlphabetic(scalar) else { continue }
            let number = UnicodeProperties.scriptNumber(of: scalar)
            let name: String
            if let known = names[number] {
                name = known
            } else {
                name = UnicodeProperties.scriptName(number: number)
                names[number] = name
            }
            if name == "Zinh" || name == "Zyyy" || allowed.names.contains(name) { continue }
            return (offset, scalar, name)
        }
        return nil
    }
}
