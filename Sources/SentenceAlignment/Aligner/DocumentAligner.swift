import TermLexicon
import TextNormalization

/// Aligns two documents given as sentences: works out each side's features (the two sides on two
/// threads would gain little against the search, so one thread) and runs `SentenceAligner`.
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

    private func features(_ source: [String], _ sourceLanguage: Language, _ target: [String], _ targetLanguage: Language)
        throws(NormalizationSetupError) -> ([SentenceFeatures], [SentenceFeatures], AnchorTable) {
        var table = AnchorTable()
        let sourceFeatures = try FeatureExtractor(language: sourceLanguage, model: model).features(of: source, anchors: &table)
        let targetFeatures = try FeatureExtractor(language: targetLanguage, model: model).features(of: target, anchors: &table)
        return (sourceFeatures, targetFeatures, table)
    }
}
