import FoundationEssentials

/// The answer to a request: status, headers and the whole body.
public struct ServiceResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `value` as JSON (keys sorted, so answers are stable and diffable).
    static func json<Value: Encodable>(_ value: Value, status: Int = 200,
                                       headers: [(name: String, value: String)] = []) -> ServiceResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(value)
            return ServiceResponse(status: status,
                                   headers: [("content-type", "application/json; charset=utf-8")] + headers,
                                   body: Array(data))
        } catch {
            return .error(500, "the answer could not be written as JSON: \(error)")
        }
    }

    /// `{"error": message}` with `status`.
    static func error(_ status: Int, _ message: String,
                      headers: [(name: String, value: String)] = []) -> ServiceResponse {
        json(ErrorAnswer(error: message), status: status, headers: headers)
    }

    static func text(_ text: String, type: String, status: Int = 200) -> ServiceResponse {
        ServiceResponse(status: status, headers: [("content-type", type)], body: Array(text.utf8))
    }

    /// The value of header `name` (lower case), if set.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}

struct ErrorAnswer: Encodable {
    var error: String
}

/// The reason phrase of the status codes the service answers with.
public enum StatusText {
    public static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 204: return "No Content"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 421: return "Misdirected Request"
        case 422: return "Unprocessable Content"
        case 428: return "Precondition Required"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status \(status)"
        }
    }
}
