import TextNormalization

/// Counts for `lexalign lexicon stats`: entities by type, labels by language and kind, flags,
/// affixes, entities with each kind of identifier, and the coverage of each language (`LexiconCoverage`).
public struct LexiconStats: Equatable, Sendable {
    public var entitiesByType: [EntityType: Int] = [:]
    public var labelsByLanguage: [String: [LabelKind: Int]] = [:]
    public var flagged: [String: Int] = [:]
    public var affixesByKind: [Affixes.Kind: Int] = [:]
    /// Entities with an identifier in each scheme (QIDs from entities.tsv).
    public var identifiedByScheme: [IdentifierScheme: Int] = [:]
    public var coverage: LexiconCoverage

    public init(_ lexicon: Lexicon) {
        coverage = LexiconCoverage(lexicon)
        for entity in lexicon.entities { entitiesByType[entity.type, default: 0] += 1 }
        for label in lexicon.labels {
            labelsByLanguage[label.lang, default: [:]][label.kind, default: 0] += 1
            for (name, flag) in LabelFlags.names where label.flags.contains(flag) { flagged[name, default: 0] += 1 }
        }
        for entry in lexicon.affixes.entries { affixesByKind[entry.kind, default: 0] += 1 }
        identifiedByScheme[.wikidata] = Set(lexicon.entities.filter { !$0.wikidata.isEmpty }.map(\.id)).count
        for scheme in IdentifierScheme.allCases where scheme != .wikidata {
            identifiedByScheme[scheme] = Set(lexicon.identifiers.filter { $0.scheme == scheme }.map(\.id)).count
        }
    }

    /// A plain-text report, one table per count.
    public var report: String {
        var lines: [String] = []
        let entityTotal = entitiesByType.values.reduce(0, +)
        lines.append("entities\t\(entityTotal)")
        for type in EntityType.allCases { lines.append("  \(type.rawValue)\t\(entitiesByType[type] ?? 0)") }
        let labelTotal = labelsByLanguage.values.flatMap(\.values).reduce(0, +)
        lines.append("labels\t\(labelTotal)\t" + LabelKind.allCases.map(\.rawValue).joined(separator: "\t"))
        for lang in labelsByLanguage.keys.sorted() {
            let kinds = labelsByLanguage[lang]!
            let total = kinds.values.reduce(0, +)
            lines.append("  \(lang)\t\(total)\t"
                + LabelKind.allCases.map { String(kinds[$0] ?? 0) }.joined(separator: "\t"))
        }
        lines.append("flags")
        for (name, _) in LabelFlags.names { lines.append("  \(name)\t\(flagged[name] ?? 0)") }
        lines.append("affixes")
        for kind in Affixes.Kind.allCases { lines.append("  \(kind.rawValue)\t\(affixesByKind[kind] ?? 0)") }
        lines.append("identifiers")
        for scheme in IdentifierScheme.allCases {
            lines.append("  \(scheme.rawValue)\t\(identifiedByScheme[scheme] ?? 0)")
        }
        lines += coverage.reportLines
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same counts as one JSON object (docs/FORMATS.md, 4.6), for dashboards.
    public var json: String {
        var out: [UInt8] = []
        func key(_ name: String) {
            JSONText.appendString(Array(name.utf8)[...], to: &out)
            out.append(UInt8(ascii: ":"))
        }
        func object(_ members: [(String, () -> Void)]) {
            out.append(UInt8(ascii: "{"))
            for (index, (name, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                key(name)
                value()
            }
            out.append(UInt8(ascii: "}"))
        }
        func number(_ value: Int) -> () -> Void { { out.append(contentsOf: String(value).utf8) } }
        func strings(_ values: [String]) -> () -> Void {
            {
                out.append(UInt8(ascii: "["))
                for (index, value) in values.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    JSONText.appendString(Array(value.utf8)[...], to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
        }
        let languages = coverage.languages
        object([
            ("entities", { object([("total", number(entitiesByType.values.reduce(0, +)))]
                                   + EntityType.allCases.map { ($0.rawValue, number(entitiesByType[$0] ?? 0)) }) }),
            ("labels", { object(labelsByLanguage.keys.sorted().map { lang in
                (lang, { object(LabelKind.allCases.map { ($0.rawValue, number(labelsByLanguage[lang]?[$0] ?? 0)) }) })
            }) }),
            ("flags", { object(LabelFlags.names.map { ($0.0, number(flagged[$0.0] ?? 0)) }) }),
            ("affixes", { object(Affixes.Kind.allCases.map { ($0.rawValue, number(affixesByKind[$0] ?? 0)) }) }),
            ("identifiers", { object(IdentifierScheme.allCases.map {
                ($0.rawValue, number(identifiedByScheme[$0] ?? 0))
            }) }),
            ("coverage", { object(EntityType.allCases.map { type in
                (type.rawValue, { object(languages.compactMap { lang in
                    guard let counts = coverage.counts[type]?[lang] else { return nil }
                    return (lang, { object([("pref", number(counts.pref)), ("alt", number(counts.alt)),
                                            ("hidden", number(counts.hidden)),
                                            ("weak_only", number(counts.weakOnly))]) })
                }) })
            }) }),
            ("without", { object(LexiconCoverage.coreLanguages.map { ($0, strings(coverage.lacking[$0] ?? [])) }) }),
            ("weak_only", { object(languages.compactMap { lang in
                coverage.weakOnly[lang].map { ids in (lang, strings(ids)) }
            }) }),
        ])
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }
}
