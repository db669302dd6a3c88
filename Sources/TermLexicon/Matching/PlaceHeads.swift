/// Head words that say what kind of place a name beside them is (Lexicons/affixes.tsv kinds
/// `province` and `river`): Russian провинция, Arabic ولاية, Portuguese rio. Several places share a
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
    /// `place << 8 | kind` -> the entity of that kind named like `place`, and the payload of the
    /// label that says so (the mention's `via`).
    private let picks: [Int64: (entity: Int32, payload: Int32)]

    init(model: TaggingModel) {
        var heads: [(key: [UInt16], kind: Int)] = []
        for (kind, keys) in model.placeHeads.enumerated() {
            for key in keys where !key.isEmpty { heads.append((key, kind)) }
        }
        heads.sort { $0.key.count > $1.key.count }
        self.heads = heads
        guard !heads.isEmpty else {
            picks = [:]
            return
        }
        let keyUnits = model.trie.keyUnits
        func key(_ payload: Int) -> ArraySlice<UInt16> {
            keyUnits[Int(model.keyStarts[payload])..<Int(model.keyStarts[payload + 1])]
        }
        func counts(_ payload: TaggingModel.Payload) -> Bool {
            model.entityTypes[Int(payload.entity)] == .place && !payload.flags.contains(.negative)
        }
        // Every place label's key -> the places it names.
        var places: [ArraySlice<UInt16>: [Int32]] = [:]
        for (index, payload) in model.payloads.enumerated() where counts(payload) {
            places[key(index), default: []].append(payload.entity)
        }
        var found: [Int64: (entity: Int32, payload: Int32)] = [:]
        var ambiguous: Set<Int64> = []
        for (index, payload) in model.payloads.enumerated() where counts(payload) {
            let whole = key(index)
            let spaces = model.spaces[Int(payload.spacesStart)..<Int(payload.spacesStart + payload.spacesCount)]
            for head in heads where whole.count > head.key.count {
                // The head word first ("ولایت کندز") or last ("Kunduz Province"), a word of its own.
                var rests: [ArraySlice<UInt16>] = []
                if whole.starts(with: head.key) && spaces.contains(Int32(head.key.count)) {
                    rests.append(whole.dropFirst(head.key.count))
                }
                if whole.reversed().starts(with: head.key.reversed())
                    && spaces.contains(Int32(whole.count - head.key.count)) {
                    rests.append(whole.dropLast(head.key.count))
                }
                for rest in rests {
                    for place in places[ArraySlice(Array(rest))] ?? [] where place != payload.entity {
                        let slot = Int64(place) << 8 | Int64(head.kind)
                        if let known = found[slot] {
                            if known.entity != payload.entity { ambiguous.insert(slot) }
                        } else {
                            found[slot] = (payload.entity, Int32(index))
                        }
                    }
                }
            }
        }
        for slot in ambiguous { found[slot] = nil }
        picks = found
    }

    /// Whether no head word is listed or no entity is picked by one: the rule has nothing to do.
    var isEmpty: Bool { picks.isEmpty }

    /// The entity a head word of kind `kind` beside a name of `place` picks, and its label's payload.
    func pick(place: Int, kind: Int) -> (entity: Int32, payload: Int32)? {
        picks[Int64(place) << 8 | Int64(kind)]
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
