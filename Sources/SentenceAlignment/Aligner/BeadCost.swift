#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cost of any bead of a document: length, anchors and position. Built once per document.
struct BeadCost {
    let model: LengthModel
    /// The length model's costs of this document's beads, tabulated.
    let lengthCosts: LengthCostTables
    let parameters: AlignerParameters
    /// Prefix sums of lengths: `sourcePrefix[i]` is the length of sentences 0..<i.
    let sourcePrefix: [Int]
    let targetPrefix: [Int]
    let sourceWordPrefix: [Int]
    let targetWordPrefix: [Int]
    /// Each side's anchors that occur on both sides, sentence after sentence: sentence i's are
    /// `sourceAnchors[sourceStart[i]..<sourceStart[i + 1]]`. Flat arrays keep the hot loop free of
    /// reference counting.
    let sourceAnchors: [Int32]
    let sourceStart: [Int]
    let targetAnchors: [Int32]
    let targetStart: [Int]
    let anchorWeight: [Double]
    /// Prefix sums of each side's anchor weights, sentence after sentence: what a bead's anchors
    /// weigh on each side, without counting them (`lowerBound`).
    let sourceWeightPrefix: [Double]
    let targetWeightPrefix: [Double]
    /// Per-anchor counts for one bead, valid where `stamp` equals `generation` (no clearing).
    private var counts: [Int32]
    private var stamp: [UInt32]
    private var generation: UInt32 = 0

    init(source: [SentenceFeatures], target: [SentenceFeatures], table: AnchorTable,
         model: LengthModel, parameters: AlignerParameters) {
        self.parameters = parameters
        sourcePrefix = Self.prefixSums(source.map(\.length))
        targetPrefix = Self.prefixSums(target.map(\.length))
        sourceWordPrefix = Self.prefixSums(source.map(\.words))
        targetWordPrefix = Self.prefixSums(target.map(\.words))
        self.model = model.adapted(sourceTotals: (sourcePrefix.last ?? 0, sourceWordPrefix.last ?? 0),
                                   targetTotals: (targetPrefix.last ?? 0, targetWordPrefix.last ?? 0),
                                   sentences: min(source.count, target.count))
        lengthCosts = LengthCostTables(model: self.model, deletionScale: parameters.deletionScale)

        // Document frequency on each side; an anchor seen on one side only cannot link anything.
        var sourceFrequency = [Int](repeating: 0, count: table.count)
        var targetFrequency = [Int](repeating: 0, count: table.count)
        for sentence in source { for id in Set(sentence.anchors) { sourceFrequency[Int(id)] += 1 } }
        for sentence in target { for id in Set(sentence.anchors) { targetFrequency[Int(id)] += 1 } }
        let sentences = Double(source.count + target.count)
        var weights = [Double](repeating: 0, count: table.count)
        for id in 0..<table.count where sourceFrequency[id] > 0 && targetFrequency[id] > 0 {
            let rarity = log(1 + sentences / Double(sourceFrequency[id] + targetFrequency[id]))
            let classWeight: Double = switch table.names[id].first {
            case "e": parameters.entityWeight
            case "n": parameters.numberWeight
            case "w": parameters.wordWeight
            case "s": parameters.skeletonWeight
            default: parameters.punctuationWeight
            }
            weights[id] = classWeight * rarity
        }
        anchorWeight = weights
        let sourceLists = source.map { $0.anchors.filter { weights[Int($0)] > 0 } }
        let targetLists = target.map { $0.anchors.filter { weights[Int($0)] > 0 } }
        sourceAnchors = sourceLists.flatMap { $0 }
        targetAnchors = targetLists.flatMap { $0 }
        sourceStart = Self.prefixSums(sourceLists.map(\.count))
        targetStart = Self.prefixSums(targetLists.map(\.count))
        sourceWeightPrefix = Self.prefixSums(sourceLists.map { $0.reduce(0) { $0 + weights[Int($1)] } })
        targetWeightPrefix = Self.prefixSums(targetLists.map { $0.reduce(0) { $0 + weights[Int($1)] } })
        counts = [Int32](repeating: 0, count: table.count)
        stamp = [UInt32](repeating: 0, count: table.count)
    }

    private static func prefixSums<Value: AdditiveArithmetic>(_ values: [Value]) -> [Value] {
        var sums = [Value](repeating: .zero, count: values.count + 1)
        for (index, value) in values.enumerated() { sums[index + 1] = sums[index] + value }
        return sums
    }

    var sourceTotal: Int { sourcePrefix.last ?? 0 }
    var targetTotal: Int { targetPrefix.last ?? 0 }

    /// The cost of pairing sentences `s0..<s1` with `t0..<t1` (one side may be empty);
    /// `agreement`, when the caller has it, is `anchorAgreement` of the same bead.
    mutating func cost(_ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int, prior: Double,
                       agreement known: (matched: Double, unmatched: Double)? = nil) -> Double {
        let sourceLength = sourcePrefix[s1] - sourcePrefix[s0]
        let targetLength = targetPrefix[t1] - targetPrefix[t0]
        var cost = prior
        if s0 == s1 || t0 == t1 {
            cost += lengthCosts.deletionCost(length: sourceLength + targetLength)
        } else {
            let sourceWords = sourceWordPrefix[s1] - sourceWordPrefix[s0]
            let targetWords = targetWordPrefix[t1] - targetWordPrefix[t0]
            cost += LengthCostTables.tailCost(z: lengthCosts.z(sourceLength: sourceLength, targetLength: targetLength,
                                                               sourceWords: sourceWords, targetWords: targetWords))
        }
        if hasAnchors(s0, s1, t0, t1) {
            let (matched, unmatched) = known ?? anchorAgreement(s0, s1, t0, t1)
            cost += parameters.unmatchedFactor * unmatched - matched
        }
        if let position = positionCost(s1, t1) { cost += position }
        return cost
    }

    /// The cost of a bead ending at (`s1`, `t1`) for its distance from the length diagonal; nil
    /// when position does not count.
    @inline(__always)
    func positionCost(_ s1: Int, _ t1: Int) -> Double? {
        guard parameters.positionWeight > 0, sourceTotal > 0, targetTotal > 0 else { return nil }
        let drift = Double(sourcePrefix[s1]) / Double(sourceTotal) - Double(targetPrefix[t1]) / Double(targetTotal)
        return parameters.positionWeight * abs(drift)
    }

    /// Whether either side of the bead has an anchor the other side's document has too.
    @inline(__always)
    func hasAnchors(_ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int) -> Bool {
        sourceStart[s1] != sourceStart[s0] || targetStart[t1] != targetStart[t0]
    }

    /// A cost `cost` never goes below, in constant time: the prior and the position cost as
    /// they are, nothing for the lengths, and the anchors as if `matchedAtMost` of their weight
    /// were matched (never more than either side's weight). The search skips a bead whose bound
    /// cannot beat the best found, without counting its anchors or taking a logarithm.
    @inline(__always)
    func lowerBound(_ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int, prior: Double,
                    matchedAtMost: Double = .infinity) -> Double {
        var bound = prior
        if hasAnchors(s0, s1, t0, t1) {
            let sourceWeight = sourceWeightPrefix[s1] - sourceWeightPrefix[s0]
            let targetWeight = targetWeightPrefix[t1] - targetWeightPrefix[t0]
            let factor = parameters.unmatchedFactor
            let matched = min(matchedAtMost, sourceWeight, targetWeight)
            bound += factor * (sourceWeight + targetWeight) - (2 * factor + 1) * matched
        }
        if let position = positionCost(s1, t1) { bound += position }
        return bound
    }

    @inline(__always)
    func lengthZ(_ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int) -> Double {
        model.z(sourceLength: sourcePrefix[s1] - sourcePrefix[s0], targetLength: targetPrefix[t1] - targetPrefix[t0],
                sourceWords: sourceWordPrefix[s1] - sourceWordPrefix[s0],
                targetWords: targetWordPrefix[t1] - targetWordPrefix[t0])
    }

    /// Weight of the anchors the two sides share (as multisets) and of those left over.
    /// - Complexity: O(anchors in the bead); no sorting, no allocation.
    mutating func anchorAgreement(_ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int) -> (matched: Double, unmatched: Double) {
        generation &+= 1
        if generation == 0 {
            for index in stamp.indices { stamp[index] = 0 }
            generation = 1
        }
        var total = 0.0, matched = 0.0
        for position in sourceStart[s0]..<sourceStart[s1] {
            let id = Int(sourceAnchors[position])
            if stamp[id] != generation {
                stamp[id] = generation
                counts[id] = 0
            }
            counts[id] += 1
            total += anchorWeight[id]
        }
        for position in targetStart[t0]..<targetStart[t1] {
            let id = Int(targetAnchors[position])
            total += anchorWeight[id]
            if stamp[id] == generation && counts[id] > 0 {
                counts[id] -= 1
                matched += anchorWeight[id]
            }
        }
        return (matched, total - 2 * matched)
    }

    /// In [0, 1]: the length fit, averaged with the share of anchor weight matched when the bead
    /// has anchors. 0 for a bead with an empty side.
    mutating func score(_ s0: Int, _ s1: Int, _ t0: Int, _ t1: Int) -> Double {
        guard s0 < s1, t0 < t1 else { return 0 }
        let fit = LengthModel.fit(z: lengthZ(s0, s1, t0, t1))
        let (matched, unmatched) = anchorAgreement(s0, s1, t0, t1)
        let total = 2 * matched + unmatched
        guard total > 0 else { return fit }
        return (fit + 2 * matched / total) / 2
    }
}
