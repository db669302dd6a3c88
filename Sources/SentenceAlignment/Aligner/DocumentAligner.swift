import Dispatch
import Synchronization
import TermLexicon
import TextNormalization

/// Aligns two documents given as sentences: works out each side's features (the two sides on two
/// threads: normalising, romanising and tagging take about a quarter of a long document's time)
/// and runs `SentenceAligner`.
public struct DocumentAligner {
    public var parameters: AlignerParameters
    private let model: TaggingModel?

    /// - Parameter model: the tagging model whose entities anchor the alignment; nil for none.
    public init(model: TaggingModel?, parameters: AlignerParameters = AlignerParameters()) {
        self.model = model
        self.parameters = parameters
    }

    public func align(source: [String], sourceLanguage: Language, target: [String], targetLanguage: Language)
        throws(NormalizationSetupError) -> [Bead] {
        let (sourceFeatures, targetFeatures, table) = try features(source, sourceLanguage, target, targetLanguage)
        return SentenceAligner(parameters: parameters).align(
            source: sourceFeatures, target: targetFeatures, anchors: table,
            model: .fitted(source: sourceLanguage, target: targetLanguage))
    }

    /// A scorer for beads over these sentences (to score a reviewer's beads, or judge them).
    public func scorer(source: [String], sourceLanguage: Language, target: [String], targetLanguage: Language)
        throws(NormalizationSetupError) -> BeadScorer {
        let (sourceFeatures, targetFeatures, table) = try features(source, sourceLanguage, target, targetLanguage)
        return SentenceAligner(parameters: parameters).scorer(
            source: sourceFeatures, target: targetFeatures, anchors: table,
            model: .fitted(source: sourceLanguage, target: targetLanguage))
    }

    private func features(_ source: [String], _ sourceLanguage: Language,
                          _ target: [String], _ targetLanguage: Language)
        throws(NormalizationSetupError) -> ([SentenceFeatures], [SentenceFeatures], AnchorTable) {
        let sides = Sides(sentences: [source, target],
                          extractors: [try FeatureExtractor(language: sourceLanguage, model: model),
                                       try FeatureExtractor(language: targetLanguage, model: model)])
        DispatchQueue.concurrentPerform(iterations: 2) { side in sides.extract(side) }
        // The target's anchors renumbered as if both sides had shared one table, source first: the
        // ids, and so every sum over them, are those of a single thread's run.
        let (sourceFeatures, sourceTable) = sides.result(0)
        let (targetFeatures, targetTable) = sides.result(1)
        var table = sourceTable
        let renumbered = targetTable.names.map { table.id($0) }
        let target = targetFeatures.map { features in
            var features = features
            features.anchors = features.anchors.map { renumbered[Int($0)] }.sorted()
            return features
        }
        return (sourceFeatures, target, table)
    }

    /// The two sides' sentences, extractors and results: thread k reads sentences k, uses only
    /// extractor k (an extractor serves one thread) and writes only result k, under a lock; the
    /// results are read after both threads finish.
    private final class Sides: @unchecked Sendable {
        private let sentences: [[String]]
        private let extractors: [FeatureExtractor]
        private let results = Mutex<[([SentenceFeatures], AnchorTable)?]>([nil, nil])

        init(sentences: [[String]], extractors: [FeatureExtractor]) {
            self.sentences = sentences
            self.extractors = extractors
        }

        func extract(_ side: Int) {
            var table = AnchorTable()
            let features = extractors[side].features(of: sentences[side], anchors: &table)
            results.withLock { $0[side] = (features, table) }
        }

        func result(_ side: Int) -> ([SentenceFeatures], AnchorTable) { results.withLock { $0[side]! } }
    }
}
