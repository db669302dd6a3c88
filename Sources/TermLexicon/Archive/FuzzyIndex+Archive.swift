import TextNormalization

/// The fuzzy pass's tables in a compiled model's archive (TaggingModel+Archive): building them
/// folds every label into the phonetic space (the Cyrillic ones through ICU) and files it under its
/// skeleton's neighbours, some fifty million instructions at the first line with text; read back,
/// they cost a few. What is worked out from them (negative labels by entity, packed skeletons, the
/// word flags) is worked out again on reading; the composed names (`ComposedNames`) are kept.
extension FuzzyIndex.Tables {
    /// The fuzzy tables' archive: magic and format, like the model's.
    static let archiveKind = ArchiveKind(magic: "LXFUZZY", format: 6)

    /// The tables as bytes, with the digest of the lexicon files they were built from.
    func archived(lexiconDigest: String) -> [UInt8] {
        var out = ArchiveWriter(kind: FuzzyIndex.Tables.archiveKind, lexiconDigest: lexiconDigest)
        write(to: &out)
        return out.sealed()
    }

    /// The tables an archive holds, for a model of `payloads` payloads and `entities` entities.
    static func restored(from bytes: [UInt8], lexiconDigest: String, payloads: Int, entities: Int,
                         lists: FuzzyWordLists) throws(ArchiveMismatch) -> FuzzyIndex.Tables {
        var reader = try ArchiveReader(opening: bytes, kind: archiveKind, lexiconDigest: lexiconDigest)
        do {
            guard let tables = try read(from: &reader, payloads: payloads, entities: entities, lists: lists),
                  reader.isAtEnd else { throw ArchiveMismatch.unreadable }
            return tables
        } catch {
            throw .unreadable
        }
    }

    /// Entries go column by column, like the model's records: a checked read per column.
    func write(to out: inout ArchiveWriter) {
        out.int32s(entries.map(\.payload))
        out.int32s(entries.map(\.entity))
        out.byteArray(entries.map(\.words))
        out.byteArray(entries.map(\.spaces))
        out.byteArray(entries.map(\.script.rawValue))
        out.byteArray(entries.map { ($0.negative ? 1 : 0) | ($0.shortened ? 2 : 0) | ($0.weak ? 4 : 0) })
        out.int64s(entries.map { Int64(bitPattern: $0.firstWord) })
        out.int64s(entries.map { Int64(bitPattern: $0.lastWord) })
        out.int32s(entries.map { Int32(bitPattern: $0.weight.bitPattern) })
        for strings in [labelSymbols, labelSkeletons] {
            out.byteArray(strings.bytes)
            out.int32s(strings.starts)
        }
        for table in [buckets, arabicBuckets, byFrequentFirstWord] {
            out.int64s(table.keys.map { Int64(bitPattern: $0) })
            out.int32s(table.starts)
            out.int32s(table.values)
        }
        out.u32(UInt32(longestLabel))
        out.int64s(innerWords.map { Int64(bitPattern: $0) })
        let composed = composedNames.items
        out.count(composed.count)
        for item in composed {
            out.i32(item.innerEntity)
            out.i32(item.entry)
            out.bool(item.innerFirst)
            out.u8(UInt8(min(item.restWords, 255)))
            out.i64(Int64(bitPattern: item.restSkeleton))
            out.u8(UInt8(item.restSkeletonCount))
            out.byteArray(item.innerSymbols)
            out.byteArray(item.restSymbols)
        }
    }

    /// The tables `write` wrote, or nil when they do not fit a model of `payloads` payloads and
    /// `entities` entities.
    static func read(from input: inout ArchiveReader, payloads: Int, entities: Int,
                     lists: FuzzyWordLists) throws(ArchiveReader.Damaged) -> FuzzyIndex.Tables? {
        let entryPayloads = try input.int32s(), entryEntities = try input.int32s()
        let words = try input.byteArray(), spaces = try input.byteArray(), scripts = try input.byteArray()
        let marks = try input.byteArray(), firstWords = try input.int64s(), lastWords = try input.int64s()
        let weights = try input.int32s()
        let count = entryPayloads.count
        guard [entryEntities.count, words.count, spaces.count, scripts.count, marks.count, firstWords.count,
               lastWords.count, weights.count].allSatisfy({ $0 == count }) else { return nil }
        var entries: [FuzzyIndex.Entry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            let payload = entryPayloads[index], entity = entryEntities[index], mark = marks[index]
            guard let script = PhoneticFold.Script(rawValue: scripts[index]), mark < 8,
                  payload >= 0, Int(payload) < payloads, entity >= 0, Int(entity) < entities else { return nil }
            entries.append(FuzzyIndex.Entry(
                payload: payload, entity: entity, words: words[index], spaces: spaces[index], script: script,
                negative: mark & 1 != 0, shortened: mark & 2 != 0, weak: mark & 4 != 0,
                firstWord: UInt64(bitPattern: firstWords[index]), lastWord: UInt64(bitPattern: lastWords[index]),
                weight: Float(bitPattern: UInt32(bitPattern: weights[index]))))
        }
        var strings: [PackedStrings] = []
        for _ in 0..<2 {
            let bytes = try input.byteArray()
            guard let packed = PackedStrings(bytes: bytes, starts: try input.int32s()), packed.count == count
            else { return nil }
            strings.append(packed)
        }
        var tables: [BucketTable] = []
        for _ in 0..<3 {
            let keys = try input.int64s().map { UInt64(bitPattern: $0) }
            let starts = try input.int32s()
            guard let table = BucketTable(keys: keys, starts: starts, values: try input.int32s(), entryCount: count)
            else { return nil }
            tables.append(table)
        }
        let longestLabel = Int(try input.u32())
        let innerWords = try input.int64s().map { UInt64(bitPattern: $0) }
        var composed: [ComposedNames.Item] = []
        for _ in 0..<(try input.count(width: 24)) {
            let entity = try input.i32(), entry = try input.i32(), innerFirst = try input.bool()
            let restWords = Int(try input.u8()), restSkeleton = UInt64(bitPattern: try input.i64())
            let restSkeletonCount = Int(try input.u8())
            guard entity >= 0, Int(entity) < entities, entry >= 0, Int(entry) < count, restSkeletonCount <= 15
            else { return nil }
            composed.append(ComposedNames.Item(
                innerEntity: entity, entry: entry, innerFirst: innerFirst, innerSymbols: try input.byteArray(),
                restSymbols: try input.byteArray(), restWords: restWords, restSkeleton: restSkeleton,
                restSkeletonCount: restSkeletonCount))
        }
        return FuzzyIndex.Tables(entries: entries, labelSymbols: strings[0], labelSkeletons: strings[1],
                                 buckets: tables[0], arabicBuckets: tables[1], byFrequentFirstWord: tables[2],
                                 longestLabel: longestLabel, innerWords: innerWords, lists: lists)
            .with(ComposedNames(items: composed, entityCount: entities))
    }
}

extension TaggingModel {
    /// The fuzzy pass's tables for this model as bytes (built now if they were not).
    public func archivedFuzzyTables(lexiconDigest: String) throws(NormalizationSetupError) -> [UInt8] {
        try fuzzyIndex().tables.archived(lexiconDigest: lexiconDigest)
    }
}
