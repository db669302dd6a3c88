import Dispatch
import Synchronization
import TextNormalization

/// A lexicon compiled for matching: every label's key in one trie, the affixes and titles as keys,
/// and what output needs (entity ids and types, label texts, pref labels by language, broader
/// chains). Immutable and shared by all threads; each thread matches with its own `MentionFinder`.
public final class TaggingModel: Sendable {
    /// What a label contributes to the trie.
    struct Payload: Sendable {
        var entity: Int32
        var label: Int32
        var flags: LabelFlags
        /// Where the label had spaces: `spaces[spacesStart..<spacesStart + spacesCount]` are the key
        /// indices of the units that followed one.
        var spacesStart: Int32
        var spacesCount: Int32
        /// For a case-sensitive label, its index in `caseLetters`; -1 otherwise.
        var caseIndex: Int32
    }

    let trie: LabelTrie
    let payloads: [Payload]
    /// Payload k's key is `trie.keyUnits[keyStarts[k]..<keyStarts[k + 1]]`; the trie's keys after
    /// the last of these are labels' inflected forms (`CaseEndings`) that share their label's
    /// payload. (Forms whose first word changed have payloads of their own, flagged `inflected`.)
    let keyStarts: [Int32]
    /// Space positions of all labels, side by side (see `Payload`).
    let spaces: [Int32]
    /// The letters and digits of each case-sensitive label, which the text must show exactly, and
    /// the same as UTF-8 when all ASCII (ISK, IS, TTP) for a check without strings.
    let caseLetters: [[Unicode.Scalar]]
    let asciiCaseLetters: [[UInt8]?]
    /// For each case-sensitive label: whether it is an acronym (two or more capitals, nothing else).
    let isAcronym: [Bool]
    let labels: CompactLabels
    let entityIDs: [String]
    let entityTypes: [EntityType]
    /// Entity index -> the ids its broader column names; chains are followed when asked for.
    let directBroader: [[String]]
    let entityIndex: [String: Int32]
    /// (entity << 8 | language index) -> label index of the entity's pref label in that language.
    let prefLabels: [Int64: Int32]
    /// Suffix key -> endings the name's key must have (empty: any name), by the script of the name:
    /// Arabic-script labels take the Dari and Pashto suffixes, Latin-script labels the English ones.
    let arabicSuffixes: [[UInt16]: [[UInt16]]]
    let latinSuffixes: [[UInt16]: [[UInt16]]]
    /// Prefixes written joined to a name (Pashto دکابل).
    let prefixes: [[UInt16]]
    /// Titles before a person's name, kept in the mention; longest first.
    let titles: [[UInt16]]
    /// Offices ending in a title (Attorney General), whose title is not the person's.
    let offices: [[UInt16]]
    /// Head words of places (провинция, река), one list per kind of `Affixes.Kind.heads`.
    let placeHeads: [[[UInt16]]]
    /// One bit for each key unit some title ends with: most words before a name end with none, and
    /// are passed over without comparing every title.
    private let titleEnds: [UInt64]
    /// Whether a negative label may have the key of a label of its own entity (lint's
    /// `negative-conflict`; compared by hash, so lint confirms).
    let mayHaveNegativeConflict: Bool

    /// Compiles a parsed lexicon.
    public convenience init(lexicon: Lexicon) throws(NormalizationSetupError) {
        let entityIndex = TaggingModel.index(of: lexicon.entities)
        try self.init(entities: lexicon.entities, index: entityIndex,
                      labels: CompactLabels(lexicon.labels, entityIndex: entityIndex),
                      affixes: lexicon.affixes)
    }

    /// Reads and compiles lexicon files. Big label files take a fast path that makes no string per
    /// line; any problem sends the files through the full parser, whose errors are thrown.
    /// - Parameter verify: refuse a lexicon with any error `lexicon lint` reports (a broader
    ///   cycle, an unknown id, a second pref ...), thrown as lint's findings. The built-in lexicon
    ///   is linted when it is built and need not be.
    public static func load(_ sources: LexiconSources, verify: Bool = false) throws(LexiconLoadError) -> TaggingModel {
        let (affixes, affixProblems) = LexiconParser.affixes(sources.affixes.tsv)
        if !affixProblems.contains(where: { $0.severity == .error }), sources.encodingProblems.isEmpty,
           let entities = CompactLabels.readEntities(sources.entities.text) {
            let entityIndex = index(of: entities)
            if entityIndex.count == entities.count,
               let labels = CompactLabels.read(sources.labels.text, entityIndex: entityIndex),
               !verify || !LexiconIntegrity.mayHaveErrors(entities: entities, index: entityIndex, labels: labels) {
                let model: TaggingModel
                do {
                    model = try TaggingModel(entities: entities, index: entityIndex, labels: labels, affixes: affixes)
                } catch {
                    throw .setup(error)
                }
                if !verify || !model.mayHaveNegativeConflict && !identifiersHaveErrors(sources, entities: entities) {
                    return model
                }
            }
        }
        // Something is or may be wrong: the full parser (or lint) says what, at which line and column.
        let errors: [Diagnostic]
        if verify {
            do {
                errors = try LexiconLinter().lint(sources).filter { $0.severity == .error }
            } catch {
                throw .checker("\(error)")
            }
        } else {
            errors = Lexicon.parse(sources).1.filter { $0.severity == .error }
        }
        if !errors.isEmpty { throw .invalid(errors) }
        do { return try TaggingModel(lexicon: Lexicon.parse(sources).0) } catch { throw .setup(error) }
    }

    /// Whether identifiers.tsv has an error lint would report (a small file: checked in full).
    private static func identifiersHaveErrors(_ sources: LexiconSources, entities: [Entity]) -> Bool {
        guard !sources.identifiers.text.isEmpty else { return false }
        let file = sources.identifiers.tsv
        let (identifiers, problems) = LexiconParser.identifiers(file)
        return (problems + IdentifierCheck.problems(identifiers, file: file, entities: entities,
                                                    entitiesFile: sources.entities.tsv))
            .contains { $0.severity == .error }
    }

    private static func index(of entities: [Entity]) -> [String: Int32] { index(ofIDs: entities.map(\.id)) }

    /// Id -> the first entity with it.
    private static func index(ofIDs ids: [String]) -> [String: Int32] {
        var index: [String: Int32] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where index[id] == nil { index[id] = Int32(position) }
        return index
    }

    private init(entities: [Entity], index: [String: Int32], labels: CompactLabels,
                 affixes: Affixes) throws(NormalizationSetupError) {
        let keys = try LabelKeys()
        self.labels = labels
        entityIDs = entities.map(\.id)
        entityTypes = entities.map(\.type)
        directBroader = entities.map(\.broader)
        entityIndex = index

        // The keys of all labels, computed on two threads (half the labels each), then walked in
        // label order.
        let halves = try TaggingModel.keys(of: labels)
        var payloads: [Payload] = []
        payloads.reserveCapacity(labels.count)
        var keyUnits: [UInt16] = []
        keyUnits.reserveCapacity(halves.reduce(0) { $0 + $1.units.count })
        var keyStarts: [Int32] = [0]
        var keyPayloads: [Int32] = []
        var spaces: [Int32] = []
        var caseLetters: [[Unicode.Scalar]] = []
        var asciiCaseLetters: [[UInt8]?] = []
        var prefLabels: [Int64: Int32] = [:]
        // Inflected keys (`CaseEndings`), kept apart and put after the labels' own keys: payload k's
        // key stays `keyUnits[keyStarts[k]..<keyStarts[k + 1]]`.
        let caseEndings = CaseEndings(affixes, keys: keys)
        var inflectedUnits: [UInt16] = [], inflectedEnds: [Int32] = [], inflectedPayloads: [Int32] = []
        var movedForms: [(payload: Payload, key: [UInt16], spaces: [Int32])] = []
        // (entity, key) hashes of negative and of other labels, only when there are negatives.
        let anyNegative = labels.kinds.contains(.negative)
        var negativeKeys = Set<UInt64>(), positiveKeys = Set<UInt64>()
        for half in halves {
            for offset in 0..<half.count {
                let index = half.firstLabel + offset
                let entity = labels.entities[index]
                if labels.kinds[index] == .pref {
                    let slot = Int64(entity) << 8 | Int64(labels.languageIndexes[index])
                    if prefLabels[slot] == nil { prefLabels[slot] = Int32(index) }
                }
                let keyRange = Int(half.keyStarts[offset])..<Int(half.keyStarts[offset + 1])
                guard !keyRange.isEmpty else { continue }
                if anyNegative {
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt32(bitPattern: entity))
                    for unit in half.units[keyRange] { hash = (hash ^ UInt64(unit)) &* 0x100_0000_01b3 }
                    if labels.kinds[index] == .negative { negativeKeys.insert(hash) } else { positiveKeys.insert(hash) }
                }
                let spacesStart = spaces.count
                spaces.append(
                    contentsOf: half.spaces[Int(half.spaceStarts[offset])..<Int(half.spaceStarts[offset + 1])])
                var caseIndex: Int32 = -1
                if labels.flags[index].contains(.caseSensitive) {
                    let letters = labels.text(index).unicodeScalars.filter {
                        $0.properties.isAlphabetic || $0.properties.numericType != nil
                    }
                    caseIndex = Int32(caseLetters.count)
                    caseLetters.append(Array(letters))
                    asciiCaseLetters.append(letters.allSatisfy(\.isASCII) ? letters.map { UInt8($0.value) } : nil)
                }
                keyUnits.append(contentsOf: half.units[keyRange])
                keyStarts.append(Int32(keyUnits.count))
                keyPayloads.append(Int32(payloads.count))
                var flags = labels.flags[index]
                if labels.kinds[index] == .negative { flags.insert(.negative) }
                let payload = Payload(entity: entity, label: Int32(index), flags: flags,
                                      spacesStart: Int32(spacesStart), spacesCount: Int32(spaces.count - spacesStart),
                                      caseIndex: caseIndex)
                // A case-sensitive label is written as it is (acronyms: ООН, ИГИЛ).
                if !caseEndings.rules.isEmpty && !flags.contains(.caseSensitive) {
                    for form in caseEndings.forms(of: half.units[keyRange], spaces: spaces[spacesStart...]) {
                        if let formSpaces = form.spaces {
                            movedForms.append((payload, form.key, formSpaces))
                        } else {
                            inflectedUnits.append(contentsOf: form.key)
                            inflectedEnds.append(Int32(inflectedUnits.count))
                            inflectedPayloads.append(Int32(payloads.count))
                        }
                    }
                }
                payloads.append(payload)
            }
        }
        // Forms whose first word changed have spaces of their own, so payloads of their own,
        // after the labels' and marked so that rules reading the labels pass them over.
        for (payload, key, formSpaces) in movedForms {
            var own = payload
            own.flags.insert(.inflected)
            own.spacesStart = Int32(spaces.count)
            own.spacesCount = Int32(formSpaces.count)
            spaces.append(contentsOf: formSpaces)
            keyUnits.append(contentsOf: key)
            keyStarts.append(Int32(keyUnits.count))
            keyPayloads.append(Int32(payloads.count))
            payloads.append(own)
        }
        let labelKeyEnd = Int32(keyUnits.count)
        keyUnits.append(contentsOf: inflectedUnits)
        trie = LabelTrie(units: keyUnits, starts: keyStarts + inflectedEnds.map { labelKeyEnd + $0 },
                         payloads: keyPayloads + inflectedPayloads)
        self.keyStarts = keyStarts
        self.payloads = payloads
        mayHaveNegativeConflict = !negativeKeys.isDisjoint(with: positiveKeys)
        self.spaces = spaces
        self.caseLetters = caseLetters
        self.asciiCaseLetters = asciiCaseLetters
        isAcronym = TaggingModel.acronyms(asciiCaseLetters)
        self.prefLabels = prefLabels

        var arabicSuffixes: [[UInt16]: [[UInt16]]] = [:]
        var latinSuffixes: [[UInt16]: [[UInt16]]] = [:]
        var prefixes: [[UInt16]] = []
        var titles: [[UInt16]] = [], offices: [[UInt16]] = []
        var placeHeads = [[[UInt16]]](repeating: [], count: Affixes.Kind.heads.count)
        for entry in affixes.entries {
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
            case .title:
                // A one-word title of a language whose names decline declines with them (муллы Омара).
                titles.append(key)
                if caseEndings.languages.contains(entry.lang) && !entry.text.contains(" ") {
                    titles += caseEndings.wordForms(of: key)
                }
            case .office: offices.append(key)
            case .province, .river: placeHeads[Affixes.Kind.heads.firstIndex(of: entry.kind)!].append(key)
            case .ending: break  // compiled into the trie above
            }
        }
        self.placeHeads = placeHeads.map { $0.uniqued() }
        self.arabicSuffixes = arabicSuffixes
        self.latinSuffixes = latinSuffixes
        self.prefixes = prefixes.uniqued()
        // Longer titles first, so "Amir al-Muminin" wins over "Amir".
        self.titles = titles.uniqued().sorted { $0.count > $1.count }
        self.offices = offices.uniqued()
        titleEnds = TaggingModel.lastUnitBits(of: titles)
    }

    /// A model from the parts `archived()` wrote (TaggingModel+Archive.swift); what can be worked
    /// out from them is, as the compiling init does.
    init(trie: LabelTrie, payloads: [Payload], keyStarts: [Int32], spaces: [Int32], caseLetters: [[Unicode.Scalar]],
         labels: CompactLabels, entityIDs: [String], entityTypes: [EntityType], directBroader: [[String]],
         prefLabels: [Int64: Int32], arabicSuffixes: [[UInt16]: [[UInt16]]], latinSuffixes: [[UInt16]: [[UInt16]]],
         prefixes: [[UInt16]], titles: [[UInt16]], offices: [[UInt16]], placeHeads: [[[UInt16]]],
         mayHaveNegativeConflict: Bool) {
        self.trie = trie
        self.payloads = payloads
        self.keyStarts = keyStarts
        self.spaces = spaces
        self.caseLetters = caseLetters
        asciiCaseLetters = caseLetters.map { letters in
            letters.allSatisfy(\.isASCII) ? letters.map { UInt8($0.value) } : nil
        }
        isAcronym = TaggingModel.acronyms(asciiCaseLetters)
        self.labels = labels
        self.entityIDs = entityIDs
        self.entityTypes = entityTypes
        self.directBroader = directBroader
        entityIndex = TaggingModel.index(ofIDs: entityIDs)
        self.prefLabels = prefLabels
        self.arabicSuffixes = arabicSuffixes
        self.latinSuffixes = latinSuffixes
        self.prefixes = prefixes
        self.titles = titles
        self.offices = offices
        self.placeHeads = placeHeads
        titleEnds = TaggingModel.lastUnitBits(of: titles)
        self.mayHaveNegativeConflict = mayHaveNegativeConflict
    }

    /// A bit set over UInt16 of the last units of `keys`.
    private static func lastUnitBits(of keys: [[UInt16]]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 0x1_0000 / 64)
        for key in keys { if let last = key.last { bits[Int(last) >> 6] |= 1 << UInt64(last & 63) } }
        return bits
    }

    /// Whether some title ends with `unit`.
    @inline(__always)
    func mayEndTitle(_ unit: UInt16) -> Bool { titleEnds[Int(unit) >> 6] & (1 << UInt64(unit & 63)) != 0 }

    /// For each case-sensitive label: whether its letters are two or more ASCII capitals alone.
    private static func acronyms(_ asciiCaseLetters: [[UInt8]?]) -> [Bool] {
        asciiCaseLetters.map { letters in
            guard let letters, letters.count >= 2 else { return false }
            return letters.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        }
    }

    /// The keys of a run of labels: `units[keyStarts[i]..<keyStarts[i+1]]` is label
    /// `firstLabel + i`'s key (empty when it has none), with its space positions likewise.
    private struct KeyRun: @unchecked Sendable {
        var firstLabel: Int
        var count: Int
        var units: [UInt16] = []
        var keyStarts: [Int32] = [0]
        var spaces: [Int32] = []
        var spaceStarts: [Int32] = [0]
    }

    /// Computes every label's key, the two halves of the labels on two threads.
    private static func keys(of labels: CompactLabels) throws(NormalizationSetupError) -> [KeyRun] {
        let middle = labels.count / 2
        var runs = [KeyRun(firstLabel: 0, count: middle), KeyRun(firstLabel: middle, count: labels.count - middle)]
        let results = ResultBox(runs, keyers: [try LabelKeys(), try LabelKeys()])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var run = results.runs[half]
            for index in run.firstLabel..<(run.firstLabel + run.count) {
                _ = results.keyers[half].appendKey(labels.bytes, labels.range(index), to: &run.units,
                                                   spaces: &run.spaces)
                run.keyStarts.append(Int32(run.units.count))
                run.spaceStarts.append(Int32(run.spaces.count))
            }
            results.store(run, at: half)
        }
        runs = results.runs
        return runs
    }

    /// The two halves' keyers and results: thread k uses only keyer k and writes only result k,
    /// under a lock; the results are read after both threads finish.
    private final class ResultBox: @unchecked Sendable {
        private(set) var runs: [KeyRun]
        let keyers: [LabelKeys]
        private let lock = Mutex(())
        init(_ runs: [KeyRun], keyers: [LabelKeys]) {
            self.runs = runs
            self.keyers = keyers
        }
        func store(_ run: KeyRun, at index: Int) { lock.withLock { _ in runs[index] = run } }
    }

    public var entityCount: Int { entityIDs.count }
    public func entityID(_ entity: Int) -> String { entityIDs[entity] }
    public func entityType(_ entity: Int) -> EntityType { entityTypes[entity] }
    public func labelText(_ label: Int) -> String { labels.text(label) }
    /// The label's text as UTF-8, in place.
    func labelBytes(_ label: Int) -> ArraySlice<UInt8> { labels.bytes[labels.range(label)] }
    /// The entity's broader chain: breadth first, nearest first, each id once, never the entity
    /// itself (a cycle stops; an unknown id is kept as written).
    /// - Complexity: linear in the links followed, however deep the chain.
    public func broaderChain(of entity: Int) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = []
        var queue = directBroader[entity]
        var head = 0
        while head < queue.count {
            let next = queue[head]
            head += 1
            if next == entityIDs[entity] { continue }
            // Short chains (nearly all) are searched; long ones get a set.
            if chain.count < 16 ? chain.contains(next) : seen.contains(next) { continue }
            chain.append(next)
            if chain.count == 16 { seen = Set(chain) } else if chain.count > 16 { seen.insert(next) }
            if let parent = entityIndex[next] { queue += directBroader[Int(parent)] }
        }
        return chain
    }

    /// The pref label of entity `entity` in `lang`, if it has one.
    public func prefLabel(of entity: Int, in lang: String) -> String? {
        guard let language = labels.languages.firstIndex(of: lang),
              let label = prefLabels[Int64(entity) << 8 | Int64(language)] else { return nil }
        return labels.text(Int(label))
    }

    public func makeFinder() throws(NormalizationSetupError) -> MentionFinder {
        try MentionFinder(model: self)
    }

    /// The labels in the phonetic space, built the first time a finder matches fuzzily (a big
    /// lexicon tagged exactly never pays for it).
    private let fuzzy = Mutex<FuzzyIndex?>(nil)

    func fuzzyIndex() throws(NormalizationSetupError) -> FuzzyIndex {
        try Self.onFirstUse(fuzzy) { () throws(NormalizationSetupError) in
            FuzzyIndex(model: self, lists: try FuzzyWordLists.builtIn(), restoring: fuzzyTablesSource.withLock { $0 })
        }
    }

    /// Where the fuzzy index may read its tables instead of building them (the built-in model's,
    /// compiled at build time: `adoptFuzzyTables`).
    private let fuzzyTablesSource = Mutex<FuzzyIndex.TablesSource?>(nil)

    func adoptFuzzyTablesSource(_ source: @escaping FuzzyIndex.TablesSource) {
        fuzzyTablesSource.withLock { $0 = source }
    }

    /// The words that never extend a name (`LongerNames`), built the first time a finder needs them.
    private let longerNames = Mutex<LongerNames?>(nil)

    func longerNameRule() throws(NormalizationSetupError) -> LongerNames {
        try Self.onFirstUse(longerNames) { () throws(NormalizationSetupError) in
            try LongerNames(model: self, lists: try FuzzyWordLists.builtIn())
        }
    }

    /// The head words beside places' names (`PlaceHeads`), gathered the first time a record names a
    /// place.
    private let placeHeadRuleCell = Mutex<PlaceHeads?>(nil)

    func placeHeadRule() -> PlaceHeads {
        Self.onFirstUse(placeHeadRuleCell) { PlaceHeads(model: self) }
    }

    /// Places lying in one another (`PlaceNeighbours`), worked out the first time a record's fuzzy
    /// pass has support.
    private let placeNeighboursCell = Mutex<PlaceNeighbours?>(nil)

    func placeNeighbours() -> PlaceNeighbours {
        Self.onFirstUse(placeNeighboursCell) { PlaceNeighbours(model: self) }
    }

    /// What the head words pick (`PlaceHeads.picks`), worked out the first time one is read beside
    /// a place's name.
    private let placeHeadPicksCell = Mutex<PlaceHeads.Picks?>(nil)

    func placeHeadPicks() -> PlaceHeads.Picks {
        Self.onFirstUse(placeHeadPicksCell) { PlaceHeads.picks(of: self) }
    }

    /// The value in `cell`, made now if it has none. Threads racing on the first use may each
    /// make one; the first stored is kept and shared.
    private static func onFirstUse<Value: Sendable, Failure: Error>(
        _ cell: borrowing Mutex<Value?>, _ make: () throws(Failure) -> Value
    ) throws(Failure) -> Value {
        if let built = cell.withLock({ $0 }) { return built }
        let value = try make()
        return cell.withLock { stored in
            if stored == nil { stored = value }
            return stored!
        }
    }
}

/// Why a lexicon could not be compiled.
public enum LexiconLoadError: Error, CustomStringConvertible {
    /// The files have errors (each a `path:line:col` diagnostic).
    case invalid([Diagnostic])
    case setup(NormalizationSetupError)
    /// The checks could not be set up (ICU's spoof checker).
    case checker(String)

    public var description: String {
        switch self {
        case .invalid(let errors): return errors.map(\.description).joined(separator: "\n")
        case .setup(let error): return error.description
        case .checker(let reason): return "cannot check the lexicon: \(reason)"
        }
    }
}
