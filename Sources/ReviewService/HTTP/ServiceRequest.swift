/// One HTTP request as the service sees it: the transport (`HTTPServing`) has read the whole body.
public struct ServiceRequest: Sendable {
    public var method: String
    /// The request target as sent: path and query, percent-encoded.
    public var target: String
    /// Header names in lower case.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
        self.body = body
    }

    /// The first value of header `name` (any case).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The path's segments, percent-decoded; nil when one does not decode to UTF-8.
    public var pathSegments: [String]? {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var segments: [String] = []
        for piece in path.split(separator: "/") {
            guard let decoded = PercentEncoding.decode(piece, plusIsSpace: false) else { return nil }
            segments.append(decoded)
        }
        return segments
    }

    /// The query's parameters (`a=1&b=2`), decoded; a name given twice keeps its first value.
    public var query: [String: String] {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? PercentEncoding.formFields(parts[1]) : [:]
    }

    /// The body's fields when it is `application/x-www-form-urlencoded` (as OpenRefine posts).
    public var formFields: [String: String] {
        guard let type = header("content-type")?.lowercased(),
              type.hasPrefix("application/x-www-form-urlencoded") else { return [:] }
        return PercentEncoding.formFields(Substring(String(decoding: body, as: UTF8.self)))
    }
}

/// Percent-decoding of URL paths and form fields.
enum PercentEncoding {
    /// `text` with each `%XX` replaced by its byte (and `+` by a space in form fields); nil when
    /// an escape is malformed or the bytes are not UTF-8.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func formFields(_ text: Substring) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0], plusIsSpace: true) else { continue }
            let value = parts.count == 2 ? decode(parts[1], plusIsSpace: true) : ""
            if fields[name] == nil, let value { fields[name] = value }
        }
        return fields
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `text` escaped for a URL path segment (RFC 3986 unreserved characters kept).
    static func encodePathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: ":"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
