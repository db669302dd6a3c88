import Testing
@testable import ReviewService

/// The parts of a request the service decides on: decoded paths and forms, the Host and Origin
/// rules, and If-Match.
@Suite("requests")
struct RequestTests {
    @Test(arguments: [
        ("/api/alignments/qosh-tepa-canal/prs-en", ["api", "alignments", "qosh-tepa-canal", "prs-en"]),
        ("/entity/person%3Aamir-khan-muttaqi?format=json", ["entity", "person:amir-khan-muttaqi"]),
        ("/", []),
        ("//a///b/", ["a", "b"]),
        ("/%D9%85%D8%AA%D9%82%DB%8C", ["متقی"]),
    ])
    func pathSegmentsAreDecoded(target: String, segments: [String]) {
        #expect(ServiceRequest(method: "GET", target: target, headers: []).pathSegments == segments)
    }

    @Test(arguments: ["/%ff", "/%4", "/%zz"])
    func aMalformedPathHasNoSegments(target: String) {
        #expect(ServiceRequest(method: "GET", target: target, headers: []).pathSegments == nil)
    }

    @Test(arguments: [
        ("queries=%7B%22q0%22%3A1%7D&x=a+b", ["queries": "{\"q0\":1}", "x": "a b"]),
        ("a=1&a=2&b", ["a": "1", "b": ""]),
        ("text=%D8%AF%D8%A7%D8%B9%D8%B4", ["text": "داعش"]),
    ])
    func formFieldsAreDecoded(form: String, fields: [String: String]) {
        #expect(PercentEncoding.formFields(Substring(form)) == fields)
        let request = ServiceRequest(method: "POST", target: "/reconcile",
                                     headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
        #expect(request.formFields == fields)
        #expect(ServiceRequest(method: "GET", target: "/x?" + form, headers: []).query == fields)
    }

    struct GuardCase: Sendable, CustomTestStringConvertible {
        var bound: String
        var method: String
        var headers: [(name: String, value: String)]
        var crossOriginAllowed = false
        var refused: Int?
        var testDescription: String { "\(bound) \(method) \(headers.map { "\($0.name): \($0.value)" }) → \(refused ?? 0)" }
    }

    static let guardCases: [GuardCase] = [
        GuardCase(bound: "127.0.0.1", method: "GET", headers: [("Host", "127.0.0.1:8080")], refused: nil),
        GuardCase(bound: "127.0.0.1", method: "GET", headers: [("Host", "localhost:8080")], refused: nil),
        GuardCase(bound: "127.0.0.1", method: "GET", headers: [("Host", "[::1]:8080")], refused: nil),
        GuardCase(bound: "127.0.0.1", method: "GET", headers: [("Host", "127.0.0.1:9090")], refused: 421),
        GuardCase(bound: "127.0.0.1", method: "GET", headers: [("Host", "rebound.example:8080")], refused: 421),
        GuardCase(bound: "127.0.0.1", method: "GET", headers: [], refused: 400),
        GuardCase(bound: "127.0.0.1", method: "PUT", headers: [("Host", "127.0.0.1:8080")], refused: nil),
        GuardCase(bound: "127.0.0.1", method: "PUT", headers: [("Host", "127.0.0.1:8080"), ("Origin", "http://127.0.0.1:8080")],
                  refused: nil),
        GuardCase(bound: "127.0.0.1", method: "PUT", headers: [("Host", "127.0.0.1:8080"), ("Origin", "http://localhost:8080")],
                  refused: 403),
        GuardCase(bound: "127.0.0.1", method: "PUT", headers: [("Host", "127.0.0.1:8080"), ("Origin", "null")], refused: 403),
        GuardCase(bound: "127.0.0.1", method: "POST", headers: [("Host", "127.0.0.1:8080"), ("Sec-Fetch-Site", "cross-site")],
                  refused: 403),
        GuardCase(bound: "127.0.0.1", method: "POST", headers: [("Host", "127.0.0.1:8080"), ("Origin", "https://evil.example")],
                  crossOriginAllowed: true, refused: nil),
        GuardCase(bound: "0.0.0.0", method: "GET", headers: [("Host", "review.lan:8080")], refused: nil),
        GuardCase(bound: "0.0.0.0", method: "PUT", headers: [("Host", "review.lan:8080"), ("Origin", "http://review.lan:8080")],
                  refused: nil),
        GuardCase(bound: "0.0.0.0", method: "PUT", headers: [("Host", "review.lan:8080"), ("Origin", "http://evil.example")],
                  refused: 403),
    ]

    @Test(arguments: guardCases)
    func hostsAndOriginsAreChecked(item: GuardCase) {
        let rule = RequestGuard(host: item.bound, port: 8080)
        let request = ServiceRequest(method: item.method, target: "/api/alignments", headers: item.headers)
        #expect(rule.refusal(request, crossOriginAllowed: item.crossOriginAllowed)?.0 == item.refused)
    }

    @Test(arguments: [
        ("\"abc\"", true), ("W/\"abc\"", true), ("\"x\", \"abc\"", true), ("*", true), ("abc", true),
        ("\"abcd\"", false), ("\"\"", false),
    ])
    func ifMatchNamesTheVersion(header: String, matches: Bool) {
        #expect(AlignmentReview.matches(header, "abc") == matches)
    }

    @Test(arguments: [
        ("Mottaki", ["Mottaki"]), ("MOTAQI", ["MOTAQI", "Motaqi"]),
        ("amir khan muttaqi", ["amir khan muttaqi", "Amir Khan Muttaqi"]),
        ("متقی", ["متقی"]), ("Muttaqi-MOTAQI", ["Muttaqi-MOTAQI"]),
    ])
    func oneCaseLatinIsAlsoReadCapitalised(query: String, readings: [String]) {
        #expect(Reconciler.readings(of: query) == readings)
    }

    @Test(arguments: [
        (" \"Kabul\" ", "Kabul"), ("\tکابل\n", "کابل"), ("'", ""), ("Dera Ismail Khan", "Dera Ismail Khan"),
    ])
    func cellsAreTrimmed(cell: String, trimmed: String) {
        #expect(Reconciler.trimmed(cell) == trimmed)
    }

    @Test(arguments: [
        ("cb", true), ("jQuery123_456.x$", true), ("", false), ("a(b)", false), ("alert(1)//", false),
    ])
    func onlyPlainCallbackNamesWrapJSONP(callback: String, wraps: Bool) {
        let answer = ServiceResponse(status: 200, headers: [("content-type", "application/json")], body: Array("{}".utf8))
        let wrapped = ReviewService.jsonp(answer, callback: callback)
        #expect((wrapped.body != answer.body) == wraps)
    }
}
