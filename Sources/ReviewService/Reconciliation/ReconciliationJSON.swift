import FoundationEssentials

/// The W3C Reconciliation API's shapes as OpenRefine 3.x exchanges them (protocol 0.1/0.2).
struct ReconciliationManifest: Encodable {
    struct TypeReference: Codable, Equatable {
        var id: String
        var name: String
    }
    struct View: Encodable {
        var url: String
    }
    var versions = ["0.1", "0.2"]
    var name: String
    var identifierSpace: String
    var schemaSpace: String
    var defaultTypes: [TypeReference]
    var view: View
}

/// One query of a batch: `{"query": "Mottaki", "type": "person", "limit": 3}`. `type` may be an
/// id, a list of ids, or type objects; `properties` and `type_strict` are read and not used.
struct ReconciliationQuery: Decodable {
    var query: String
    var types: [String]
    var limit: Int?

    private enum Keys: String, CodingKey { case query, type, limit }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        query = try container.decode(String.self, forKey: .query)
        // Some clients send the limit as a string ("3").
        if let number = try? container.decodeIfPresent(Int.self, forKey: .limit) {
            limit = number
        } else {
            limit = (try? container.decodeIfPresent(String.self, forKey: .limit)).flatMap { $0.flatMap(Int.init) }
        }
        if let single = try? container.decodeIfPresent(String.self, forKey: .type) {
            types = [single]
        } else if let list = try? container.decodeIfPresent([String].self, forKey: .type) {
            types = list
        } else if let objects = try? container.decodeIfPresent([ReconciliationManifest.TypeReference].self,
                                                               forKey: .type) {
            types = objects.map(\.id)
        } else {
            types = []
        }
    }

    init(query: String, types: [String] = [], limit: Int? = nil) {
        self.query = query
        self.types = types
        self.limit = limit
    }
}

struct ReconciliationCandidate: Encodable, Equatable {
    var id: String
    var name: String
    /// 0–100, higher is better.
    var score: Double
    /// Safe to accept without review: the whole query is one of the entity's names (or its key
    /// form) and no other entity is as good.
    var match: Bool
    var type: [ReconciliationManifest.TypeReference]
}

struct ReconciliationResult: Encodable {
    var result: [ReconciliationCandidate]
}

/// The reason a JSON body could not be read, in a sentence.
enum JSONProblem {
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "member \"\(key.stringValue)\" is missing" + place(context)
        case DecodingError.typeMismatch(let type, let context):
            return "expected \(type)" + place(context)
        case DecodingError.valueNotFound(let type, let context):
            return "expected \(type), found null" + place(context)
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON" + place(context)
        default:
            return "\(error)"
        }
    }

    private static func place(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return path.isEmpty ? "" : " at \(path)"
    }
}
