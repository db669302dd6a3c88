/// The three outputs of the pipeline (docs/ARCHITECTURE.md, "The normalisation pipeline").
public enum NormalizationForm: String, CaseIterable, Sendable {
    /// Readable and meaning-preserving: cleaned, NFKC where it cannot change meaning, orthography
    /// unified for the line's language.
    case text
    /// What matching compares: case-folded, without diacritics, apostrophes or Arabic letter variants.
    case key
    /// Romanised, ASCII letters and digits.
    case latin
}

/// A language Lexalign knows how to treat. Lines with no letters at all are `undetermined`.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case dari = "prs"
    case pashto = "ps"
    case undetermined = "und"

    /// Reads `en`, `prs`, `ps`, and the aliases `fa-AF`, `fa` (read as Dari), `pus`, `pbt`, `eng`.
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "eng": self = .english
        case "prs", "fa-af", "fa_af", "fa": self = .dari
        case "ps", "pus", "pbt", "pbu": self = .pashto
        case "und": self = .undetermined
        default: return nil
        }
    }
}

/// What to do with Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits.
public enum DigitPolicy: String, CaseIterable, Sendable {
    /// Leave every digit as written.
    case keep
    /// Write all digits, and the Arabic decimal and thousands separators and percent sign, in ASCII.
    case ascii
}

public struct NormalizationOptions: Hashable, Sendable {
    public var form: NormalizationForm
    /// A fixed language for every line, or nil to decide per line from its letters.
    public var language: Language?
    /// Nil means the form's default: `keep` for text, `ascii` for key and latin.
    public var digits: DigitPolicy?

    public init(form: NormalizationForm = .text, language: Language? = nil, digits: DigitPolicy? = nil) {
        self.form = form
        self.language = language
        self.digits = digits
    }

    /// The digit policy in force. The latin form is ASCII, so its digits always are.
    public var effectiveDigits: DigitPolicy {
        if form == .latin { return .ascii }
        return digits ?? (form == .text ? .keep : .ascii)
    }
}
