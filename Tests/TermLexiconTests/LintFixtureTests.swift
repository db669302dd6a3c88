import Foundation
import Testing
import TermLexicon
import TextNormalization

/// One broken lexicon per lint rule (Fixtures/<rule>/), each with the exact diagnostics it must give.
@Suite("lexicon lint")
struct LintFixtureTests {
    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Every rule the parser and linter can report; each needs a fixture.
    static let rules = [
        "affix-kind", "arabic-letter", "broader-cycle", "conflict-marker", "duplicate-id", "duplicate-label", "duplicate-pref",
        "empty-label", "empty-lexicon", "encoding", "field-count", "id-syntax", "invalid-utf8", "line-end", "missing-en-pref",
        "frequent-word", "mixed-script", "negative-conflict", "nul-byte", "office-title", "proper-flag", "redundant-label",
        "script-mismatch", "shared-key", "stray-space", "suffixed-label", "type-mismatch", "unknown-broader", "unknown-flag",
        "unknown-id", "unknown-kind", "unknown-lang", "unknown-type", "unsorted", "wikidata-syntax",
        "unknown-scheme", "identifier-syntax", "identifier-type", "duplicate-identifier", "shared-identifier", "cldr-name",
        "affix-after",
    ]

    @Test func everyRuleHasAFixture() {
        #expect(Set(LintFixtureTests.fixtures) == Set(LintFixtureTests.rules + ["clean"]))
    }

    @Test(arguments: fixtures)
    func fixtureGivesItsDiagnostics(name: String) throws {
        let directory = fixturesDirectory.appendingPathComponent(name)
        let expected = try readText(directory.appendingPathComponent("expected.txt"))
            .split(separator: "\n").map(String.init)
        let diagnostics = try LexiconLinter().lint(try lexiconSources(in: directory)).map(\.description)
        #expect(diagnostics == expected)
        if name != "clean" {
            #expect(!diagnostics.isEmpty)
            let rule = name == "affix-kind" ? "unknown-kind" : name
            #expect(diagnostics.contains { $0.hasSuffix("[\(rule)]") }, "\(name) must report its own rule")
        }
    }

    @Test func theShippedLexiconIsClean() throws {
        let diagnostics = try LexiconLinter().lint(try lexiconSources(in: repositoryRoot.appendingPathComponent("Lexicons")))
        #expect(diagnostics.map(\.description) == [])
    }

    @Test func theBuiltInCopyIsTheShippedFiles() throws {
        let builtIn = LexiconSources.builtIn()
        let shipped = try lexiconSources(in: repositoryRoot.appendingPathComponent("Lexicons"))
        #expect(builtIn.entities.text == shipped.entities.text)
        #expect(builtIn.labels.text == shipped.labels.text)
        #expect(builtIn.affixes.text == shipped.affixes.text)
        #expect(builtIn.identifiers.text == shipped.identifiers.text)
    }
}
