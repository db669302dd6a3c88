import LexiconData
import TextNormalization

/// A compiled model as bytes, so that the lexicon built into the binary is compiled when the binary
/// is built (the CompileLexiconModel tool) and only read back when it runs: reading it costs a few
/// million instructions where compiling the files costs some fifty (label keys through ICU, the
/// trie, the parsing).
///
/// The archive names the lexicon files it was compiled from (their `FileSetDigest`) and the ICU it
/// was compiled with: keys are ICU normalisations, so a model is used only with the ICU and the
/// files it was made from, and the caller compiles the files otherwise.
extension TaggingModel {
    /// The model archive's magic and format (bumped whenever what `archived()` writes changes).
    static let archiveKind = ArchiveKind(magic: "LXMODEL", format: 5)

    /// The model as bytes, with the digest of the files it was compiled from, and the built-in
    /// fuzzy word lists' hashes when given (they are keyed with ICU too; their texts are among the
    /// files the digest covers).
    public func archived(lexiconDigest: String, wordLists: FuzzyWordLists? = nil) -> [UInt8] {
        var out = ArchiveWriter(kind: TaggingModel.archiveKind, lexiconDigest: lexiconDigest)

        // Records of several fields go column by column: each column is then one checked read of
        // a whole array at start-up instead of a checked read per field and record.
        out.units(trie.keyUnits)
        let steps = trie.steps
        out.units(steps.map(\.unit))
        out.units(steps.map(\.second))
        out.units(steps.map(\.length))
        out.int32s(steps.map(\.keyPosition))
        out.int32s(steps.map(\.childStart))
        out.int32s(steps.map(\.childCount))
        out.int32s(steps.map(\.terminalStart))
        out.int32s(steps.map(\.terminalCount))
        out.int32s(trie.terminals)
        // The root's table is 65,536 entries, nearly all -1: only the others are written.
        let rootEntries = trie.rootEdges.indices.filter { trie.rootEdges[$0] >= 0 }
        out.units(rootEntries.map { UInt16($0) })
        out.int32s(rootEntries.map { trie.rootEdges[$0] })

        out.int32s(payloads.map(\.entity))
        out.int32s(payloads.map(\.label))
        out.byteArray(payloads.map(\.flags.rawValue))
        out.int32s(payloads.map(\.spacesStart))
        out.int32s(payloads.map(\.spacesCount))
        out.int32s(payloads.map(\.caseIndex))
        out.int32s(keyStarts)
        out.int32s(spaces)
        // Each label's case letters, as one column of lengths and one of all the letters.
        out.int32s(caseLetters.map { Int32($0.count) })
        out.int32s(caseLetters.flatMap { $0.map { Int32(bitPattern: $0.value) } })

        out.byteArray(labels.bytes)
        out.int32s(labels.offsets)
        out.int32s(labels.entities)
        out.byteArray(labels.languageIndexes)
        out.byteArray(labels.kinds.map { UInt8($0.rank) })
        out.byteArray(labels.flags.map(\.rawValue))
        out.strings(labels.languages)

        out.strings(entityIDs)
        out.byteArray(entityTypes.map { UInt8(EntityType.allCases.firstIndex(of: $0)!) })
        out.count(directBroader.count)
        for broader in directBroader { out.strings(broader) }

        // Dictionaries in key order, so that one lexicon always makes the same bytes.
        let prefSlots = prefLabels.keys.sorted()
        out.int64s(prefSlots)
        out.int32s(prefSlots.map { prefLabels[$0]! })
        for suffixes in [arabicSuffixes, latinSuffixes] {
            out.count(suffixes.count)
            for suffix in suffixes.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                out.units(suffix)
                let endings = suffixes[suffix]!
                out.count(endings.count)
                for ending in endings { out.units(ending) }
            }
        }
        for keys in [prefixes, titles, offices] + placeHeads {
            out.count(keys.count)
            for key in keys { out.units(key) }
        }
        out.bool(mayHaveNegativeConflict)
        out.bool(wordLists != nil)
        if let wordLists {
            out.hashes(wordLists.frequentWordHashes)
            out.hashes(wordLists.headNounHashes)
            out.hashes(wordLists.particleHashes)
            out.hashes(wordLists.omissibleNameHashes)
        }
        return out.sealed()
    }

    /// Why an archive was not used.
    public typealias ArchiveMismatch = TermLexicon.ArchiveMismatch

    /// The model an archive holds, when it was compiled from the files with `lexiconDigest` with
    /// this ICU and is whole.
    public static func restored(from bytes: [UInt8], lexiconDigest: String) throws(ArchiveMismatch) -> TaggingModel {
        var reader = try ArchiveReader(opening: bytes, kind: archiveKind, lexiconDigest: lexiconDigest)
        do {
            guard let (model, wordLists) = try read(&reader), reader.isAtEnd else { throw ArchiveMismatch.unreadable }
            if let wordLists { FuzzyWordLists.adoptBuiltIn(wordLists) }
            return model
        } catch {
            throw .unreadable
        }
    }

    /// The model's parts in `archived()`'s order and the word lists if it has them, or nil when
    /// they do not fit together.
    private static func read(_ input: inout ArchiveReader) throws(ArchiveReader.Damaged)
        -> (model: TaggingModel, wordLists: FuzzyWordLists?)? {
        let keyUnits = try input.units()
        let stepUnits = try input.units(), seconds = try input.units(), lengths = try input.units()
        let keyPositions = try input.int32s(), childStarts = try input.int32s(), childCounts = try input.int32s()
        let terminalStarts = try input.int32s(), terminalCounts = try input.int32s()
        let stepCount = stepUnits.count
        guard [seconds.count, lengths.count, keyPositions.count, childStarts.count, childCounts.count,
               terminalStarts.count, terminalCounts.count].allSatisfy({ $0 == stepCount }) else { return nil }
        let steps = (0..<stepCount).map { index in
            LabelTrie.Step(unit: stepUnits[index], second: seconds[index], length: lengths[index],
                           keyPosition: keyPositions[index], childStart: childStarts[index],
                           childCount: childCounts[index], terminalStart: terminalStarts[index],
                           terminalCount: terminalCounts[index])
        }
        let terminals = try input.int32s()
        let rootUnits = try input.units(), rootSteps = try input.int32s()
        guard rootUnits.count == rootSteps.count else { return nil }
        var rootEdges = [Int32](repeating: -1, count: 0x1_0000)
        for (unit, step) in zip(rootUnits, rootSteps) { rootEdges[Int(unit)] = step }

        let payloadEntities = try input.int32s(), payloadLabels = try input.int32s()
        let payloadFlags = try input.byteArray(), spacesStarts = try input.int32s()
        let spacesCounts = try input.int32s(), caseIndexes = try input.int32s()
        let payloadCount = payloadEntities.count
        guard [payloadLabels.count, payloadFlags.count, spacesStarts.count, spacesCounts.count,
               caseIndexes.count].allSatisfy({ $0 == payloadCount }) else { return nil }
        let payloads = (0..<payloadCount).map { index in
            Payload(entity: payloadEntities[index], label: payloadLabels[index],
                    flags: LabelFlags(rawValue: payloadFlags[index]), spacesStart: spacesStarts[index],
                    spacesCount: spacesCounts[index], caseIndex: caseIndexes[index])
        }
        let keyStarts = try input.int32s()
        let spaces = try input.int32s()
        let caseLengths = try input.int32s(), caseValues = try input.int32s()
        guard caseLengths.allSatisfy({ $0 >= 0 }), caseLengths.reduce(0, { $0 + Int($1) }) == caseValues.count
        else { return nil }
        var caseLetters: [[Unicode.Scalar]] = []
        caseLetters.reserveCapacity(caseLengths.count)
        var caseStart = 0
        for length in caseLengths {
            var letters: [Unicode.Scalar] = []
            letters.reserveCapacity(Int(length))
            for value in caseValues[caseStart..<caseStart + Int(length)] {
                guard let letter = Unicode.Scalar(UInt32(bitPattern: value)) else { return nil }
                letters.append(letter)
            }
            caseLetters.append(letters)
            caseStart += Int(length)
        }

        var labels = CompactLabels()
        labels.bytes = try input.byteArray()
        labels.offsets = try input.int32s()
        labels.entities = try input.int32s()
        labels.languageIndexes = try input.byteArray()
        let kinds = try input.byteArray(), flags = try input.byteArray()
        guard kinds.allSatisfy({ Int($0) < LabelKind.allCases.count }) else { return nil }
        labels.kinds = kinds.map { rank in LabelKind.allCases.first { $0.rank == Int(rank) }! }
        labels.flags = flags.map(LabelFlags.init(rawValue:))
        labels.languages = try input.strings()

        let entityIDs = try input.strings()
        let types = try input.byteArray()
        guard types.allSatisfy({ Int($0) < EntityType.allCases.count }) else { return nil }
        let entityTypes = types.map { EntityType.allCases[Int($0)] }
        var directBroader: [[String]] = []
        for _ in 0..<(try input.count(width: 4)) { directBroader.append(try input.strings()) }

        let prefSlots = try input.int64s(), prefLabelIndexes = try input.int32s()
        guard prefSlots.count == prefLabelIndexes.count else { return nil }
        var prefLabels: [Int64: Int32] = Dictionary(minimumCapacity: prefSlots.count)
        for (slot, label) in zip(prefSlots, prefLabelIndexes) {
            guard prefLabels.updateValue(label, forKey: slot) == nil else { return nil }
        }
        var suffixTables: [[[UInt16]: [[UInt16]]]] = []
        for _ in 0..<2 {
            var table: [[UInt16]: [[UInt16]]] = [:]
            for _ in 0..<(try input.count(width: 8)) {
                let suffix = try input.units()
                var endings: [[UInt16]] = []
                for _ in 0..<(try input.count(width: 4)) { endings.append(try input.units()) }
                table[suffix] = endings
            }
            suffixTables.append(table)
        }
        var keyLists: [[[UInt16]]] = []
        for _ in 0..<(3 + Affixes.Kind.heads.count) {
            var keys: [[UInt16]] = []
            for _ in 0..<(try input.count(width: 4)) { keys.append(try input.units()) }
            keyLists.append(keys)
        }
        let mayHaveNegativeConflict = try input.bool()
        var wordLists: FuzzyWordLists?
        if try input.bool() {
            let frequent = try input.hashes(), headNouns = try input.hashes()
            let particles = try input.hashes(), omissible = try input.hashes()
            wordLists = FuzzyWordLists(
                frequentWordsText: EmbeddedLexicon.files[FuzzyWordLists.frequentWordsPath] ?? "",
                headNounsText: EmbeddedLexicon.files[FuzzyWordLists.headNounsPath] ?? "",
                frequentWordHashes: frequent, headNounHashes: headNouns, particleHashes: particles,
                omissibleNameHashes: omissible)
        }

        guard let trie = LabelTrie(keyUnits: keyUnits, steps: steps, terminals: terminals, rootEdges: rootEdges,
                                   payloadCount: payloads.count),
              fits(payloads: payloads, keyStarts: keyStarts, keyUnits: keyUnits, spaces: spaces,
                   caseLetters: caseLetters, labels: labels, entities: entityIDs.count),
              entityTypes.count == entityIDs.count, directBroader.count == entityIDs.count,
              prefLabels.values.allSatisfy({ $0 >= 0 && Int($0) < labels.count })
        else { return nil }
        let model = TaggingModel(trie: trie, payloads: payloads, keyStarts: keyStarts, spaces: spaces,
                            caseLetters: caseLetters, labels: labels, entityIDs: entityIDs, entityTypes: entityTypes,
                            directBroader: directBroader, prefLabels: prefLabels, arabicSuffixes: suffixTables[0],
                            latinSuffixes: suffixTables[1], prefixes: keyLists[0], titles: keyLists[1],
                            offices: keyLists[2], placeHeads: Array(keyLists[3...]),
                            mayHaveNegativeConflict: mayHaveNegativeConflict)
        return (model, wordLists)
    }

    /// Whether every index the matcher follows from a payload or a label stays inside its array.
    private static func fits(payloads: [Payload], keyStarts: [Int32], keyUnits: [UInt16], spaces: [Int32],
                             caseLetters: [[Unicode.Scalar]], labels: CompactLabels, entities: Int) -> Bool {
        // Inflected keys (`CaseEndings`) follow the labels' own in `keyUnits`.
        guard keyStarts.count == payloads.count + 1, keyStarts.first == 0, keyStarts.last! <= Int32(keyUnits.count),
              zip(keyStarts, keyStarts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return false }
        let count = labels.entities.count
        guard labels.offsets.count == count + 1, labels.offsets.first == 0,
              labels.offsets.last == Int32(labels.bytes.count),
              zip(labels.offsets, labels.offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              labels.languageIndexes.count == count, labels.kinds.count == count, labels.flags.count == count,
              labels.languageIndexes.allSatisfy({ Int($0) < labels.languages.count }),
              labels.entities.allSatisfy({ $0 >= 0 && Int($0) < entities }) else { return false }
        return payloads.indices.allSatisfy { index in
            let payload = payloads[index]
            guard payload.entity >= 0, Int(payload.entity) < entities, payload.label >= 0, Int(payload.label) < count,
                  payload.spacesStart >= 0, payload.spacesCount >= 0,
                  Int(payload.spacesStart) + Int(payload.spacesCount) <= spaces.count,
                  payload.caseIndex >= -1, Int(payload.caseIndex) < caseLetters.count,
                  payload.caseIndex >= 0 || !payload.flags.contains(.caseSensitive) else { return false }
            // A label's spaces: key positions inside its key, in order.
            let keyLength = keyStarts[index + 1] - keyStarts[index]
            var previous: Int32 = 0
            for position in spaces[Int(payload.spacesStart)..<Int(payload.spacesStart + payload.spacesCount)] {
                guard position > previous, position < keyLength else { return false }
                previous = position
            }
            return true
        }
    }
}

extension TaggingModel {
    /// `archived(lexiconDigest:)` as text (`ArchiveText`), the form a build tool writes into a Swift
    /// literal.
    public static func textArchive(of model: TaggingModel, wordLists: FuzzyWordLists?,
                                   lexiconDigest: String) -> String {
        ArchiveText.encode(model.archived(lexiconDigest: lexiconDigest, wordLists: wordLists))
    }

    /// `restored(from:lexiconDigest:)` from its text.
    public static func restored(fromText text: String,
                                lexiconDigest: String) throws(ArchiveMismatch) -> TaggingModel {
        guard let bytes = ArchiveText.decode(text) else { throw .unreadable }
        return try restored(from: bytes, lexiconDigest: lexiconDigest)
    }

    /// `archivedFuzzyTables(lexiconDigest:)` as text.
    public func textFuzzyTables(lexiconDigest: String) throws(NormalizationSetupError) -> String {
        ArchiveText.encode(try archivedFuzzyTables(lexiconDigest: lexiconDigest))
    }

    /// Gives the model the fuzzy pass's tables as text (`textFuzzyTables`), read when the pass
    /// first needs them (`echo | lexalign tag` and runs with `--fuzzy off` never do); tables that do
    /// not fit are built from the labels instead.
    public func adoptFuzzyTables(text: String, lexiconDigest: String) {
        adoptFuzzyTablesSource { payloads, entities, lists in
            guard let bytes = ArchiveText.decode(text) else { return nil }
            return try? FuzzyIndex.Tables.restored(from: bytes, lexiconDigest: lexiconDigest, payloads: payloads,
                                                   entities: entities, lists: lists)
        }
    }
}
