import ContentHash
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `lexalign serve` over real HTTP: every endpoint and status code, saves on disk, writes from
/// other origins refused, concurrent saves, and clean stops.
@Suite("serve", .serialized)
struct ServeTests {
    static let pair = "/api/alignments/qosh-tepa-canal/prs-en"
    static let beadFile = "Alignments/qosh-tepa-canal/prs-en.tsv"
    static let json = [("Content-Type", "application/json")]

    /// The bead file's object as GET returns it, with `change` applied to its beads.
    static func edited(_ server: RunningServer, _ change: (inout [[String: Any]]) -> Void) throws -> (Data, String) {
        let answer = try server.send("GET", pair)
        var object = try #require(try answer.json() as? [String: Any])
        var beads = try #require(object["beads"] as? [[String: Any]])
        change(&beads)
        object["beads"] = beads
        return (try JSONSerialization.data(withJSONObject: object), try #require(answer.headers["etag"]))
    }

    struct StatusCase: CustomTestStringConvertible, Sendable {
        var method: String
        var target: String
        var headers: [(String, String)] = []
        var body = ""
        var status: Int
        var testDescription: String { "\(method) \(target) → \(status)" }
    }

    static let statusCases: [StatusCase] = [
        StatusCase(method: "GET", target: "/", status: 200),
        StatusCase(method: "GET", target: "/review.js", status: 200),
        StatusCase(method: "GET", target: "/review.css", status: 200),
        StatusCase(method: "GET", target: "/missing.js", status: 404),
        StatusCase(method: "GET", target: "/.hidden.js", status: 404),
        StatusCase(method: "GET", target: "/api/alignments", status: 200),
        StatusCase(method: "POST", target: "/api/alignments", status: 405),
        StatusCase(method: "GET", target: pair, status: 200),
        StatusCase(method: "HEAD", target: pair, status: 200),
        StatusCase(method: "DELETE", target: pair, status: 405),
        StatusCase(method: "GET", target: "/api/alignments/qosh-tepa-canal/xx-yy", status: 404),
        StatusCase(method: "GET", target: "/api/alignments/..%2F..%2Fetc/prs-en", status: 404),
        StatusCase(method: "GET", target: "/api/alignments/%ff/prs-en", status: 400),
        StatusCase(method: "PUT", target: pair, headers: json, body: "{}", status: 428),
        StatusCase(method: "PUT", target: pair, headers: json + [("If-Match", "\"0\"")], body: "{\"beads\":", status: 400),
        StatusCase(method: "PUT", target: pair, headers: json + [("If-Match", "\"0\"")], body: "{\"beads\":[]}", status: 409),
        StatusCase(method: "PUT", target: pair, headers: [("Origin", "http://example.com"), ("If-Match", "*")],
                   body: "{\"beads\":[]}", status: 403),
        StatusCase(method: "PUT", target: pair, headers: [("Sec-Fetch-Site", "cross-site"), ("If-Match", "*")],
                   body: "{\"beads\":[]}", status: 403),
        StatusCase(method: "GET", target: "/api/alignments", headers: [("Host", "attacker.example:80")], status: 421),
        StatusCase(method: "GET", target: "/api/tag?text=Kabul", status: 200),
        StatusCase(method: "GET", target: "/api/tag", status: 400),
        StatusCase(method: "POST", target: "/api/tag", body: "{\"text\":\"Kabul\"}", status: 200),
        StatusCase(method: "POST", target: "/api/tag", headers: [("Origin", "http://example.com")], body: "{}", status: 403),
        StatusCase(method: "PUT", target: "/api/tag", status: 405),
        StatusCase(method: "GET", target: "/reconcile", status: 200),
        StatusCase(method: "OPTIONS", target: "/reconcile", status: 204),
        StatusCase(method: "POST", target: "/reconcile", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                   body: "queries=%7B", status: 400),
        StatusCase(method: "DELETE", target: "/reconcile", status: 405),
        StatusCase(method: "GET", target: "/entity/place:kabul", status: 200),
        StatusCase(method: "GET", target: "/entity/place:nowhere", status: 404),
        StatusCase(method: "GET", target: "/api/nothing", status: 404),
    ]

    @Test func everyEndpointAnswersWithItsStatus() throws {
        let server = try RunningServer()
        let before = try Data(contentsOf: URL(fileURLWithPath: server.path(Self.beadFile)))
        for item in Self.statusCases {
            let answer = try server.send(item.method, item.target, headers: item.headers, body: Data(item.body.utf8))
            #expect(answer.status == item.status, "\(item.testDescription): \(answer.status) \(answer.text.prefix(300))")
            // Every answer but a HEAD, a 204 and the page's files carries a JSON or HTML body.
            if item.method != "HEAD" && item.status != 204 {
                #expect(!answer.body.isEmpty, "\(item.testDescription)")
            }
            if item.status >= 400 && !item.target.hasPrefix("/entity/") {
                #expect((try? answer.json() as? [String: Any])?["error"] is String, "\(item.testDescription)")
            }
        }
        // None of the refused writes touched the file.
        #expect(try Data(contentsOf: URL(fileURLWithPath: server.path(Self.beadFile))) == before)
        let stopped = server.stop()
        #expect(stopped.status == 0 && stopped.reason == .exit)
        // One log line per request after the address line.
        let requestLines = stopped.log.split(separator: "\n").filter { $0.contains("\" ") }
        #expect(requestLines.count == Self.statusCases.count, "\(stopped.log)")
    }

    @Test func theListShowsEveryShippedDocumentAndPair() throws {
        let server = try RunningServer()
        let listing = try #require(try server.send("GET", "/api/alignments").json() as? [String: Any])
        let entries = try #require(listing["alignments"] as? [[String: Any]])
        let names = entries.map { "\($0["document"]!)/\($0["pair"]!)" }
        #expect(names == ["kabul-daesh-neighbours/prs-en", "kabul-daesh-neighbours/ps-en", "qosh-tepa-canal/prs-en",
                          "qosh-tepa-canal/ps-en", "torkham-border-trade/prs-en", "torkham-border-trade/ps-en"])
        for entry in entries {
            let statuses = try #require(entry["statuses"] as? [String: Int])
            #expect(statuses.values.reduce(0, +) == entry["beads"] as? Int)
            #expect(entry["errors"] as? Int == 0)
        }
    }

    @Test func aBeadShowsItsTextsMentionsAndDirection() throws {
        let server = try RunningServer()
        let answer = try server.send("GET", Self.pair)
        let etag = try #require(answer.headers["etag"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: server.path(Self.beadFile)))
        #expect(etag == "\"\(SHA256.hex(of: bytes))\"")
        let object = try #require(try answer.json() as? [String: Any])
        #expect((object["source"] as? [String: Any])?["direction"] as? String == "rtl")
        #expect((object["target"] as? [String: Any])?["direction"] as? String == "ltr")
        let first = try #require((object["beads"] as? [[String: Any]])?.first)
        #expect(first["source"] as? String == "1" && first["target"] as? String == "1")
        #expect(first["status"] as? String == "reviewed")
        let mentions = try #require(first["sourceMentions"] as? [[String: Any]])
        // طالبان at the start of the Dari sentence; offsets in code points and UTF-16 units.
        let taliban = try #require(mentions.first)
        #expect(taliban["id"] as? String == "org:taliban" && taliban["label"] as? String == "Taliban")
        #expect(taliban["start"] as? Int == 0 && taliban["end"] as? Int == 6 && taliban["end16"] as? Int == 6)
    }

    @Test func aSaveChangesOnlyTheEditedBeadAndAStaleOneIsRefused() throws {
        let server = try RunningServer()
        let path = server.path(Self.beadFile)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let (body, etag) = try Self.edited(server) { $0[1]["status"] = "rejected" }
        let saved = try server.send("PUT", Self.pair, headers: Self.json + [("If-Match", etag)], body: body)
        #expect(saved.status == 200, "\(saved.text.prefix(300))")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first?.1.split(separator: "\t")[3] == "rejected")
        #expect(saved.headers["etag"] == "\"\(SHA256.hex(of: Array(after.utf8)))\"")
        // The same edit again, based on the version before the save: the file changed since.
        let stale = try server.send("PUT", Self.pair, headers: Self.json + [("If-Match", etag)], body: body)
        #expect(stale.status == 409)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == after)
        // The validator still finds nothing wrong with the saved file.
        #expect(try CLIRunner.run(["validate", path]).status == 0)
    }

    @Test func aMergeIsRescoredAndAGapIsRefusedWithTheFileUntouched() throws {
        let server = try RunningServer()
        let path = server.path(Self.beadFile)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let (gap, etag) = try Self.edited(server) { $0.remove(at: 2) }
        let refused = try server.send("PUT", Self.pair, headers: Self.json + [("If-Match", etag)], body: gap)
        #expect(refused.status == 422)
        let findings = try #require((try refused.json() as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "coverage" && $0["severity"] as? String == "error" })
        // A status the reader cannot take is still named with the bead it was sent as.
        let (badStatus, _) = try Self.edited(server) { $0[3]["status"] = "done" }
        let named = try server.send("PUT", Self.pair, headers: Self.json + [("If-Match", etag)], body: badStatus)
        let badFindings = try #require((try named.json() as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(named.status == 422)
        #expect(badFindings.contains { $0["rule"] as? String == "bad-status" && $0["bead"] as? Int == 3 })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // Beads 1 and 2 merged into one: its refs span both, its score is the aligner's, not a copy.
        let (merged, _) = try Self.edited(server) { beads in
            beads[0]["target"] = "1-3"
            beads[0]["status"] = "auto"
            beads.remove(at: 1)
            beads[0]["source"] = "1-2"
        }
        let saved = try server.send("PUT", Self.pair, headers: Self.json + [("If-Match", etag)], body: merged)
        #expect(saved.status == 200, "\(saved.text.prefix(400))")
        let row = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")[3].split(separator: "\t")
        #expect(row[0] == "1-2" && row[1] == "1-3" && row[3] == "auto")
        // `align rescore` on the saved file gives the same score.
        let copy = try server.root.file("copy/prs-en.tsv", try String(contentsOfFile: path, encoding: .utf8))
        for name in ["prs.txt", "en.txt"] {
            try FileManager.default.copyItem(atPath: server.path("Alignments/qosh-tepa-canal/" + name),
                                             toPath: server.root.directory.appendingPathComponent("copy/" + name).path)
        }
        #expect(try CLIRunner.run(["align", "rescore", copy]).status == 0)
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func ofTwoSavesOfTheSameVersionOneWins() throws {
        let server = try RunningServer()
        let (first, etag) = try Self.edited(server) { $0[0]["status"] = "rejected" }
        let (second, _) = try Self.edited(server) { $0[1]["status"] = "rejected" }
        let statuses = LockedStatuses()
        let port = server.port
        let threads = [first, second].map { body in
            Thread {
                let answer = try? HTTPAnswer.send(port: port, method: "PUT", target: Self.pair,
                                                  headers: Self.json + [("If-Match", etag)], body: body)
                statuses.add(answer?.status ?? 0)
            }
        }
        threads.forEach { $0.start() }
        while statuses.count < 2 { Thread.sleep(forTimeInterval: 0.01) }
        #expect(statuses.sorted == [200, 409])
    }

    @Test func tagAnswersWhatTheTagCommandWrites() throws {
        let server = try RunningServer()
        let line = "Muttaqi met Pakistan's envoy in کابل on Monday."
        let expected = try CLIRunner.run(["tag"], stdin: line + "\n").output
        let query = line.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(try server.send("GET", "/api/tag?text=" + query).text == expected)
        let records = "{\"text\":\"ISKP claimed it\"}\nnot json\n"
        let expectedRecords = try CLIRunner.run(["tag", "--input", "jsonl"], stdin: records).output
        #expect(try server.send("POST", "/api/tag", body: Data(records.utf8)).text == expectedRecords)
    }

    struct ReconcileCase: Sendable, CustomTestStringConvertible {
        var query: String
        var type: String?
        var best: String?
        var match: Bool
        var testDescription: String { "\(query) → \(best ?? "nothing")" }
    }

    /// Listed names, their key forms, unlisted spellings (the fuzzy pass), and the ambiguous.
    static let reconcileCases: [ReconcileCase] = [
        ReconcileCase(query: "Amir Khan Muttaqi", type: "person", best: "person:amir-khan-muttaqi", match: true),
        ReconcileCase(query: "متقي", best: "person:amir-khan-muttaqi", match: true),
        ReconcileCase(query: "MOTAQI", best: "person:amir-khan-muttaqi", match: true),
        ReconcileCase(query: "Amir Khan Mutaqqi", best: "person:amir-khan-muttaqi", match: false),
        ReconcileCase(query: "Zabiullah Mujahed", best: "person:zabihullah-mujahid", match: false),
        ReconcileCase(query: "Jalalabaad", best: "place:jalalabad", match: false),
        // One word listed (Haqqani, Ghani: the latter another person's), the rest unlisted: the
        // whole string is heard against the labels as one name.
        ReconcileCase(query: "Sirajudin Haqqani", best: "person:sirajuddin-haqqani", match: false),
        ReconcileCase(query: "Abdul Ghani Beradar", best: "person:abdul-ghani-baradar", match: false),
        ReconcileCase(query: "John Smith", best: nil, match: false),
        ReconcileCase(query: "ISIS-K", best: "org:iskp", match: true),
        ReconcileCase(query: " daesh ", best: "org:isis", match: true),
        ReconcileCase(query: "Dera Ismail Khan", best: "place:dera-ismail-khan", match: true),
        ReconcileCase(query: "Kabul", type: "person", best: nil, match: false),
        // Two people are written Mottaki: both offered, neither matched automatically.
        ReconcileCase(query: "Mottaki", best: "person:amir-khan-muttaqi", match: false),
    ]

    @Test func reconciliationRanksTheLexiconsEntities() throws {
        let server = try RunningServer()
        let manifest = try #require(try server.send("GET", "/reconcile").json() as? [String: Any])
        #expect(manifest["identifierSpace"] as? String == "urn:lexalign:entity")
        #expect(((manifest["defaultTypes"] as? [[String: Any]]) ?? []).map { $0["id"] as? String } == ["person", "org", "place"])
        #expect((manifest["view"] as? [String: Any])?["url"] as? String == "http://127.0.0.1:\(server.port)/entity/{{id}}")

        var queries: [String: Any] = [:]
        for (index, item) in Self.reconcileCases.enumerated() {
            queries["q\(index)"] = ["query": item.query, "limit": 3].merging(item.type.map { ["type": $0] } ?? [:]) { a, _ in a }
        }
        let form = "queries=" + (String(decoding: try JSONSerialization.data(withJSONObject: queries), as: UTF8.self)
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let answer = try server.send("POST", "/reconcile", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                     body: Data(form.utf8))
        #expect(answer.headers["access-control-allow-origin"] == "*")
        let results = try #require(try answer.json() as? [String: [String: [[String: Any]]]])
        for (index, item) in Self.reconcileCases.enumerated() {
            let candidates = results["q\(index)"]?["result"] ?? []
            #expect(candidates.first?["id"] as? String == item.best, "\(item.testDescription): \(candidates)")
            #expect((candidates.first?["match"] as? Bool ?? false) == item.match, "\(item.testDescription)")
            #expect(candidates.count <= 3)
        }
        // The protocol-0.1 form: one query, as a string or an object (a limit as a string too).
        let single = try #require(try server.send("GET", "/reconcile?query=Jalalabad").json() as? [String: Any])
        #expect(((single["result"] as? [[String: Any]])?.first)?["id"] as? String == "place:jalalabad")
        let object = "%7B%22query%22%3A%22Kabul%22%2C%22type%22%3A%22place%22%2C%22limit%22%3A%221%22%7D"
        let limited = try #require(try server.send("GET", "/reconcile?query=" + object).json() as? [String: Any])
        #expect((limited["result"] as? [[String: Any]])?.map { $0["id"] as? String } == ["place:kabul"])
        // JSONP, for front ends that cannot read a cross-origin answer.
        let wrapped = try server.send("GET", "/reconcile?callback=jsonp123")
        #expect(wrapped.text.hasPrefix("/**/jsonp123({") && wrapped.text.hasSuffix("});"))
        // The manifest's view: an entity's labels, identifiers and broader chain.
        let entity = try #require(try server.send("GET", "/entity/place:kabul", headers: [("Accept", "application/json")])
            .json() as? [String: Any])
        #expect(entity["broader"] as? [String] == ["place:kabul-province", "place:afghanistan"])
        #expect(((entity["labels"] as? [[String: Any]]) ?? []).contains { $0["text"] as? String == "کابل" })
    }

    /// Also after a save: the writer's interrupt cleanup must not take the signals over.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalStopsItCleanly(signal number: Int32) throws {
        let server = try RunningServer()
        #expect(try server.send("GET", "/api/alignments").status == 200)
        let (body, etag) = try Self.edited(server) { $0[0]["status"] = "rejected" }
        #expect(try server.send("PUT", Self.pair, headers: Self.json + [("If-Match", etag)], body: body).status == 200)
        let stopped = server.stop(number)
        #expect(stopped.status == 0 && stopped.reason == .exit, "\(stopped.log)")
    }

    /// A body over 32 MiB is refused before anything reads it, and the connection closed.
    @Test func aBodyTooLargeIsRefused() throws {
        let server = try RunningServer()
        let answer = try server.send("POST", "/api/tag", body: Data(repeating: UInt8(ascii: "a"), count: (32 << 20) + 1))
        #expect(answer.status == 413)
        #expect(answer.headers["connection"] == "close")
        #expect(try server.send("GET", "/api/tag?text=Kabul").status == 200)
    }

    @Test func aTakenPortIsAnErrorNamingIt() throws {
        let server = try RunningServer()
        let second = try CLIRunner.run(["serve", "--port", String(server.port), server.root.directory.path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot serve on 127.0.0.1:\(server.port)"))
    }
}

final class LockedStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ value: Int) { lock.withLock { values.append(value) } }
    var count: Int { lock.withLock { values.count } }
    var sorted: [Int] { lock.withLock { values.sorted() } }
}
