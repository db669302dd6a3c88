import LexiconData
import TextNormalization

/// The text of the lexicon files, wherever they come from.
public struct LexiconSources: Sendable {
    public static let entitiesFile = "entities.tsv"
    public static let labelsFile = "labels.tsv"
    public static let affixesFile = "affixes.tsv"

    public var entities: TSVFile
    public var labels: TSVFile
    public var affixes: TSVFile

    public init(entities: TSVFile, labels: TSVFile, affixes: TSVFile) {
        self.entities = entities
        self.labels = labels
        self.affixes = affixes
    }

    /// The lexicon compiled into the binary from the repository's Lexicons/ folder.
    public static func builtIn() -> LexiconSources {
        func file(_ name: String) -> TSVFile {
            TSVFile(path: "Lexicons/" + name, text: EmbeddedLexicon.files[name] ?? "")
        }
        return LexiconSources(entities: file(entitiesFile), labels: file(labelsFile), affixes: file(affixesFile))
    }
}

/// A parsed lexicon: entities, their labels, and the affixes and titles the matcher allows.
public struct Lexicon: Sendable {
    public let entities: [Entity]
    public let labels: [Label]
    public let affixes: Affixes
    private let entityIndex: [String: Int]

    public init(entities: [Entity], labels: [Label], affixes: Affixes = Affixes()) {
        self.entities = entities
        self.labels = labels
        self.affixes = affixes
        var index: [String: Int] = [:]
        for (position, entity) in entities.enumerated() where index[entity.id] == nil { index[entity.id] = position }
        entityIndex = index
    }

    /// Parses all three files, collecting every line-level problem.
    public static func parse(_ sources: LexiconSources) -> (Lexicon, [Diagnostic]) {
        let (entities, entityProblems) = LexiconParser.entities(sources.entities)
        let (labels, labelProblems) = LexiconParser.labels(sources.labels)
        let (affixes, affixProblems) = LexiconParser.affixes(sources.affixes)
        return (Lexicon(entities: entities, labels: labels, affixes: affixes), entityProblems + labelProblems + affixProblems)
    }

    public func entity(_ id: String) -> Entity? { entityIndex[id].map { entities[$0] } }

    /// The ids above `id` following `broader` links, nearest first, each once (cycles stop).
    public func broaderChain(of id: String) -> [String] {
        var chain: [String] = []
        var queue = entity(id)?.broader ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if chain.contains(next) || next == id { continue }
            chain.append(next)
            queue += entity(next)?.broader ?? []
        }
        return chain
    }
}
