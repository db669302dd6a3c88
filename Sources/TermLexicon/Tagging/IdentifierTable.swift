import TextNormalization

/// What `tag --ids` writes with each mention: for every entity of the model, the chosen schemes'
/// values as one JSON member, `,"ids":{"wikidata":"Q889","iso3166-1":"AF"}` (an entity without
/// any of them gets `{}`, so every record has the member), made once when the run starts.
public struct IdentifierTable: Sendable {
    public let schemes: [IdentifierScheme]
    private let members: [[UInt8]]

    /// The identifiers of `sources` (QIDs from entities.tsv, the rest from identifiers.tsv) for the
    /// entities of `model`. With `verify` (a lexicon folder), any problem lint reports in
    /// identifiers.tsv, or a QID given to two entities, is thrown; the built-in lexicon was linted
    /// when it was built.
    public static func load(_ sources: LexiconSources, model: TaggingModel, schemes: [IdentifierScheme],
                            verify: Bool) throws(LexiconLoadError) -> IdentifierTable {
        let entityFile = sources.entities.tsv, identifierFile = sources.identifiers.tsv
        let (entities, _) = LexiconParser.entities(entityFile)
        let (listed, problems) = LexiconParser.identifiers(identifierFile)
        if verify {
            let errors = (problems + IdentifierCheck.problems(listed, file: identifierFile, entities: entities,
                                                              entitiesFile: entityFile))
                .filter { $0.severity == .error }
            if !errors.isEmpty { throw .invalid(errors) }
        }
        var values = [[IdentifierScheme: String]](repeating: [:], count: model.entityCount)
        for entity in entities where !entity.wikidata.isEmpty {
            if let index = model.entityIndex[entity.id] { values[Int(index)][.wikidata] = entity.wikidata }
        }
        for identifier in listed {
            guard let index = model.entityIndex[identifier.id],
                  values[Int(index)][identifier.scheme] == nil else { continue }
            values[Int(index)][identifier.scheme] = identifier.value
        }
        let members = values.map { known -> [UInt8] in
            var member = Array(#","ids":{"#.utf8)
            var first = true
            for scheme in schemes {
                guard let value = known[scheme] else { continue }
                if !first { member.append(UInt8(ascii: ",")) }
                first = false
                JSONText.appendString(scheme.rawValue, to: &member)
                member.append(UInt8(ascii: ":"))
                JSONText.appendString(value, to: &member)
            }
            member.append(UInt8(ascii: "}"))
            return member
        }
        return IdentifierTable(schemes: schemes, members: members)
    }

    /// Appends the entity's member to a JSON record being written.
    func append(entity: Int, to out: inout [UInt8]) {
        out.append(contentsOf: members[entity])
    }
}
