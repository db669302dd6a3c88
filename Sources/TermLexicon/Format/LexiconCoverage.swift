/// How well the lexicon covers its entities in each language, for `lexicon stats`: per entity type
/// and language, how many entities have a pref, an alt and a hidden label and how many have only
/// weak ones; which entities lack a label in the three core languages; which rest on weak labels.
/// Negative labels name nothing and are not counted.
public struct LexiconCoverage: Equatable, Sendable {
    /// The languages whose gaps are listed: every entity should have a label in each.
    public static let coreLanguages = ["en", "prs", "ps"]

    public struct Counts: Equatable, Sendable {
        public var pref = 0
        public var alt = 0
        public var hidden = 0
        /// Entities with labels in the language, all of them weak: tagged only beside a strong
        /// mention (or with `tag --weak`).
        public var weakOnly = 0

        public init(pref: Int = 0, alt: Int = 0, hidden: Int = 0, weakOnly: Int = 0) {
            self.pref = pref
            self.alt = alt
            self.hidden = hidden
            self.weakOnly = weakOnly
        }
    }

    /// Languages with any label: the core ones first, then the others alphabetically.
    public var languages: [String] = []
    public var counts: [EntityType: [String: Counts]] = [:]
    /// Core language -> ids of the entities without a label in it, in file order.
    public var lacking: [String: [String]] = [:]
    /// Language -> ids of the entities whose labels in it are all weak, in file order.
    public var weakOnly: [String: [String]] = [:]

    public init(_ lexicon: Lexicon) {
        struct Seen { var pref = false, alt = false, hidden = false, strong = false, weak = false }
        var seen: [String: [String: Seen]] = [:]
        for label in lexicon.labels where label.kind != .negative {
            var entry = seen[label.id, default: [:]][label.lang, default: Seen()]
            switch label.kind {
            case .pref: entry.pref = true
            case .alt: entry.alt = true
            case .hidden: entry.hidden = true
            case .negative: break
            }
            if label.flags.contains(.weak) { entry.weak = true } else { entry.strong = true }
            seen[label.id, default: [:]][label.lang] = entry
        }
        let all = Set(seen.values.flatMap(\.keys))
        languages = Self.coreLanguages.filter(all.contains) + all.subtracting(Self.coreLanguages).sorted()
        var counted = Set<String>()
        for entity in lexicon.entities where counted.insert(entity.id).inserted {
            let byLanguage = seen[entity.id] ?? [:]
            for (lang, entry) in byLanguage {
                var counts = self.counts[entity.type, default: [:]][lang, default: Counts()]
                if entry.pref { counts.pref += 1 }
                if entry.alt { counts.alt += 1 }
                if entry.hidden { counts.hidden += 1 }
                if !entry.strong {
                    counts.weakOnly += 1
                    weakOnly[lang, default: []].append(entity.id)
                }
                self.counts[entity.type, default: [:]][lang] = counts
            }
            for lang in Self.coreLanguages where byLanguage[lang] == nil {
                lacking[lang, default: []].append(entity.id)
            }
        }
    }

    /// The plain-text sections of `lexicon stats`.
    var reportLines: [String] {
        var lines = ["coverage\tlang\tpref\talt\thidden\tweak only"]
        for type in EntityType.allCases {
            for lang in languages {
                guard let counts = counts[type]?[lang] else { continue }
                lines.append(
                    "  \(type.rawValue)\t\(lang)\t\(counts.pref)\t\(counts.alt)\t\(counts.hidden)\t\(counts.weakOnly)")
            }
        }
        for lang in Self.coreLanguages {
            let ids = lacking[lang] ?? []
            lines.append("without \(lang)\t\(ids.count)")
            lines += ids.map { "  \($0)" }
        }
        for lang in languages {
            guard let ids = weakOnly[lang] else { continue }
            lines.append("weak only in \(lang)\t\(ids.count)")
            lines += ids.map { "  \($0)" }
        }
        return lines
    }
}
