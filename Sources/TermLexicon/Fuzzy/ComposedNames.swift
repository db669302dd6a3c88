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
/// the inner name must be a label of its entity word for word in the key form, neither negative,
/// weak nor a demonym: a weak label names its entity only with support (Massoud, a surname of Ahmad
/// Massoud, does not make "Ahmad Shah Massoud" his name plus "Ahmad Shah"), and a demonym is an
/// adjective (the Afghan of "همایون افغان", Humayoun Afghan, is no Afghanistan).
struct ComposedNames: Sendable {
    /// One way of reading a label as an inner name and the rest: plain values (the symbols are
    /// ranges of `symbols`), so the matcher's loop over them copies no arrays.
    struct Composition: Sendable {
        /// The label's entry in the fuzzy tables.
        let entry: Int32
        /// Whether the inner name comes first ("ISIS Khorasan") or last ("شاخه خراسان داعش").
        let innerFirst: Bool
        /// The number of the label's other words, and their skeleton (`FuzzyIndex.packedSkeleton`).
        let restWords: Int32
        let restSkeletonCount: Int32
        let restSkeleton: UInt64
        /// Where the symbols of the inner name and of the other words (words joined by spaces) are.
        let inner: Range<Int32>
        let rest: Range<Int32>
    }

    /// A composition as it is made and archived, with the entity of its inner name.
    struct Item: Equatable, Sendable {
        var innerEntity: Int32
        var entry: Int32
        var innerFirst: Bool
        var innerSymbols: [UInt8]
        var restSymbols: [UInt8]
        var restWords: Int
        var restSkeleton: UInt64
        var restSkeletonCount: Int
    }

    /// The compositions by inner entity: entity e's are `compositions[starts[e]..<starts[e + 1]]`.
    private let compositions: [Composition]
    private let starts: [Int32]
    private let symbols: [UInt8]

    static let empty = ComposedNames(items: [], entityCount: 0)

    var isEmpty: Bool { compositions.isEmpty }

    /// The compositions whose inner name is a label of `entity`, as indices for `subscript`.
    @inline(__always)
    func indices(of entity: Int32) -> Range<Int> {
        let entity = Int(entity)
        guard entity >= 0, entity + 1 < starts.count else { return 0..<0 }
        return Int(starts[entity])..<Int(starts[entity + 1])
    }

    @inline(__always)
    subscript(index: Int) -> Composition { compositions[index] }

    func innerSymbols(_ composition: Composition) -> ArraySlice<UInt8> {
        symbols[Int(composition.inner.lowerBound)..<Int(composition.inner.upperBound)]
    }

    func restSymbols(_ composition: Composition) -> ArraySlice<UInt8> {
        symbols[Int(composition.rest.lowerBound)..<Int(composition.rest.upperBound)]
    }

    /// The compositions as items, by inner entity (what the archive keeps).
    var items: [Item] {
        var items: [Item] = []
        for entity in 0..<max(starts.count - 1, 0) {
            for index in indices(of: Int32(entity)) {
                let composition = compositions[index]
                items.append(Item(innerEntity: Int32(entity), entry: composition.entry,
                                  innerFirst: composition.innerFirst, innerSymbols: Array(innerSymbols(composition)),
                                  restSymbols: Array(restSymbols(composition)), restWords: Int(composition.restWords),
                                  restSkeleton: composition.restSkeleton,
                                  restSkeletonCount: Int(composition.restSkeletonCount)))
            }
        }
        return items
    }

    /// The compositions of `items` (inner entities below `entityCount`), kept in their order within
    /// each entity.
    init(items: [Item], entityCount: Int) {
        var counts = [Int32](repeating: 0, count: entityCount + 1)
        for item in items { counts[Int(item.innerEntity) + 1] += 1 }
        for entity in 0..<entityCount { counts[entity + 1] += counts[entity] }
        starts = counts
        var next = counts.dropLast().map(Int.init)
        var symbols: [UInt8] = []
        var compositions = [Composition?](repeating: nil, count: items.count)
        for item in items {
            let innerStart = Int32(symbols.count)
            symbols += item.innerSymbols
            let restStart = Int32(symbols.count)
            symbols += item.restSymbols
            compositions[next[Int(item.innerEntity)]] = Composition(
                entry: item.entry, innerFirst: item.innerFirst, restWords: Int32(item.restWords),
                restSkeletonCount: Int32(item.restSkeletonCount), restSkeleton: item.restSkeleton,
                inner: innerStart..<restStart, rest: restStart..<Int32(symbols.count))
            next[Int(item.innerEntity)] += 1
        }
        self.compositions = compositions.map { $0! }
        self.symbols = symbols
    }

    /// `payloads`, `keyUnits`, `keyStarts` and `spaces` are the model's labels (key form, word
    /// starts), `tables` the fuzzy tables built from them (whose symbols are taken apart here rather
    /// than folded again). A compiled model's archive keeps the result.
    init(payloads: [TaggingModel.Payload], keyUnits: [UInt16], keyStarts: [Int32], spaces: [Int32],
         entityCount: Int, tables: FuzzyIndex.Tables) {
        // Every label's key by hash (the first label with it; `sameHash` chains the others): the
        // inner names a label's ends are looked up in.
        var firstWithHash: [UInt64: Int32] = [:]
        firstWithHash.reserveCapacity(payloads.count)
        var sameHash = [Int32](repeating: -1, count: payloads.count)
        for (index, payload) in payloads.enumerated().reversed()
        where payload.flags.isDisjoint(with: [.negative, .weak, .demonym, .inflected]) {
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
        var items: [Item] = []
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
                for entity in entities {
                    items.append(Item(innerEntity: entity, entry: Int32(number), innerFirst: innerFirst,
                                      innerSymbols: ComposedNames.joined(folds[inner]), restSymbols: restSymbols,
                                      restWords: rest.count, restSkeleton: restSkeleton,
                                      restSkeletonCount: restSkeletonCount))
                }
            }
        }
        self.init(items: items, entityCount: entityCount)
    }

    static func joined(_ words: ArraySlice<[UInt8]>) -> [UInt8] {
        Array(words.joined(separator: [0x20]))
    }
}
