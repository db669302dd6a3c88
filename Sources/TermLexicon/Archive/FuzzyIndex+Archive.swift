import TextNormalization

/// The fuzzy pass's tables in a compiled model's archive (TaggingModel+Archive): building them
/// folds every label into the phonetic space (the Cyrillic ones through ICU) and files it under its
/// skeleton's neighbours, some fifty million instructions at the first line with text; read back,
/// they cost a few. What is worked out from them (negative labels by entity, packed skeletons, the
/// word flags) is worked out again on reading; the composed names (`ComposedNames`) are kept.
extension FuzzyIndex.Tables {
    /// The fuzzy tables' archive: magic and format, like the model's.
    static let archiveKind = ArchiveKind(magic: "LXFUZZY", format: 2)

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

    func write(to out: inout ArchiveWriter) {
        out.count(entries.count)
        for entry in entries {
            out.i32(entry.payload)
            out.i32(entry.entity)
            out.u8(entry.words)
            out.u8(entry.spaces)
            out.u8(entry.script.rawValue)
            out.bool(entry.negative)
            out.bool(entry.shortened)
            out.i64(Int64(bitPattern: entry.firstWord))
            out.i64(Int64(bitPattern: entry.lastWord))
            out.u32(entry.weight.bitPattern)
        }
        for strings in [labelSymbols, labelSkeletons] {
            out.byteArray(strings.bytes)
            out.int32s(strings.starts)
        }
        for table in [buckets, arabicBuckets, byFrequentFirstWord] {
            out.count(table.keys.count)
            for key in table.keys { out.i64(Int64(bitPattern: key)) }
            out.int32s(table.starts)
            out.int32s(table.values)
        }
        out.u32(UInt32(longestLabel))
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
        let count = try input.count(width: 30)
        var entries: [FuzzyIndex.Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let payload = try input.i32(), entity = try input.i32(), words = try input.u8(), spaces = try input.u8()
            guard let script = PhoneticFold.Script(rawValue: try input.u8()),
                  payload >= 0, Int(payload) < payloads, entity >= 0, Int(entity) < entities else { return nil }
            entries.append(FuzzyIndex.Entry(
                payload: payload, entity: entity, words: words, spaces: spaces, script: script,
                negative: try input.bool(), shortened: try input.bool(),
                firstWord: UInt64(bitPattern: try input.i64()), lastWord: UInt64(bitPattern: try input.i64()),
                weight: Float(bitPattern: try input.u32())))
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
            let length = try input.count(width: 8)
            var keys: [UInt64] = []
            keys.reserveCapacity(length)
            for _ in 0..<length { keys.append(UInt64(bitPattern: try input.i64())) }
            let starts = try input.int32s()
            guard let table = BucketTable(keys: keys, starts: starts, values: try input.int32s(), entryCount: count)
            else { return nil }
            tables.append(table)
        }
        let longestLabel = Int(try input.u32())
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
                                 longestLabel: longestLabel, lists: lists)
            .with(ComposedNames(items: composed, entityCount: entities))
    }
}

extension TaggingModel {
    /// The fuzzy pass's tables for this model as bytes (built now if they were not).
    public func archivedFuzzyTables(lexiconDigest: String) throws(NormalizationSetupError) -> [UInt8] {
        try fuzzyIndex().tables.archived(lexiconDigest: lexiconDigest)
    }
}
