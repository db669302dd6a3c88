/// A standard identifier of an entity, from Lexicons/identifiers.tsv (`id  scheme  value  note`):
/// the keys downstream tools join on. Wikidata QIDs keep their home in entities.tsv's `wikidata`
/// column (one place per fact) and are the scheme `wikidata` wherever identifiers are asked for.
public struct EntityIdentifier: Sendable, Equatable {
    public var id: String
    public var scheme: IdentifierScheme
    public var value: String
    public var note: String
    /// The line in identifiers.tsv (0 for a QID from entities.tsv).
    public var line: Int

    public init(id: String, scheme: IdentifierScheme, value: String, note: String = "", line: Int = 0) {
        self.id = id
        self.scheme = scheme
        self.value = value
        self.note = note
        self.line = line
    }
}

/// The identifier schemes the lexicon knows, each with its syntax.
public enum IdentifierScheme: String, CaseIterable, Sendable, Comparable {
    /// A Wikidata item (Q889), from entities.tsv.
    case wikidata
    /// ISO 3166-1 alpha-2: a country (AF).
    case iso3166_1 = "iso3166-1"
    /// ISO 3166-2: a country's subdivision (AF-KAB).
    case iso3166_2 = "iso3166-2"
    /// A GeoNames feature id (1138958).
    case geonames

    public static func < (a: IdentifierScheme, b: IdentifierScheme) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The entity types the scheme names (all three for Wikidata, places for the others).
    public var types: Set<EntityType> { self == .wikidata ? Set(EntityType.allCases) : [.place] }

    /// What is wrong with `value` as an identifier of this scheme, or nil when it is well formed.
    public func syntaxProblem(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        switch self {
        case .wikidata:
            return LexiconParser.isQID(value) ? nil
                : "'\(value)' is not a Wikidata QID (Q followed by digits, e.g. Q889)"
        case .iso3166_1:
            return bytes.count == 2 && bytes.allSatisfy(isUpper) ? nil
                : "'\(value)' is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. AF)"
        case .iso3166_2:
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            let wellFormed = parts.count == 2 && parts[0].utf8.count == 2 && parts[0].utf8.allSatisfy(isUpper)
                && (1...3).contains(parts[1].utf8.count) && parts[1].utf8.allSatisfy { isUpper($0) || isDigit($0) }
            return wellFormed ? nil
                : "'\(value)' is not an ISO 3166-2 code (country code, hyphen, 1-3 capitals or digits, e.g. AF-KAB)"
        case .geonames:
            let wellFormed = (1...10).contains(bytes.count) && bytes.allSatisfy(isDigit) && bytes[0] != 0x30
            return wellFormed ? nil : "'\(value)' is not a GeoNames id (digits, no leading zero, e.g. 1138958)"
        }
    }

    /// The schemes a comma-separated list names (`--ids wikidata,iso3166`): each scheme by its own
    /// name, `iso3166` for both ISO 3166 parts, `all` for every scheme; in the order of `allCases`.
    /// Throws the first unknown name.
    public static func list(_ text: String) throws(UnknownScheme) -> [IdentifierScheme] {
        var chosen = Set<IdentifierScheme>()
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            switch name {
            case "iso3166": chosen.formUnion([.iso3166_1, .iso3166_2])
            case "all": chosen.formUnion(allCases)
            default:
                guard let scheme = IdentifierScheme(rawValue: name) else { throw UnknownScheme(name: name) }
                chosen.insert(scheme)
            }
        }
        return allCases.filter(chosen.contains)
    }

    public struct UnknownScheme: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown identifier scheme '\(name)' "
                + "(known: \(IdentifierScheme.allCases.map(\.rawValue).joined(separator: ", ")), iso3166, all)"
        }
    }
}
