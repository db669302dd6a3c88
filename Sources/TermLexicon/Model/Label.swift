/// What a label is for.
public enum LabelKind: String, CaseIterable, Sendable {
    /// The name shown for the entity in its language; at most one per id and language.
    case pref
    /// Another spelling or name, matched and shown when asked for.
    case alt
    /// A spelling that is matched but never shown (misspellings such as Mateqi).
    case hidden
    /// A spelling that must never resolve to the entity: a namesake elsewhere ("Dera Ismail Khan"
    /// is a district, not the person Ismail Khan), a look-alike that names something else, a
    /// suggestion a reviewer rejected. Matched like any label, so a longer negative name hides the
    /// shorter name inside it; never reported, never shown.
    case negative

    /// Canonical order in labels.tsv: pref, alt, hidden, negative.
    var rank: Int {
        switch self {
        case .pref: return 0
        case .alt: return 1
        case .hidden: return 2
        case .negative: return 3
        }
    }
}

/// Flags of a label.
public struct LabelFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Case-sensitive: ISK matches ISK, not isk.
    public static let caseSensitive = LabelFlags(rawValue: 1)
    /// Too generic to tag alone: tagged only beside a strong mention of the same entity, or with `--weak`.
    public static let weak = LabelFlags(rawValue: 2)
    /// Set by the loader on the payloads of negative labels (not a flag of the file).
    static let negative = LabelFlags(rawValue: 4)
    /// Set by the loader on the payload of a label's inflected form whose inner word changed
    /// (`CaseEndings`): matched like the label, but no label of its own for the other rules.
    static let inflected = LabelFlags(rawValue: 32)
    /// A proper name spelled like common words (China, Islamic State): in a line with both upper-
    /// and lower-case letters it matches only text that capitalises as many words as the label
    /// does ("china cups", "an islamic state" are not names); elsewhere case does not matter.
    public static let proper = LabelFlags(rawValue: 8)
    /// A nationality adjective (Chinese, چینی): tagged as the country, since translations name
    /// the country where English has the adjective (Chinese officials, مقامات چین); marked as such
    /// in the output, never rewritten inline, and left out with `tag --no-demonyms`.
    public static let demonym = LabelFlags(rawValue: 16)

    static let names: [(String, LabelFlags)] = [("cs", .caseSensitive), ("weak", .weak), ("proper", .proper),
                                                ("demonym", .demonym)]

    public var description: String {
        LabelFlags.names.filter { contains($0.1) }.map(\.0).joined(separator: ",")
    }
}

/// One line of labels.tsv: `id  lang  kind  label  flags  note`.
public struct Label: Equatable, Sendable {
    public var id: String
    /// BCP 47 code as written in the file (`fa-AF` is read as `prs`).
    public var lang: String
    public var kind: LabelKind
    public var text: String
    public var flags: LabelFlags
    public var note: String
    public var line: Int

    public init(id: String, lang: String, kind: LabelKind, text: String, flags: LabelFlags = [], note: String = "",
                line: Int = 0) {
        self.id = id
        self.lang = lang
        self.kind = kind
        self.text = text
        self.flags = flags
        self.note = note
        self.line = line
    }
}

/// Languages a label may be in, and the script its letters must be written in.
public enum LabelLanguage {
    /// Language code -> ISO 15924 scripts its letters may use.
    static let scripts: [String: Set<String>] = [
        "en": ["Latn"], "prs": ["Arab"], "ps": ["Arab"], "ar": ["Arab"], "ur": ["Arab"], "fa": ["Arab"],
        "ru": ["Cyrl"], "tg": ["Cyrl"], "ky": ["Cyrl"], "kk": ["Cyrl"], "uz": ["Latn", "Cyrl"], "tk": ["Latn"],
        "tr": ["Latn"], "az": ["Latn"], "de": ["Latn"], "es": ["Latn"], "fr": ["Latn"], "pt": ["Latn"],
        "zh": ["Hani"], "hi": ["Deva"],
    ]

    /// The code Lexalign uses for `code` (`fa-AF` -> `prs`), or nil when it is not a known language.
    public static func canonical(_ code: String) -> String? {
        if code == "fa-AF" || code == "fa_AF" { return "prs" }
        return scripts[code] == nil ? nil : code
    }
}
