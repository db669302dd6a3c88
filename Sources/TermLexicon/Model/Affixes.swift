/// What real text attaches to names, from Lexicons/affixes.tsv (`lang  kind  text  after  note`):
/// suffixes after a name (English 's, Dari ها, Pashto و), prefixes joined to its front (Pashto د),
/// titles before a person's name (Mullah, مولوی), which a mention keeps, offices that end in a title
/// (Attorney General), head words beside a place's name that say what kind of place it is
/// (провинция, rio: `PlaceHeads`), and case endings that replace a name's last letters (Москве).
public struct Affixes: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        case suffix, prefix, title
        /// An office whose last word is a title (Secretary General): there the title is the
        /// office's, not the rank of the person named after it.
        case office
        /// A word before or after a place's name saying it is a province (провинция, ولاية).
        case province
        /// The same for a river (река, rio).
        case river
        /// A case ending that takes the place of a name's last letters (Russian Москва, в Москве):
        /// `after` lists the endings it replaces (`CaseEndings`).
        case ending

        /// The kinds of head words, in the order the model keeps their keys.
        static let heads: [Kind] = [.province, .river]
    }

    public struct Entry: Equatable, Sendable {
        public var lang: String
        public var kind: Kind
        public var text: String
        /// For a suffix: endings the name must have for the suffix to apply (Pashto oblique و
        /// only after a plural in ان or ات, so that هندو, Hindu, is not India + و); empty for any.
        /// For an ending: the endings of a name it replaces (at least one).
        public var after: [String]
        public var line: Int

        public init(lang: String, kind: Kind, text: String, after: [String] = [], line: Int = 0) {
            self.lang = lang
            self.kind = kind
            self.text = text
            self.after = after
            self.line = line
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }
}
