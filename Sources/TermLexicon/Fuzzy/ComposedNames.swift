/// Labels made of another entity's label and words of their own: "ISIS Khorasan" is ISIS and
/// Khorasan, "شاخه خراسان داعش" 'Khorasan branch of Daesh' is Khorasan branch and داعش. The text may
/// write the inner name as any label of its entity, and the exact pass reads it as that entity:
/// "ISIL Khorasan", "Daesh Khorasan" and "دولت اسلامی خراسان" hold a mention of ISIS, and no spelling
/// distance hears ISIS in ISIL or Daesh. So the fuzzy pass also reads an exact mention, followed or
/// preceded by words of the text's own, as each such label of another entity with the mention
/// written as the label writes its inner name, and scores the rest by sound (`FuzzyMatcher`).
///
/// Only the ends of a label count (the inner name at its start or at its end), and only labels
/// that take part in the fuzzy pass (`FuzzyIndex.Tables.entries`, not negative, not shortened);
/// the inner name must be a label of its entity word for word in the key form, not a negative one.
struct ComposedNames: Sendable {
    /// One way of reading a label as an inner name and the rest.
    struct Composition: Sendable {
        /// The label's entry in the fuzzy tables.
        let entry: Int32
        /// Whether the inner name comes first ("ISIS Khorasan") or last ("شاخه خراسان داعش").
        let innerFirst: Bool
        /// The symbols of the label's inner name and of its other words (words joined by spaces).
        let innerSymbols: [UInt8]
        let restSymbols: [UInt8]
        /// The number of the label's other words, and their skeleton (`FuzzyIndex.packedSkeleton`).
        let restWords: Int
        let restSkeleton: UInt64
        let restSkeletonCount: Int
    }

    /// Entity -> the compositions whose inner name is one of its labels.
    let byInnerEntity: [Int32: [Composition]]

    static let empty = ComposedNames(byInnerEntity: [:])

    init(byInnerEntity: [Int32: [Composition]]) {
        self.byInnerEntity = byInnerEntity
    }

    /// `payloads`, `keyUnits`, `keyStarts` and `spaces` are the model's labels (key form, word
    /// starts), `tables` the fuzzy tables built from them (whose symbols are taken apart here rather
    /// than folded again). A compiled model's archive keeps the result.
    init(payloads: [TaggingModel.Payload], keyUnits: [UInt16], keyStarts: [Int32], spaces: [Int32],
         tables: FuzzyIndex.Tables) {
        // Every label's key by hash (the first label with it; `sameHash` chains the others): the
        // inner names a label's ends are looked up in.
        var firstWithHash: [UInt64: Int32] = [:]
        firstWithHash.reserveCapacity(payloads.count)
        var sameHash = [Int32](repeating: -1, count: payloads.count)
        for (index, payload) in payloads.enumerated().reversed() where !payload.flags.contains(.negative) {
            let hash = FuzzyWordLists.hash(keyUnits[Int(keyStarts[index])..<Int(keyStarts[index + 1])])
            if let next = firstWithHash.updateValue(Int32(index), forKey: hash) { sameHash[index] = next }
        }
        /// The entities other than `entity` with a label whose key is `units`.
        func innerEntities(_ units: ArraySlice<UInt16>, hash: UInt64, besides entity: Int32) -> [Int32] {
            var entities: [Int32] = []
            var label = firstWithHash[hash] ?? -1
            while label >= 0 {
                let owner = payloads[Int(label)].entity
                if owner != entity, !entities.contains(owner),
                   keyUnits[Int(keyStarts[Int(label)])..<Int(keyStarts[Int(label) + 1])].elementsEqual(units) {
                    entities.append(owner)
                }
                label = sameHash[Int(label)]
            }
            return entities
        }
        var byInnerEntity: [Int32: [Composition]] = [:]
        for (number, entry) in tables.entries.enumerated()
        where !entry.negative && !entry.shortened && entry.words > 1 {
            let payload = payloads[Int(entry.payload)]
            let base = Int(keyStarts[Int(entry.payload)]), end = Int(keyStarts[Int(entry.payload) + 1])
            // Where each word after the first starts in the key.
            let wordStarts = spaces[Int(payload.spacesStart)..<Int(payload.spacesStart + payload.spacesCount)]
            guard wordStarts.count + 1 == Int(entry.words) else { continue }
            var found: [(innerWords: Int, innerFirst: Bool, entities: [Int32])] = []
            // Inner names first: each run of words from the first, hashed as it grows.
            var hash = FuzzyWordLists.hashStart, position = base
            for (words, wordStart) in wordStarts.enumerated() {
                let boundary = base + Int(wordStart)
                while position < boundary {
                    hash = FuzzyWordLists.hashStep(hash, keyUnits[position])
                    position += 1
                }
                let entities = innerEntities(keyUnits[base..<boundary], hash: hash, besides: entry.entity)
                if !entities.isEmpty { found.append((words + 1, true, entities)) }
            }
            // ... and last: each run of words up to the last.
            for (words, wordStart) in wordStarts.reversed().enumerated() {
                let units = keyUnits[(base + Int(wordStart))..<end]
                let entities = innerEntities(units, hash: FuzzyWordLists.hash(units), besides: entry.entity)
                if !entities.isEmpty { found.append((words + 1, false, entities)) }
            }
            guard !found.isEmpty else { continue }
            // The label's words as the tables fold them, one by one (a word that folds to nothing
            // would leave the symbols out of step with the words).
            guard Int(entry.spaces) + 1 == Int(entry.words) else { continue }
            let folds = tables.symbols(of: Int32(number)).split(separator: 0x20, omittingEmptySubsequences: false)
                .map { Array($0) }
            guard folds.count == Int(entry.words), folds.allSatisfy({ !$0.isEmpty }) else { continue }
            for (innerWords, innerFirst, entities) in found {
                let inner = innerFirst ? 0..<innerWords : (folds.count - innerWords)..<folds.count
                let rest = innerFirst ? innerWords..<folds.count : 0..<(folds.count - innerWords)
                let restSymbols = ComposedNames.joined(folds[rest])
                let (restSkeleton, restSkeletonCount) = FuzzyIndex.packedSkeleton(of: restSymbols)
                let composition = Composition(entry: Int32(number), innerFirst: innerFirst,
                                              innerSymbols: ComposedNames.joined(folds[inner]),
                                              restSymbols: restSymbols, restWords: rest.count,
                                              restSkeleton: restSkeleton, restSkeletonCount: restSkeletonCount)
                for entity in entities { byInnerEntity[entity, default: []].append(composition) }
            }
        }
        self.byInnerEntity = byInnerEntity
    }

    static func joined(_ words: ArraySlice<[UInt8]>) -> [UInt8] {
        Array(words.joined(separator: [0x20]))
    }
}
