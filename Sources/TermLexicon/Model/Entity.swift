/// The kinds of entity a lexicon holds (docs/FORMATS.md: more only with a reason).
public enum EntityType: String, CaseIterable, Sendable, Comparable {
    case person, org, place

    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }
}

/// One line of entities.tsv: `id  type  broader  wikidata  note`.
public struct Entity: Equatable, Sendable {
    /// `type:slug`, e.g. `person:amir-khan-muttaqi`; never reused once published.
    public var id: String
    public var type: EntityType
    /// Ids of entities this one is part of (ISKP -> ISIS).
    public var broader: [String]
    /// A Wikidata QID such as `Q1234`, or empty.
    public var wikidata: String
    public var note: String
    /// Where the entity is defined, for diagnostics.
    public var line: Int

    public init(id: String, type: EntityType, broader: [String] = [], wikidata: String = "", note: String = "",
                line: Int = 0) {
        self.id = id
        self.type = type
        self.broader = broader
        self.wikidata = wikidata
        self.note = note
        self.line = line
    }
}
