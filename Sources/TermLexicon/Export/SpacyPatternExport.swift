import TextNormalization

/// spaCy EntityRuler patterns, one JSON object per line and label:
/// `{"label":"LOC","pattern":"Kabul","id":"place:kabul"}`. `label` is spaCy's name for the entity
/// type (PERSON, ORG, and LOC for every place, since the lexicon does not tell a country from a
/// river); `pattern` a phrase pattern, the label as written; `id` the entity id, which spaCy puts
/// in `ent_id_`. Phrase patterns match the exact text unless the ruler is made with
/// `phrase_matcher_attr="LOWER"`; that folds case, so labels flagged `cs` then match any case.
enum SpacyPatternExport {
    static func label(of type: EntityType) -> String {
        switch type {
        case .person: return "PERSON"
        case .org: return "ORG"
        case .place: return "LOC"
        }
    }

    static func text(_ lexicon: Lexicon) -> String {
        let types = Dictionary(lexicon.uniqueEntities().map { ($0.id, $0.type) },
                               uniquingKeysWith: { first, _ in first })
        var out: [UInt8] = []
        for label in lexicon.labels where label.kind != .negative {
            guard let type = types[label.id] else { continue }
            out.append(contentsOf: #"{"label":"#.utf8)
            JSONText.appendString(Array(self.label(of: type).utf8)[...], to: &out)
            out.append(contentsOf: #","pattern":"#.utf8)
            JSONText.appendString(Array(label.text.utf8)[...], to: &out)
            out.append(contentsOf: #","id":"#.utf8)
            JSONText.appendString(Array(label.id.utf8)[...], to: &out)
            out.append(contentsOf: "}\n".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
