import LexiconData
import TextNormalization

/// One lexicon file's text and the path diagnostics name it by.
public struct LexiconText: Sendable {
    public var path: String
    public var text: String
    /// What is wrong with the file's encoding (a BOM, UTF-16, invalid UTF-8), as lint reports it.
    public var encodingProblems: [Diagnostic] = []
    /// Whether the bytes began with a UTF-8 byte order mark (not part of `text`; fmt drops it).
    public var hadByteOrderMark = false

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// From the file's bytes as stored: the encoding is checked, and the text is what a reader
    /// sees (invalid sequences as U+FFFD, no BOM, nothing for UTF-16).
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        (text, encodingProblems, hadByteOrderMark) = FileEncoding.decode(path: path, bytes: bytes)
    }

    /// The file split into lines and fields (costly for big files: make it once).
    public var tsv: TSVFile { TSVFile(path: path, text: text) }
}

/// The text of the lexicon files, wherever they come from.
public struct LexiconSources: Sendable {
    public static let entitiesFile = "entities.tsv"
    public static let labelsFile = "labels.tsv"
    public static let affixesFile = "affixes.tsv"
    public static let identifiersFile = "identifiers.tsv"

    public var entities: LexiconText
    public var labels: LexiconText
    public var affixes: LexiconText
    /// Standard identifiers (ISO 3166, GeoNames) by entity; optional, like affixes.
    public var identifiers: LexiconText

    public init(entities: LexiconText, labels: LexiconText, affixes: LexiconText,
                identifiers: LexiconText = LexiconText(path: LexiconSources.identifiersFile, text: "")) {
        self.entities = entities
        self.labels = labels
        self.affixes = affixes
        self.identifiers = identifiers
    }

    /// Each file with its kind, in the order lint and fmt take them.
    public var files: [(text: LexiconText, kind: LexiconFileKind)] {
        [(entities, .entities), (labels, .labels), (affixes, .affixes), (identifiers, .identifiers)]
    }

    /// Every file's encoding findings.
    public var encodingProblems: [Diagnostic] {
        files.flatMap(\.text.encodingProblems)
    }

    /// The lexicon compiled into the binary from the repository's Lexicons/ folder.
    public static func builtIn() -> LexiconSources {
        func file(_ name: String) -> LexiconText {
            LexiconText(path: "Lexicons/" + name, text: EmbeddedLexicon.files[name] ?? "")
        }
        return LexiconSources(entities: file(entitiesFile), labels: file(labelsFile), affixes: file(affixesFile),
                              identifiers: file(identifiersFile))
    }
}

/// A parsed lexicon: entities, their labels, the affixes and titles the matcher allows, and the
/// entities' standard identifiers.
public struct Lexicon: Sendable {
    public let entities: [Entity]
    public let labels: [Label]
    public let affixes: Affixes
    public let identifiers: [EntityIdentifier]
    private let entityIndex: [String: Int]

    public init(entities: [Entity], labels: [Label], affixes: Affixes = Affixes(),
                identifiers: [EntityIdentifier] = []) {
        self.entities = entities
        self.labels = labels
        self.affixes = affixes
        self.identifiers = identifiers
        var index: [String: Int] = [:]
        for (position, entity) in entities.enumerated() where index[entity.id] == nil { index[entity.id] = position }
        entityIndex = index
    }

    /// Parses all four files, collecting every line-level problem.
    public static func parse(_ sources: LexiconSources) -> (Lexicon, [Diagnostic]) {
        let (lexicon, problems) = parse(entities: sources.entities.tsv, labels: sources.labels.tsv,
                                        affixes: sources.affixes.tsv)
        let (identifiers, identifierProblems) = LexiconParser.identifiers(sources.identifiers.tsv)
        return (Lexicon(entities: lexicon.entities, labels: lexicon.labels, affixes: lexicon.affixes,
                        identifiers: identifiers),
                sources.encodingProblems + problems + identifierProblems)
    }

    public static func parse(entities entityFile: TSVFile, labels labelFile: TSVFile,
                             affixes affixFile: TSVFile) -> (Lexicon, [Diagnostic]) {
        let (entities, entityProblems) = LexiconParser.entities(entityFile)
        let (labels, labelProblems) = LexiconParser.labels(labelFile)
        let (affixes, affixProblems) = LexiconParser.affixes(affixFile)
        return (Lexicon(entities: entities, labels: labels, affixes: affixes),
                entityProblems + labelProblems + affixProblems)
    }

    public func entity(_ id: String) -> Entity? { entityIndex[id].map { entities[$0] } }
}
