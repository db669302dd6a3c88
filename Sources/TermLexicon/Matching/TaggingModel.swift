import TextNormalization

/// A lexicon compiled for matching: every label's key in one trie, the affixes and titles as keys,
/// and what output needs (pref labels by language, broader chains). Immutable and shared by all
/// threads; each thread matches with its own `MentionFinder`.
public final class TaggingModel: Sendable {
    /// What a label contributes to the trie.
    struct Payload: Sendable {
        var entity: Int32
        var label: Int32
        var flags: LabelFlags
        /// The letters and digits of a case-sensitive label, which the text must show exactly.
        var caseLetters: [Unicode.Scalar]
        /// The same as UTF-8 when they are all ASCII (ISK, IS, TTP), for a check without strings.
        var asciiCaseLetters: [UInt8]?
        /// Where the label has a space: key indices of the units after one.
        var spaces: [Int32]
    }

    public let lexicon: Lexicon
    let trie: LabelTrie
    let payloads: [Payload]
    /// Suffixes a name may carry, by the script of the name: Arabic-script labels take the Dari
    /// and Pashto ones, Latin-script labels the English ones.
    /// Suffix key -> endings the name's key must have (empty: any name).
    let arabicSuffixes: [[UInt16]: [[UInt16]]]
    let latinSuffixes: [[UInt16]: [[UInt16]]]
    /// Prefixes written joined to a name (Pashto دکابل).
    let prefixes: [[UInt16]]
    /// Titles before a person's name, kept in the mention.
    let titles: [[UInt16]]
    /// Entity index -> language -> label index of its pref label.
    let prefLabels: [[String: Int32]]
    /// Entity index -> its broader chain.
    let broader: [[String]]

    public init(lexicon: Lexicon) throws(NormalizationSetupError) {
        self.lexicon = lexicon
        let keys = try LabelKeys()
        var entityIndex: [String: Int32] = [:]
        for (index, entity) in lexicon.entities.enumerated() where entityIndex[entity.id] == nil {
            entityIndex[entity.id] = Int32(index)
        }
        var payloads: [Payload] = []
        var trieKeys: [([UInt16], Int32)] = []
        var prefLabels = [[String: Int32]](repeating: [:], count: lexicon.entities.count)
        for (index, label) in lexicon.labels.enumerated() {
            guard let entity = entityIndex[label.id] else { continue }
            if label.kind == .pref && prefLabels[Int(entity)][label.lang] == nil {
                prefLabels[Int(entity)][label.lang] = Int32(index)
            }
            let (key, spaces) = keys.spacedKey(label.text)
            guard !key.isEmpty else { continue }
            let caseLetters = label.flags.contains(.caseSensitive)
                ? label.text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                : []
            trieKeys.append((key, Int32(payloads.count)))
            let ascii = caseLetters.allSatisfy(\.isASCII) ? caseLetters.map { UInt8($0.value) } : nil
            payloads.append(Payload(entity: entity, label: Int32(index), flags: label.flags, caseLetters: caseLetters,
                                    asciiCaseLetters: label.flags.contains(.caseSensitive) ? ascii : nil, spaces: spaces))
        }
        trie = LabelTrie(keys: trieKeys)
        self.payloads = payloads
        self.prefLabels = prefLabels

        var arabicSuffixes: [[UInt16]: [[UInt16]]] = [:]
        var latinSuffixes: [[UInt16]: [[UInt16]]] = [:]
        var prefixes: [[UInt16]] = []
        var titles: [[UInt16]] = []
        for entry in lexicon.affixes.entries {
            let key = keys.key(entry.text)
            guard !key.isEmpty else { continue }
            switch entry.kind {
            case .suffix:
                let endings = entry.after.map { keys.key($0) }.filter { !$0.isEmpty }
                if LabelLanguage.scripts[entry.lang]?.contains("Arab") == true {
                    arabicSuffixes[key, default: []] += endings
                } else {
                    latinSuffixes[key, default: []] += endings
                }
            case .prefix: prefixes.append(key)
            case .title: titles.append(key)
            }
        }
        self.arabicSuffixes = arabicSuffixes
        self.latinSuffixes = latinSuffixes
        self.prefixes = prefixes.uniqued()
        // Longer titles first, so "Amir al-Muminin" wins over "Amir".
        self.titles = titles.uniqued().sorted { $0.count > $1.count }
        broader = lexicon.entities.map { lexicon.broaderChain(of: $0.id) }
    }

    /// The pref label of entity `entity` in `lang`, if it has one.
    public func prefLabel(of entity: Int, in lang: String) -> String? {
        prefLabels[entity][lang].map { lexicon.labels[Int($0)].text }
    }

    public func broaderChain(of entity: Int) -> [String] { broader[entity] }

    public func makeFinder() throws(NormalizationSetupError) -> MentionFinder {
        try MentionFinder(model: self)
    }
}
