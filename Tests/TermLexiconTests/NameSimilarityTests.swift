import Testing
import TermLexicon

/// Whole names compared in the phonetic space (reconciliation): spellings of one name score high
/// across letters, doubled letters and scripts; different names score low.
@Suite("name similarity")
struct NameSimilarityTests {
    @Test(arguments: [
        ("Sirajudin Haqqani", "Sirajuddin Haqqani", 0.95, 1.0),
        ("Abdul Ghani Beradar", "Abdul Ghani Baradar", 0.95, 0.99),
        ("Zalmay Khalilzaad", "Zalmay Khalilzad", 0.95, 1.0),
        ("سراج الدین حقانی", "Sirajuddin Haqqani", 0.8, 0.95),
        ("حقانی", "حقاني", 0.95, 1.0),
        ("John Smith", "Ashraf Ghani", 0.0, 0.5),
        ("Abdul Ghani Baradar", "Ashraf Ghani", 0.0, 0.6),
        ("Kabul University", "Kabul", 0.0, 0.6),
    ])
    func namesScore(a: String, b: String, atLeast: Double, atMost: Double) throws {
        let similarity = try NameSimilarity()
        let score = NameSimilarity.score(similarity.symbols(of: a), similarity.symbols(of: b))
        #expect(score >= atLeast && score <= atMost, "\(a) / \(b): \(score)")
    }
}
