import Foundation
import SentenceAlignment
import TermLexicon
import Testing
@testable import AlignmentValidation

/// One broken fixture per alignment rule (Fixtures/<rule>/prs-en.tsv with its prs.txt and
/// en.txt), each with the exact findings in expected.txt; `clean` has none.
@Suite("alignment rules")
struct RuleFixtureTests {
    static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Fixtures"
    }()

    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    static let model = try! TaggingModel.load(LexiconSources.builtIn())

    /// The findings for a fixture, paths relative to its folder.
    static func findings(_ name: String) throws -> [String] {
        let folder = fixtures + "/" + name + "/"
        let path = folder + "prs-en.tsv"
        var document = AlignmentDocument(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        func read(_ path: String) -> SentenceFile? {
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { SentenceFile(path: path, bytes: Array($0)) }
        }
        document.source = read(document.pinned.sourcePath)
        document.target = read(document.pinned.targetPath)
        // As the command line reports a file that is not there (its strerror).
        let missing = "No such file or directory"
        if document.source == nil && !FileManager.default.fileExists(atPath: document.pinned.sourcePath) { document.sourceReadProblem = missing }
        if document.target == nil && !FileManager.default.fileExists(atPath: document.pinned.targetPath) { document.targetReadProblem = missing }
        let context = ValidationContext(model: model, realign: name == "realign-disagrees")
        return AlignmentValidator(context: context).validate(document).map { $0.description.replacingOccurrences(of: folder, with: "") }
    }

    @Test func everyRuleHasAFixture() {
        let ids = Set(AlignmentRules.all.map(\.description.id))
        #expect(ids.subtracting(Self.names).isEmpty, "rules without a fixture: \(ids.subtracting(Self.names).sorted())")
        #expect(Set(Self.names).subtracting(ids) == ["clean"])
    }

    @Test(arguments: names)
    func fixture(name: String) throws {
        let expectedPath = Self.fixtures + "/" + name + "/expected.txt"
        let expected = (try? String(contentsOfFile: expectedPath, encoding: .utf8)) ?? "(missing expected.txt)\n"
        let found = try Self.findings(name)
        // UPDATE_FIXTURES=1 swift test rewrites the expected files; read the diff before committing.
        if ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1" {
            try found.map { $0 + "\n" }.joined().write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        #expect(found.map { $0 + "\n" }.joined() == expected)
        if name == "clean" {
            #expect(found.isEmpty)
        } else {
            // The fixture breaks its own rule, at least.
            #expect(found.contains { $0.hasSuffix("[\(name)]") })
        }
    }

    @Test func everyRuleHasAHint() {
        for rule in AlignmentRules.all.map(\.description) + LexiconRuleCatalogue.rules + SuggestionRuleCatalogue.rules {
            #expect(!rule.hint.isEmpty && !rule.summary.isEmpty, "\(rule.id)")
        }
    }
}

/// The shipped Alignments/ pass every rule, warnings included (CI runs `validate --strict`).
@Suite("shipped alignments validate")
struct ShippedAlignmentValidationTests {
    @Test func noFindings() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let root = parts.joined(separator: "/") + "/Alignments"
        let validator = AlignmentValidator(context: ValidationContext(model: RuleFixtureTests.model, realign: true))
        var findings: [String] = []
        var files = 0
        for document in try FileManager.default.contentsOfDirectory(atPath: root).sorted() {
            for pair in ["prs-en.tsv", "ps-en.tsv"] {
                let path = root + "/" + document + "/" + pair
                var alignment = AlignmentDocument(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
                alignment.source = SentenceFile(path: alignment.pinned.sourcePath, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: alignment.pinned.sourcePath))))
                alignment.target = SentenceFile(path: alignment.pinned.targetPath, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: alignment.pinned.targetPath))))
                findings += validator.validate(alignment).map(\.description)
                files += 1
            }
        }
        #expect(files >= 6)
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
    }
}
