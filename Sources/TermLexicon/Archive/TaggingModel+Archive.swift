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
    static let archiveKind = ArchiveKind(magic: "LXMODEL", format: 4)

    /// The model as bytes, with the digest of the files it was compiled from, and the built-in
    /// fuzzy word lists' hashes when given (they are keyed with ICU too; their texts are among the
    /// files the digest covers).
    public func archived(lexiconDigest: String, wordLists: FuzzyWordLists? = nil) -> [UInt8] {
        var out = ArchiveWriter(kind: TaggingModel.archiveKind, lexiconDigest: lexiconDigest)

        out.units(trie.keyUnits)
        out.count(trie.steps.count)
        for step in trie.steps {
            out.u16(step.unit)
            out.u16(step.second)
            out.u16(step.length)
            out.i32(step.keyPosition)
            out.i32(step.childStart)
            out.i32(step.childCount)
            out.i32(step.terminalStart)
            out.i32(step.terminalCount)
        }
        out.int32s(trie.terminals)
        // The root's table is 65,536 entries, nearly all -1: only the others are written.
        let rootEntries = trie.rootEdges.indices.filter { trie.rootEdges[$0] >= 0 }
        out.count(rootEntries.count)
        for unit in rootEntries {
            out.u16(UInt16(unit))
            out.i32(trie.rootEdges[unit])
        }

        out.count(payloads.count)
        for payload in payloads {
            out.i32(payload.entity)
            out.i32(payload.label)
            out.u8(payload.flags.rawValue)
            out.i32(payload.spacesStart)
            out.i32(payload.spacesCount)
            out.i32(payload.caseIndex)
        }
        out.int32s(keyStarts)
        out.int32s(spaces)
        out.count(caseLetters.count)
        for letters in caseLetters {
            out.count(letters.count)
            for letter in letters { out.u32(letter.value) }
        }

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
        out.count(prefLabels.count)
        for slot in prefLabels.keys.sorted() {
            out.i64(slot)
            out.i32(prefLabels[slot]!)
        }
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
        var steps: [LabelTrie.Step] = []
        let stepCount = try input.count(width: 26)
        steps.reserveCapacity(stepCount)
        for _ in 0..<stepCount {
            steps.append(LabelTrie.Step(unit: try input.u16(), second: try input.u16(), length: try input.u16(),
                                        keyPosition: try input.i32(), childStart: try input.i32(),
                                        childCount: try input.i32(), terminalStart: try input.i32(),
                                        terminalCount: try input.i32()))
        }
        let terminals = try input.int32s()
        var rootEdges = [Int32](repeating: -1, count: 0x1_0000)
        for _ in 0..<(try input.count(width: 6)) {
            let unit = Int(try input.u16())
            rootEdges[unit] = try input.i32()
        }

        var payloads: [Payload] = []
        let payloadCount = try input.count(width: 17)
        payloads.reserveCapacity(payloadCount)
        for _ in 0..<payloadCount {
            payloads.append(Payload(entity: try input.i32(), label: try input.i32(),
                                    flags: LabelFlags(rawValue: try input.u8()), spacesStart: try input.i32(),
                                    spacesCount: try input.i32(), caseIndex: try input.i32()))
        }
        let keyStarts = try input.int32s()
        let spaces = try input.int32s()
        var caseLetters: [[Unicode.Scalar]] = []
        for _ in 0..<(try input.count(width: 4)) {
            var letters: [Unicode.Scalar] = []
            for _ in 0..<(try input.count(width: 4)) {
                guard let letter = Unicode.Scalar(try input.u32()) else { return nil }
                letters.append(letter)
            }
            caseLetters.append(letters)
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

        var prefLabels: [Int64: Int32] = [:]
        for _ in 0..<(try input.count(width: 12)) {
            let slot = try input.i64()
            prefLabels[slot] = try input.i32()
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
    /// `archived(lexiconDigest:)` as base64, the form a build tool writes into a Swift literal.
    public static func base64Archive(of model: TaggingModel, wordLists: FuzzyWordLists?,
                                     lexiconDigest: String) -> String {
        Base64.encode(model.archived(lexiconDigest: lexiconDigest, wordLists: wordLists))
    }

    /// `restored(from:lexiconDigest:)` from base64.
    public static func restored(fromBase64 text: String,
                                lexiconDigest: String) throws(ArchiveMismatch) -> TaggingModel {
        guard let bytes = Base64.decode(Array(text.utf8)) else { throw .unreadable }
        return try restored(from: bytes, lexiconDigest: lexiconDigest)
    }

    /// `archivedFuzzyTables(lexiconDigest:)` as base64.
    public func base64FuzzyTables(lexiconDigest: String) throws(NormalizationSetupError) -> String {
        Base64.encode(try archivedFuzzyTables(lexiconDigest: lexiconDigest))
    }

    /// Gives the model the fuzzy pass's tables as base64 (`base64FuzzyTables`), read when the pass
    /// first needs them (`echo | lexalign tag` and runs with `--fuzzy off` never do); tables that do
    /// not fit are built from the labels instead.
    public func adoptFuzzyTables(base64 text: String, lexiconDigest: String) {
        adoptFuzzyTablesSource { payloads, entities, lists in
            guard let bytes = Base64.decode(Array(text.utf8)) else { return nil }
            return try? FuzzyIndex.Tables.restored(from: bytes, lexiconDigest: lexiconDigest, payloads: payloads,
                                                   entities: entities, lists: lists)
        }
    }
}
