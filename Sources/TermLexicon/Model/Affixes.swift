/// What real text attaches to names, from Lexicons/affixes.tsv: suffixes after a name (English
/// 's, Dari ها, Pashto و), prefixes joined to its front (Pashto د), and titles before a person's
/// name (Mullah, مولوی), which a mention keeps.
public struct Affixes: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        case suffix, prefix, title
    }

    public struct Entry: Equatable, Sendable {
        public var lang: String
        public var kind: Kind
        public var text: String
        public var line: Int
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }
}
