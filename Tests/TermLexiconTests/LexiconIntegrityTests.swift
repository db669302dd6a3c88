import Testing
@testable import TermLexicon
import TextNormalization

/// The quick check a lexicon given with `--lexicon` passes before it is compiled without a full
/// lint: it must say "may have errors" for every error kind it covers, and nothing for lexicons
/// lint finds sound (a false alarm costs a full lint: 40 s for a million labels).
@Suite("lexicon integrity check")
struct LexiconIntegrityTests {
    static let entities = """
        place:qatar\tplace\t\t\t
        place:doha\tplace\tplace:qatar\t\t

        """

    @Test(arguments: [
        // One entity's names in Russian and Uzbek, written alike but for their first letter (К, Қ:
        // UTF-8 D0 9A, D2 9A), languages 1 and 3 in order of appearance: the first byte differs
        // as the language numbers do, which once made them hash alike.
        ("place:qatar\ten\tpref\tQatar\t\t\nplace:qatar\tru\talt\tКатар\t\t\nplace:qatar\ttg\talt\tҚатар\t\t\n"
            + "place:qatar\tuz\talt\tҚатар\t\t\nplace:doha\ten\tpref\tDoha\t\t\n", false),
        ("place:qatar\ten\tpref\tQatar\t\t\nplace:qatar\ttg\talt\tҚатар\t\t\nplace:qatar\tuz\talt\tҚатар\t\t\n"
            + "place:doha\ten\tpref\tDoha\t\t\n", false),
        // The same label twice.
        ("place:qatar\ten\tpref\tQatar\t\t\nplace:qatar\tru\talt\tКатар\t\t\nplace:qatar\tru\talt\tКатар\t\t\n"
            + "place:doha\ten\tpref\tDoha\t\t\n", true),
        // Two prefs in one language.
        ("place:qatar\ten\tpref\tQatar\t\t\nplace:qatar\ten\tpref\tState of Qatar\t\t\n"
            + "place:doha\ten\tpref\tDoha\t\t\n", true),
        // No English pref.
        ("place:qatar\ten\tpref\tQatar\t\t\nplace:doha\tar\tpref\tالدوحة\t\t\n", true),
        // Latin letters in an Arabic-script language.
        ("place:qatar\ten\tpref\tQatar\t\t\nplace:qatar\tar\talt\tQatar\t\t\nplace:doha\ten\tpref\tDoha\t\t\n", true),
    ])
    func check(labels: String, mayHaveErrors expected: Bool) throws {
        let entities = try #require(CompactLabels.readEntities(Self.entities))
        var index: [String: Int32] = [:]
        for (position, entity) in entities.enumerated() { index[entity.id] = Int32(position) }
        let compact = try #require(CompactLabels.read(labels, entityIndex: index))
        #expect(LexiconIntegrity.mayHaveErrors(entities: entities, index: index, labels: compact) == expected)
    }
}
