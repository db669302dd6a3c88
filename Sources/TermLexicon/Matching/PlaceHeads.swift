/// Head words that say what kind of place a name beside them is (Lexicons/affixes.tsv kinds
/// `province` and `river`): Russian провинция and река, Arabic ولاية and نهر. Several places share a
/// name — Kunduz the city and Kunduz Province, Helmand the province and the Helmand River — and the
/// bare name resolves to one of them; a head word beside it picks the other.
///
/// Which entity a head word picks is read from the labels, so no language needs a label of its
/// own for every province: an entity with a label made of a head word and another place's label
/// ("Kunduz Province", "ولایت کندز": a `province` head and a label of place:kunduz) is that
/// place's province, and "провинция Кундуз", "ولاية قندوز", "Provinz Kundus" name it too. Two
/// entities so made of one place and one kind of head say nothing (the text does not tell which).
struct PlaceHeads: Sendable {
    /// A head word's key and the index of its kind in `Affixes.Kind.heads`; longest first, so
    /// "province de" wins over "province".
    private let heads: [(key: [UInt16], kind: Int)]

    /// What the labels say of places and head words, by `place << 8 | kind`.
    struct Picks: Sendable {
        /// The entity of that kind named like `place`, and the payload of the label that says so
        /// (the mention's `via`).
        var others: [Int64: (entity: Int32, payload: Int32)] = [:]
        /// The places the labels show with a head word of that kind, in any language: another
        /// entity built on them (an entry of `others`, even one the text does not tell apart) or a
        /// label of their own (ولایت نیمروز and نیمروز, both labels of Nimruz). A head word of such a
        /// kind beside the place's weak label supports it; one the labels never show with it does
        /// not (Khorasan Province is no name of the region Khorasan).
        var known: Set<Int64> = []
    }

    init(model: TaggingModel) {
        heads = PlaceHeads.heads(of: model)
    }

    private static func heads(of model: TaggingModel) -> [(key: [UInt16], kind: Int)] {
        var heads: [(key: [UInt16], kind: Int)] = []
        for (kind, keys) in model.placeHeads.enumerated() {
            for key in keys where !key.isEmpty { heads.append((key, kind)) }
        }
        return heads.sorted { $0.key.count > $1.key.count }
    }

    /// Which entity each head word picks for each place, read from the labels: worked out when a
    /// head word first stands beside a place's name, so a text without one never pays for it.
    static func picks(of model: TaggingModel) -> Picks {
        let heads = PlaceHeads.heads(of: model)
        guard !heads.isEmpty else { return Picks() }
        let keyUnits = model.trie.keyUnits
        func key(_ payload: Int) -> ArraySlice<UInt16> {
            keyUnits[Int(model.keyStarts[payload])..<Int(model.keyStarts[payload + 1])]
        }
        func counts(_ payload: TaggingModel.Payload) -> Bool {
            model.entityTypes[Int(payload.entity)] == .place && payload.flags.isDisjoint(with: [.negative, .inflected])
        }
        // Labels of two words or more split at each space: a head word on one side ("ولایت کندز",
        // "Kunduz Province") leaves the rest to be looked up. One probe a side a space, so that a
        // line's first place does not pay for every label against every head word.
        var kinds: [ArraySlice<UInt16>: Int] = [:]
        for head in heads where kinds[head.key[...]] == nil { kinds[head.key[...]] = head.kind }
        var built: [(rest: ArraySlice<UInt16>, kind: Int, entity: Int32, payload: Int32)] = []
        for (index, payload) in model.payloads.enumerated() where payload.spacesCount > 0 && counts(payload) {
            let whole = key(index)
            for space in model.spaces[Int(payload.spacesStart)..<Int(payload.spacesStart + payload.spacesCount)] {
                let split = whole.startIndex + Int(space)
                guard split > whole.startIndex, split < whole.endIndex else { continue }
                if let kind = kinds[whole[..<split]] {
                    built.append((whole[split...], kind, payload.entity, Int32(index)))
                }
                if let kind = kinds[whole[split...]] {
                    built.append((whole[..<split], kind, payload.entity, Int32(index)))
                }
            }
        }
        // The places whose label is such a rest.
        let rests = Set(built.map(\.rest))
        var places: [ArraySlice<UInt16>: [Int32]] = [:]
        for (index, payload) in model.payloads.enumerated() where counts(payload) && rests.contains(key(index)) {
            places[key(index), default: []].append(payload.entity)
        }
        var found = Picks()
        var ambiguous: Set<Int64> = []
        for made in built {
            for place in places[made.rest] ?? [] {
                let slot = Int64(place) << 8 | Int64(made.kind)
                found.known.insert(slot)
                guard place != made.entity else { continue }
                if let known = found.others[slot] {
                    if known.entity != made.entity { ambiguous.insert(slot) }
                } else {
                    found.others[slot] = (made.entity, made.payload)
                }
            }
        }
        for slot in ambiguous { found.others[slot] = nil }
        return found
    }

    /// Whether no head word is listed: the rule has nothing to do.
    var isEmpty: Bool { heads.isEmpty }

    /// The entity a head word of kind `kind` beside a name of `place` picks, and its label's payload.
    static func pick(_ picks: Picks, place: Int, kind: Int) -> (entity: Int32, payload: Int32)? {
        picks.others[Int64(place) << 8 | Int64(kind)]
    }

    /// Whether the labels show `place` with a head word of kind `kind` (`Picks.known`).
    static func isKnown(_ picks: Picks, place: Int, kind: Int) -> Bool {
        picks.known.contains(Int64(place) << 8 | Int64(kind))
    }

    /// A head word ending right before key unit `unit` (with nothing but spaces between): its
    /// first unit and kind.
    func head(before unit: Int, in text: KeyedText) -> (first: Int, kind: Int)? {
        guard unit > 0, text.startsWord(unit), text.endsWord(unit - 1) else { return nil }
        for head in heads where head.key.count <= unit {
            let first = unit - head.key.count
            if text.startsWord(first) && text.units[first..<unit].elementsEqual(head.key) { return (first, head.kind) }
        }
        return nil
    }

    /// The kind of a head word that ends a mention's own words `first...last` (a label made of a
    /// name and a head word, "Kunduz Province", "کندز ولایت"), with a word of the name before it.
    /// A suffix may follow it in the same word ("Kunduz provinces": the label and a plural s).
    func kind(endingMention first: Int, _ last: Int, in text: KeyedText) -> Int? {
        guard last < text.count else { return nil }
        for head in heads where last - head.key.count >= first {
            let start = last - head.key.count + 1
            if text.startsWord(start) && text.units[start...last].elementsEqual(head.key) { return head.kind }
        }
        return nil
    }

    /// A head word starting right after key unit `unit`: its last unit and kind.
    func head(after unit: Int, in text: KeyedText) -> (last: Int, kind: Int)? {
        let start = unit + 1
        guard start < text.count, text.endsWord(unit), text.startsWord(start) else { return nil }
        for head in heads where start + head.key.count <= text.count {
            let last = start + head.key.count - 1
            if text.endsWord(last) && text.units[start...last].elementsEqual(head.key) { return (last, head.kind) }
        }
        return nil
    }
}
