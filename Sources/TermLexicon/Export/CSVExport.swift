/// One row per label (negative ones left out) for spreadsheets, RFC 4180: comma-separated, CRLF
/// line ends, a field with a comma, quote or line break quoted, quotes doubled. Columns: `id,
/// type, lang, kind, label, flags, broader, wikidata`, then one per identifiers.tsv scheme
/// (`iso3166-1, iso3166-2, geonames`), so a spreadsheet can join on them; `broader` and a
/// scheme's values space-separated.
enum CSVExport {
    static let schemes = IdentifierScheme.allCases.filter { $0 != .wikidata }
    static let header = ["id", "type", "lang", "kind", "label", "flags", "broader", "wikidata"]
        + schemes.map(\.rawValue)

    static func text(_ lexicon: Lexicon) -> String {
        let entities = Dictionary(lexicon.uniqueEntities().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let identifiers = lexicon.exportedIdentifiers()
        var rows = [header]
        for label in lexicon.labels where label.kind != .negative {
            let entity = entities[label.id]
            let ids = identifiers[label.id] ?? []
            rows.append([label.id, entity?.type.rawValue ?? "", label.lang, label.kind.rawValue, label.text,
                         label.flags.description, entity?.broader.joined(separator: " ") ?? "", entity?.wikidata ?? ""]
                        + schemes.map { scheme in
                            ids.filter { $0.scheme == scheme }.map(\.value).joined(separator: " ")
                        })
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
