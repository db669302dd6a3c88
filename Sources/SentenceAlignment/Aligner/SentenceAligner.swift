/// Aligns two documents' sentences into beads that cover every sentence once, in order.
///
/// The search is dynamic programming over the bead kinds of `AlignerParameters.kinds`, scored by
/// `BeadCost` (length model, shared anchors, distance from the length diagonal). Short documents
/// get the exact search. Longer ones are first aligned in blocks of `coarseBlockSize` sentences
/// (the block alignment itself banded the same way beyond `coarseExactCellLimit` cells); the
/// sentence-level search then runs only in a band of `2k + bandMargin` sentences around that
/// coarse path, k the block size, so time and memory grow linearly with length (after Vecalign's
/// approximation, with blocks instead of averaged embeddings).
public struct SentenceAligner: Sendable {
    public var parameters: AlignerParameters

    public init(parameters: AlignerParameters = AlignerParameters()) {
        self.parameters = parameters
    }

    /// - Parameters:
    ///   - source, target: each side's sentence features, anchors interned in `anchors`.
    ///   - model: the length model for source → target.
    /// - Complexity: O((n + m) · w) time and memory, w the band width; exact O(n · m) below
    ///   `exactCellLimit` cells.
    public func align(source: [SentenceFeatures], target: [SentenceFeatures], anchors: AnchorTable,
                      model fitted: LengthModel) -> [Bead] {
        var cost = BeadCost(source: source, target: target, table: anchors, model: tuned(fitted),
                            parameters: parameters)
        let lattice = band(source: source, target: target, anchors: anchors, model: fitted)
        var beads = lattice.bestPath(kinds: parameters.kinds, cost: &cost)
        for index in beads.indices {
            let bead = beads[index]
            beads[index].score = cost.score(bead.source.lowerBound, bead.source.upperBound,
                                            bead.target.lowerBound, bead.target.upperBound)
        }
        return beads
    }

    /// The fitted model with this aligner's word share and spread.
    func tuned(_ fitted: LengthModel) -> LengthModel {
        var model = fitted
        model.wordShare = parameters.wordShare
        for measure in [\LengthModel.characters, \LengthModel.words] {
            model[keyPath: measure].base *= parameters.spread
            model[keyPath: measure].scale *= parameters.spread
        }
        return model
    }

    /// Scores and length deviations of given beads (a reviewer's, say), as the search would
    /// score them.
    public func scorer(source: [SentenceFeatures], target: [SentenceFeatures], anchors: AnchorTable,
                       model: LengthModel) -> BeadScorer {
        BeadScorer(cost: BeadCost(source: source, target: target, table: anchors, model: tuned(model),
                                  parameters: parameters))
    }

    /// The lattice to search: all of it when small, else a band around the coarse alignment.
    private func band(source: [SentenceFeatures], target: [SentenceFeatures], anchors: AnchorTable,
                      model: LengthModel) -> BandedLattice {
        let n = source.count, m = target.count
        if (n + 1) * (m + 1) <= parameters.exactCellLimit || max(n, m) <= Self.alwaysExact {
            return .full(rows: n, columns: m)
        }
        // Blocks of a fixed size keep the band as narrow at 20,000 sentences as at 3,000; when
        // they are too many for an exact coarse search (its cells grow with the square of the
        // length), the coarse search is itself banded, recursively, so the whole stays linear.
        let blockSize = max(parameters.coarseBlockSize, 2)
        let coarseSource = Self.blocks(source, size: blockSize)
        let coarseTarget = Self.blocks(target, size: blockSize)
        var coarseParameters = parameters
        coarseParameters.deletionScale = parameters.deletionScale * 2
        // Each level shrinks the document `blockSize` times; at 64 blocks or the limit it stops.
        coarseParameters.exactCellLimit = min(parameters.coarseExactCellLimit, parameters.exactCellLimit)
        let coarse = SentenceAligner(parameters: coarseParameters)
            .align(source: coarseSource, target: coarseTarget, anchors: anchors, model: model)

        let margin = 2 * blockSize + parameters.bandMargin
        var lo = [Int](repeating: Int.max, count: n + 1)
        var hi = [Int](repeating: Int.min, count: n + 1)
        for bead in coarse {
            let s0 = min(bead.source.lowerBound * blockSize, n), s1 = min(bead.source.upperBound * blockSize, n)
            let t0 = min(bead.target.lowerBound * blockSize, m), t1 = min(bead.target.upperBound * blockSize, m)
            for i in s0...s1 {
                lo[i] = min(lo[i], t0 - margin)
                hi[i] = max(hi[i], t1 + margin)
            }
        }
        // Rows the coarse path touched only at a corner still need a window near it.
        for i in 0...n where lo[i] == Int.max {
            lo[i] = i > 0 ? lo[i - 1] : 0
            hi[i] = i > 0 ? hi[i - 1] : margin
        }
        return BandedLattice(rows: n, columns: m, lo: lo, hi: hi)
    }

    /// Documents this short always get the exact search (it also ends the recursion).
    static let alwaysExact = 64

    /// Consecutive groups of `size` sentences as one sentence each: lengths summed, anchors merged
    /// as a set (a block's repeats say little about where it goes, and cost time in every bead).
    static func blocks(_ sentences: [SentenceFeatures], size: Int) -> [SentenceFeatures] {
        stride(from: 0, to: sentences.count, by: size).map { start in
            let slice = sentences[start..<min(start + size, sentences.count)]
            // Sorted, each once: what a set would give, without hashing.
            var anchors = slice.flatMap(\.anchors)
            anchors.sort()
            var kept = 0
            for anchor in anchors where kept == 0 || anchors[kept - 1] != anchor {
                anchors[kept] = anchor
                kept += 1
            }
            anchors.removeLast(anchors.count - kept)
            return SentenceFeatures(length: slice.reduce(0) { $0 + $1.length },
                                    words: slice.reduce(0) { $0 + $1.words }, anchors: anchors)
        }
    }
}

/// Scores beads the aligner did not choose, with the costs it would have used.
public struct BeadScorer {
    fileprivate var cost: BeadCost

    /// In [0, 1], as in the aligner's output; 0 for a bead with an empty side.
    public mutating func score(_ bead: Bead) -> Double {
        cost.score(bead.source.lowerBound, bead.source.upperBound, bead.target.lowerBound, bead.target.upperBound)
    }

    /// The standardised deviation of the bead's lengths from the length model (0 is a perfect
    /// fit; beyond ±3 is rare for a true pair). Nil for a bead with an empty side.
    public func lengthDeviation(_ bead: Bead) -> Double? {
        guard !bead.source.isEmpty, !bead.target.isEmpty else { return nil }
        return cost.lengthZ(bead.source.lowerBound, bead.source.upperBound,
                            bead.target.lowerBound, bead.target.upperBound)
    }
}
