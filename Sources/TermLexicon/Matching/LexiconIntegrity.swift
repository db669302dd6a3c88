import TextNormalization

/// The checks a lexicon given with `--lexicon` must pass before it tags anything: everything lint
/// calls an error that the fast loader does not already stop at (a parse error, an unknown id or
/// a duplicate id send it to the full parser). Cheap enough for a million labels; it only says
/// whether something may be wrong, and `lexicon lint`'s findings then say what and where.
enum LexiconIntegrity {
    /// - Complexity: O(entities + broader links + label bytes).
    static func mayHaveErrors(entities: [Entity], index: [String: Int32], labels: CompactLabels) -> Bool {
        if entities.isEmpty { return true }
        // Broader links: every id known, no cycle.
        for entity in entities where entity.broader.contains(where: { index[$0] == nil }) { return true }
        if !BroaderGraph(entities, index: index).cycles().isEmpty { return true }
        // Labels: one pref per entity and language, an English one for every entity, no label
        // twice (compared by a 64-bit hash: a collision only costs a full lint), letters in the
        // language's script.
        let english = labels.languages.firstIndex(of: "en").map(UInt8.init)
        var hasEnglishPref = [Bool](repeating: false, count: entities.count)
        var prefs = Set<Int64>(minimumCapacity: entities.count * 2)
        var seen = HashSet(minimumCapacity: labels.count)
        var scripts = LabelScriptCheck()
        let allowed = labels.languages.map(LabelScriptCheck.Allowed.init(lang:))
        let bytes = labels.bytes
        for label in 0..<labels.count {
            let entity = labels.entities[label]
            let language = labels.languageIndexes[label]
            if labels.kinds[label] == .pref {
                guard prefs.insert(Int64(entity) << 8 | Int64(language)).inserted else { return true }
                if language == english { hasEnglishPref[Int(entity)] = true }
            }
            // FNV-1a over entity, language and text, each byte a step of its own (the language
            // XORed into the starting value was cancelled by a first byte differing the same way:
            // ru Катар and uz Қатар of one entity hashed alike, and every run with that lexicon
            // went through a full lint); the same pass notes whether the text is all ASCII, or all
            // Arabic-block letters (lead bytes D8-DB) with ASCII other than letters, which need no
            // script lookup in a Latin or an Arabic-script language.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for shift in stride(from: 0, to: 32, by: 8) {
                hash = (hash ^ UInt64(UInt32(bitPattern: entity) >> UInt32(shift) & 0xFF)) &* 0x100_0000_01b3
            }
            hash = (hash ^ UInt64(language)) &* 0x100_0000_01b3
            var allASCII = true, plainArabic = true
            let range = labels.range(label)
            for index in range {
                let byte = bytes[index]
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                if byte >= 0x80 {
                    allASCII = false
                    if byte >= 0xC0 && (byte < 0xD8 || byte > 0xDB) { plainArabic = false }
                } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    plainArabic = false
                }
            }
            guard seen.insert(hash) else { return true }
            guard let rule = allowed[Int(language)] else { continue }
            if (allASCII && rule.latin) || (plainArabic && rule.arabic) { continue }
            if scripts.stray(in: bytes, range, allowed: rule) != nil { return true }
        }
        return hasEnglishPref.contains(false)
    }
}

/// A set of 64-bit hashes (open addressing, linear probing): the hashes are already well mixed,
/// so hashing them again, as `Set` does, would only cost time.
private struct HashSet {
    private var slots: [UInt64]
    private var hasZero = false

    init(minimumCapacity: Int) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
    }

    /// False when `hash` was already there. (Slots grow no further: capacity is twice the count.)
    mutating func insert(_ hash: UInt64) -> Bool {
        if hash == 0 {
            defer { hasZero = true }
            return !hasZero
        }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[index] != 0 {
            if slots[index] == hash { return false }
            index = (index + 1) & mask
        }
        slots[index] = hash
        return true
    }
}
