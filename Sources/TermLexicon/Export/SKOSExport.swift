/// SKOS in Turtle: one `skos:Concept` per entity, named `<urn:lexalign:ID>`, in the concept scheme
/// `<urn:lexalign:lexicon>`; pref, alt and hidden labels as `skos:prefLabel`, `altLabel` and
/// `hiddenLabel` with the label's language tag (`prs` and `ps` are BCP 47 subtags as they stand);
/// `broader` as `skos:broader`; a Wikidata QID and a GeoNames id as `skos:exactMatch` to their
/// entity IRIs; ISO 3166 codes (AF, AF-KAB) as `skos:notation`.
enum SKOSExport {
    static let scheme = "urn:lexalign:lexicon"

    static func iri(of id: String) -> String { "<urn:lexalign:\(id)>" }

    static func text(_ lexicon: Lexicon) -> String {
        var out = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .

            <\(scheme)> a skos:ConceptScheme .

            """
        let labels = lexicon.exportedLabels()
        let identifiers = lexicon.exportedIdentifiers()
        for entity in lexicon.uniqueEntities() {
            var statements = ["a skos:Concept", "skos:inScheme <\(scheme)>"]
            for (kind, predicate) in [(LabelKind.pref, "skos:prefLabel"), (.alt, "skos:altLabel"),
                                      (.hidden, "skos:hiddenLabel")] {
                let literals = (labels[entity.id] ?? []).filter { $0.kind == kind }
                    .map { literal($0.text) + "@" + $0.lang }
                if !literals.isEmpty { statements.append(predicate + " " + literals.joined(separator: ", ")) }
            }
            if !entity.broader.isEmpty {
                statements.append("skos:broader " + entity.broader.map(iri(of:)).joined(separator: ", "))
            }
            // Wikidata and GeoNames name the thing itself (exact matches); ISO codes are notations.
            var matches: [String] = [], notations: [String] = []
            for identifier in identifiers[entity.id] ?? [] {
                if let uri = identifier.entityURI {
                    matches.append("<\(uri)>")
                } else {
                    notations.append(literal(identifier.value))
                }
            }
            if !matches.isEmpty { statements.append("skos:exactMatch " + matches.joined(separator: ", ")) }
            if !notations.isEmpty { statements.append("skos:notation " + notations.joined(separator: ", ")) }
            out += "\n\(iri(of: entity.id))\n    " + statements.joined(separator: " ;\n    ") + " .\n"
        }
        return out
    }

    /// A Turtle string literal: quotes, backslashes and line breaks escaped.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
