/// Which requests the service answers: its own Host names always, and writes only from its own
/// pages. A web page elsewhere can make a browser send requests here (a form, `fetch` with
/// `mode: "no-cors"`, a DNS name rebound to 127.0.0.1); none of them may change a file.
public struct RequestGuard: Sendable {
    /// The `Host` values (lower case, with the port) that name this server.
    let hosts: Set<String>
    /// Bound to every interface: any Host is accepted (the names it will be reached by are unknown),
    /// but writes must still come from a page with the same origin as that Host.
    let anyHost: Bool

    public init(host: String, port: Int) {
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        anyHost = bare == "0.0.0.0" || bare == "::"
        var names: Set<String> = [Self.hostValue(bare, port)]
        if ["127.0.0.1", "::1", "localhost"].contains(bare.lowercased()) {
            names.formUnion([Self.hostValue("127.0.0.1", port), Self.hostValue("localhost", port),
                             Self.hostValue("::1", port)])
        }
        hosts = Set(names.map { $0.lowercased() })
    }

    private static func hostValue(_ host: String, _ port: Int) -> String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// Why the request is refused (status and message), or nil when it may go on.
    /// - Parameter crossOriginAllowed: the resource may be used from any page (reconciliation).
    func refusal(_ request: ServiceRequest, crossOriginAllowed: Bool) -> (Int, String)? {
        guard let host = request.header("host")?.lowercased() else {
            return (400, "the request has no Host header")
        }
        if !anyHost && !hosts.contains(host) {
            return (421, "Host \(host) does not name this server; open it as http://\(hosts.sorted().first ?? "")/")
        }
        guard !crossOriginAllowed, Self.isUnsafe(request.method) else { return nil }
        if let origin = request.header("origin"), origin.lowercased() != "http://" + host {
            return (403, "a write from \(origin) is refused: only pages served by this server "
                + "(http://\(host)) may change files")
        }
        if request.header("sec-fetch-site")?.lowercased() == "cross-site" {
            return (403, "a cross-site write is refused: only pages served by this server may change files")
        }
        return nil
    }

    /// Methods that may change something; GET, HEAD and OPTIONS only read.
    static func isUnsafe(_ method: String) -> Bool {
        !["GET", "HEAD", "OPTIONS"].contains(method)
    }
}
