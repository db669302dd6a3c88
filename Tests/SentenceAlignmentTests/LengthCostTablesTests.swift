#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import SentenceAlignment

/// The aligner's search reads its length costs from tables; they must give what the model's
/// formulas give (the bead files of the benchmark documents came out byte-identical).
@Suite("length cost tables")
struct LengthCostTablesTests {
    static let model = SentenceAligner().tuned(LengthModel.fitted(source: .english, target: .pashto))
    static let tables = LengthCostTables(model: model, deletionScale: 0.2)

    /// Tail costs between grid points, on them, and beyond the grid (computed directly).
    @Test(arguments: [0.0, 0.001, 0.37, 0.5, 1.0, 1.2345, 2.999, 3.0, 5.5, 8.1, 12.7, 15.999, 16.0, 25.0, -2.4])
    func tailCostsEqualTheModel(z: Double) {
        let exact = LengthModel.cost(z: z)
        #expect(abs(LengthCostTables.tailCost(z: z) - exact) <= 1e-11 * max(1, exact), "z \(z)")
    }

    /// Deviations and deletion costs of lengths inside and outside the tables.
    @Test(arguments: [
        (1, 1, 1, 1), (0, 12, 0, 3), (40, 37, 9, 11), (120, 95, 20, 24), (4094, 4000, 700, 650),
        (4095, 4096, 800, 801), (9000, 8500, 1500, 1400),
    ])
    func deviationsAndDeletionsEqualTheModel(source: Int, target: Int, sourceWords: Int, targetWords: Int) {
        let tables = LengthCostTablesTests.tables
        let exact = LengthCostTablesTests.model.z(sourceLength: source, targetLength: target, sourceWords: sourceWords,
                                                   targetWords: targetWords)
        let tabled = tables.z(sourceLength: source, targetLength: target, sourceWords: sourceWords,
                              targetWords: targetWords)
        #expect(abs(tabled - exact) <= 1e-12 * max(1, abs(exact)))
        #expect(tables.deletionCost(length: source) == 0.2 * log(1 + Double(source) / 10))
    }
}
