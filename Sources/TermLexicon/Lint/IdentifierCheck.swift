import TextNormalization

/// The checks of identifiers.tsv that need the whole lexicon: the id is an entity, the scheme
/// names things of the entity's type (ISO 3166 and GeoNames name places), one value per id and
/// scheme, and no value under two ids of one scheme (entities.tsv's QIDs included: a QID on two
/// entities means one of them is wrong). Lint reports them; `tag --ids` refuses a folder with any.
public enum IdentifierCheck {
    public static func problems(_ identifiers: [EntityIdentifier], file: TSVFile, entities: [Entity],
                                entitiesFile: TSVFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var types: [String: EntityType] = [:]
        for entity in entities where types[entity.id] == nil { types[entity.id] = entity.type }
        func at(_ file: TSVFile, _ line: Int, field: Int) -> SourceLocation {
            let columns = line >= 1 && line <= file.lines.count ? file.lines[line - 1].columns : []
            return SourceLocation(path: file.path, line: line, column: field < columns.count ? columns[field] : 1)
        }
        // (scheme, value) -> the first id and where it stands; QIDs first, as entities.tsv is read first.
        var holders: [String: (id: String, place: String)] = [:]
        /// Records `id` as the holder of `value` in `scheme` unless another id holds it: then that one.
        func otherHolder(of value: String, in scheme: IdentifierScheme, id: String,
                         place: String) -> (id: String, place: String)? {
            let slot = scheme.rawValue + "\t" + value
            guard let first = holders[slot] else {
                holders[slot] = (id, place)
                return nil
            }
            return first.id == id ? nil : first
        }
        for entity in entities where !entity.wikidata.isEmpty {
            if let first = otherHolder(of: entity.wikidata, in: .wikidata, id: entity.id,
                                       place: "\(entitiesFile.path):\(entity.line)") {
                diagnostics.append(Diagnostic(.error, at: at(entitiesFile, entity.line, field: 3),
                    "\(entity.wikidata) is also the wikidata id of \(first.id) (\(first.place)): one of them is wrong",
                    rule: "shared-identifier"))
            }
        }
        var given: [String: Int] = [:]
        for identifier in identifiers {
            guard let type = types[identifier.id] else {
                diagnostics.append(Diagnostic(.error, at: at(file, identifier.line, field: 0),
                    "unknown id '\(identifier.id)' (not in \(entitiesFile.path))", rule: "unknown-id"))
                continue
            }
            if !identifier.scheme.types.contains(type) {
                diagnostics.append(Diagnostic(.error, at: at(file, identifier.line, field: 1),
                    "\(identifier.scheme.rawValue) names places, and \(identifier.id) is of type \(type.rawValue)",
                    rule: "identifier-type"))
            }
            let pair = identifier.id + "\t" + identifier.scheme.rawValue
            if let first = given[pair] {
                diagnostics.append(Diagnostic(.error, at: at(file, identifier.line, field: 2),
                    "second \(identifier.scheme.rawValue) value for \(identifier.id) (the first is on line \(first))",
                    rule: "duplicate-identifier"))
                continue
            }
            given[pair] = identifier.line
            if let first = otherHolder(of: identifier.value, in: identifier.scheme, id: identifier.id,
                                       place: "line \(identifier.line)") {
                diagnostics.append(Diagnostic(.error, at: at(file, identifier.line, field: 2),
                    "\(identifier.scheme.rawValue) \(identifier.value) is also given to \(first.id) (\(first.place))",
                    rule: "shared-identifier"))
            }
        }
        return diagnostics
    }
}
