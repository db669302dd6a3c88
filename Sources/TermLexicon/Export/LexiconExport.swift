/// `lexalign lexicon export`: the lexicon in the formats other tools read. Negative labels are
/// left out of every format (they name nothing), and so are entities' notes; each exporter says
/// what else it keeps.
public enum LexiconExportFormat: String, CaseIterable, Sendable {
    /// SKOS in Turtle (`SKOSExport`).
    case skos
    /// spaCy EntityRuler phrase patterns, JSON Lines (`SpacyPatternExport`).
    case spacy
    /// TBX v3, TBX-Basic dialect (`TBXExport`).
    case tbx
    /// One row per label, for spreadsheets (`CSVExport`).
    case csv

    public func export(_ lexicon: Lexicon) -> String {
        switch self {
        case .skos: return SKOSExport.text(lexicon)
        case .spacy: return SpacyPatternExport.text(lexicon)
        case .tbx: return TBXExport.text(lexicon)
        case .csv: return CSVExport.text(lexicon)
        }
    }
}

extension Lexicon {
    /// The labels that name their entity (not negative), grouped by entity id in file order.
    func exportedLabels() -> [String: [Label]] {
        var byEntity: [String: [Label]] = [:]
        for label in labels where label.kind != .negative { byEntity[label.id, default: []].append(label) }
        return byEntity
    }

    /// Each entity once (the first line of a duplicated id), in file order.
    func uniqueEntities() -> [Entity] {
        var seen = Set<String>()
        return entities.filter { seen.insert($0.id).inserted }
    }
}

extension Lexicon {
    /// Each entity's identifiers, for the exports: its Wikidata QID (entities.tsv) first, then its
    /// identifiers.tsv rows in scheme order.
    func exportedIdentifiers() -> [String: [EntityIdentifier]] {
        var byEntity: [String: [EntityIdentifier]] = [:]
        for entity in uniqueEntities() where !entity.wikidata.isEmpty {
            byEntity[entity.id] = [EntityIdentifier(id: entity.id, scheme: .wikidata, value: entity.wikidata)]
        }
        for identifier in identifiers.sorted(by: { $0.scheme < $1.scheme }) {
            byEntity[identifier.id, default: []].append(identifier)
        }
        return byEntity
    }
}

extension EntityIdentifier {
    /// The address of the thing itself, for schemes with one per value (Wikidata, GeoNames); ISO
    /// 3166 codes have none (their standard lists them on a page per country).
    var entityURI: String? {
        switch scheme {
        case .wikidata: return "http://www.wikidata.org/entity/\(value)"
        case .geonames: return "https://sws.geonames.org/\(value)/"
        case .iso3166_1, .iso3166_2: return nil
        }
    }
}
