import FoundationEssentials
import ProjectFiles
import Synchronization
import TermLexicon

/// What `lexalign serve` answers: the review page, the alignment API, tagging and OpenRefine
/// reconciliation (docs/SERVE.md). It turns whole requests into whole responses and knows nothing
/// of sockets; `HTTPServing` carries them. Safe to call from many threads at once.
public final class ReviewService: Sendable {
    private let alignments: AlignmentReview
    private let tagging: TagEndpoint
    private let reconciler: Reconciler
    private let entities: EntityPage
    private let assets: AssetStore
    private let guardRule = Mutex<RequestGuard?>(nil)

    /// - Parameters:
    ///   - root: the folder whose `Alignments/` is served.
    ///   - model: the compiled lexicon, from the same `sources`.
    ///   - assetsFolder: serve the page's files from this folder instead of the built-in copies
    ///     (for working on the page without rebuilding).
    public init(root: String, model: TaggingModel, sources: LexiconSources, assetsFolder: String? = nil) {
        let lexicon = LexiconService(model: model, sources: sources)
        alignments = AlignmentReview(catalog: AlignmentCatalog(root: root), lexicon: lexicon)
        tagging = TagEndpoint(lexicon: lexicon)
        reconciler = Reconciler(lexicon: lexicon)
        entities = EntityPage(lexicon: lexicon)
        assets = AssetStore(folder: assetsFolder)
    }

    /// Called once the socket is bound: the Host names requests must carry.
    public func listening(host: String, port: Int) {
        guardRule.withLock { $0 = RequestGuard(host: host, port: port) }
    }

    public func respond(to request: ServiceRequest) -> ServiceResponse {
        guard let segments = request.pathSegments else {
            return .error(400, "the path is not valid percent-encoded UTF-8")
        }
        let crossOrigin = segments.first == "reconcile"
        // Until the socket is bound the service does not know its own names: it answers nothing.
        guard let rule = guardRule.withLock({ $0 }) else { return .error(503, "the server is not listening yet") }
        if let refusal = rule.refusal(request, crossOriginAllowed: crossOrigin) {
            return .error(refusal.0, refusal.1)
        }
        var response = route(request, segments)
        response.headers += crossOrigin ? [("access-control-allow-origin", "*")] : Self.pageHeaders
        return response
    }

    /// Headers that keep other sites out of the page: no framing (a framed page could be fed
    /// keystrokes), no scripts or styles but our own, no sniffing, no referrer.
    static let pageHeaders: [(name: String, value: String)] = [
        ("content-security-policy",
         "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
        ("x-frame-options", "DENY"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-cache"),
    ]

    private func route(_ request: ServiceRequest, _ segments: [String]) -> ServiceResponse {
        let method = request.method == "HEAD" ? "GET" : request.method
        switch (method, segments.first) {
        case (_, "api"):
            return api(request, method, Array(segments.dropFirst()))
        case (_, "reconcile") where segments.count == 1:
            return reconcile(request, method)
        case ("GET", "entity") where segments.count == 2:
            let accept = request.header("accept") ?? ""
            let wantsJSON = accept.contains("application/json") || request.query["format"] == "json"
            return entities.respond(id: segments[1], wantsJSON: wantsJSON)
        case ("GET", nil):
            return assets.response(for: "index.html")
        case ("GET", let name?) where segments.count == 1:
            return assets.response(for: name)
        default:
            return .error(404, "nothing at \(request.target)")
        }
    }

    private func api(_ request: ServiceRequest, _ method: String, _ segments: [String]) -> ServiceResponse {
        switch (method, segments.count, segments.first) {
        case ("GET", 1, "alignments"):
            return alignments.listing()
        case ("GET", 3, "alignments"):
            return alignments.view(document: segments[1], pair: segments[2])
        case ("PUT", 3, "alignments"):
            return alignments.update(document: segments[1], pair: segments[2], request: request)
        case (_, 1, "alignments"), (_, 3, "alignments"):
            return .error(405, "\(request.method) is not used here",
                          headers: [("allow", segments.count == 1 ? "GET" : "GET, PUT")])
        case ("GET", 1, "tag"):
            guard let text = request.query["text"] else { return .error(400, "GET /api/tag needs ?text=") }
            return tagging.tag(Array(text.utf8), input: .text)
        case ("POST", 1, "tag"):
            return tagging.tag(request.body, input: .jsonl)
        case (_, 1, "tag"):
            return .error(405, "\(request.method) is not used here", headers: [("allow", "GET, POST")])
        default:
            return .error(404, "no API at \(request.target)")
        }
    }

    // MARK: Reconciliation

    private func reconcile(_ request: ServiceRequest, _ method: String) -> ServiceResponse {
        switch method {
        case "OPTIONS":
            return ServiceResponse(status: 204, headers: [("access-control-allow-methods", "GET, POST"),
                                                          ("access-control-allow-headers", "content-type")])
        case "GET", "POST":
            break
        default:
            return .error(405, "\(request.method) is not used here", headers: [("allow", "GET, POST, OPTIONS")])
        }
        let fields = request.query.merging(request.formFields) { _, form in form }
        let answer: ServiceResponse
        if let batch = fields["queries"] {
            answer = reconcileBatch(Array(batch.utf8))
        } else if let single = fields["query"] {
            answer = reconcileSingle(single)
        } else if method == "POST", request.header("content-type")?.lowercased().hasPrefix("application/json") == true {
            answer = reconcileJSONBody(request.body)
        } else {
            let host = request.header("host") ?? "127.0.0.1"
            answer = .json(reconciler.manifest(base: "http://" + host))
        }
        return Self.jsonp(answer, callback: fields["callback"])
    }

    /// `queries={"q0": {...}, ...}`: an object of named queries; answers keep the names.
    private func reconcileBatch(_ json: [UInt8]) -> ServiceResponse {
        let queries: [String: ReconciliationQuery]
        do {
            queries = try JSONDecoder().decode([String: ReconciliationQuery].self, from: Data(json))
        } catch {
            return .error(400, "queries is not an object of reconciliation queries: \(JSONProblem.describe(error))")
        }
        return answer(queries)
    }

    private func answer(_ queries: [String: ReconciliationQuery]) -> ServiceResponse {
        var results: [String: ReconciliationResult] = [:]
        do {
            for (name, query) in queries {
                results[name] = ReconciliationResult(result: try reconciler.candidates(for: query))
            }
        } catch {
            return .error(500, "the matcher could not be set up: \(error)")
        }
        return .json(results)
    }

    /// `query=Mottaki` or `query={"query": "Mottaki", "type": "person"}` (protocol 0.1).
    private func reconcileSingle(_ value: String) -> ServiceResponse {
        let query = (try? JSONDecoder().decode(ReconciliationQuery.self, from: Data(value.utf8)))
            ?? ReconciliationQuery(query: value)
        do {
            return .json(ReconciliationResult(result: try reconciler.candidates(for: query)))
        } catch {
            return .error(500, "the matcher could not be set up: \(error)")
        }
    }

    /// A JSON body `{"queries": {...}}` (the later drafts of the protocol).
    private func reconcileJSONBody(_ body: [UInt8]) -> ServiceResponse {
        struct Wrapped: Decodable { var queries: [String: ReconciliationQuery] }
        do {
            return answer(try JSONDecoder().decode(Wrapped.self, from: Data(body)).queries)
        } catch {
            return .error(400, "the body is not {\"queries\": {...}}: \(JSONProblem.describe(error))")
        }
    }

    /// The answer wrapped as `callback(...)` for a JSONP request (older OpenRefine front ends).
    static func jsonp(_ response: ServiceResponse, callback: String?) -> ServiceResponse {
        guard let callback, !callback.isEmpty, callback.utf8.count <= 64,
              callback.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0)
                  || $0 == "_" || $0 == "." || $0 == "$" }) else { return response }
        var wrapped = response
        wrapped.body = Array("/**/\(callback)(".utf8) + response.body + Array(");".utf8)
        wrapped.headers = wrapped.headers.filter { $0.name != "content-type" }
            + [("content-type", "text/javascript; charset=utf-8")]
        return wrapped
    }
}
