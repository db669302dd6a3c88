/// Counts for `lexalign lexicon stats`: entities by type, labels by language and kind, flags.
public struct LexiconStats: Equatable, Sendable {
    public var entitiesByType: [EntityType: Int] = [:]
    public var labelsByLanguage: [String: [LabelKind: Int]] = [:]
    public var flagged: [String: Int] = [:]
    public var affixesByKind: [Affixes.Kind: Int] = [:]

    public init(_ lexicon: Lexicon) {
        for entity in lexicon.entities { entitiesByType[entity.type, default: 0] += 1 }
        for label in lexicon.labels {
            labelsByLanguage[label.lang, default: [:]][label.kind, default: 0] += 1
            for (name, flag) in LabelFlags.names where label.flags.contains(flag) { flagged[name, default: 0] += 1 }
        }
        for entry in lexicon.affixes.entries { affixesByKind[entry.kind, default: 0] += 1 }
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
            lines.append("  \(lang)\t\(total)\t" + LabelKind.allCases.map { String(kinds[$0] ?? 0) }.joined(separator: "\t"))
        }
        lines.append("flags")
        for (name, _) in LabelFlags.names { lines.append("  \(name)\t\(flagged[name] ?? 0)") }
        lines.append("affixes")
        for kind in Affixes.Kind.allCases { lines.append("  \(kind.rawValue)\t\(affixesByKind[kind] ?? 0)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
