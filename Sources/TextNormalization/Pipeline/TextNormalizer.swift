/// The normalisation pipeline for one thread: steps 1–6 of docs/ARCHITECTURE.md over one line at a time.
///
/// Not thread-safe (it reuses its buffers and owns ICU transliterators); make one per thread with
/// `NormalizationContext.makeNormalizer()`.
public final class TextNormalizer {
    public let context: NormalizationContext
    /// Whether a line's language is worked out when the form does not need it (the key form is the
    /// same in every language). Turn off to save time when nobody reads `language`.
    public var reportsLanguage = true

    private let romanizer: Romanizer?
    // Buffers reused from line to line; each holds `count` meaningful units at its front.
    private var decoded: [UInt16] = []
    private var normalized: [UInt16] = []
    private var mapped: [UInt16] = []
    private var encoded: [UInt8] = []

    init(context: NormalizationContext) throws(NormalizationSetupError) {
        self.context = context
        if let data = context.romanization {
            do {
                romanizer = try Romanizer(data: data, keyFolding: context.tables.keyFolding,
                                          latinASCII: context.tables.latinASCII)
            } catch {
                throw .data(error)
            }
        } else {
            romanizer = nil
        }
    }

    public var options: NormalizationOptions { context.options }

    /// Normalises one line given as a String (tests, small inputs, lexicon labels).
    public func normalize(_ line: String) throws(ICUError) -> (text: String, language: Language) {
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        var issues: [DecodingIssue] = []
        let language = try normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)
        return (String(decoding: output, as: UTF8.self), language)
    }

    /// Normalises the UTF-8 line `bytes[range]` (without its line terminator) and appends the
    /// result, as UTF-8 without a terminator, to `output`.
    ///
    /// - Parameter issues: receives what was wrong with the bytes (invalid UTF-8, NUL).
    /// - Returns: the language the line was treated as.
    /// - Complexity: O(n) in the length of the line.
    @discardableResult
    public func normalize(
        _ bytes: [UInt8], _ range: Range<Int>, appendingTo output: inout [UInt8], issues: inout [DecodingIssue]
    ) throws(ICUError) -> Language {
        // The table is built at its first use: not for a normaliser that does without it.
        try normalize(bytes, range, appendingTo: &output, issues: &issues,
                      keyTable: usesSegmentTable ? keyFormSegmentTable() : nil)
    }

    /// The key form's segment table (nil for the other forms), for a caller that normalises many
    /// lines: held by the caller and handed to `normalize(_:_:appendingTo:issues:keyTable:)`, it is
    /// not copied, its arrays retained and released, at every line.
    func keyFormSegmentTable() -> SegmentTable? {
        context.options.form == .key ? segmentTable(for: .undetermined) : nil
    }

    /// `normalize(_:_:appendingTo:issues:)` with the key form's table as the caller holds it
    /// (`keyFormSegmentTable`).
    func normalize(
        _ bytes: [UInt8], _ range: Range<Int>, appendingTo output: inout [UInt8], issues: inout [DecodingIssue],
        keyTable: SegmentTable?
    ) throws(ICUError) -> Language {
        let form = context.options.form
        if usesSegmentTable, form == .key, context.options.language != nil || !reportsLanguage, let keyTable,
           try normalizeBySegments(bytes, range, keyTable, appendingTo: &output) {
            return context.options.language ?? .undetermined
        }
        if usesSegmentTable, form == .text, let language = asciiLine(bytes, range, appendingTo: &output) {
            return language
        }
        let (decodedCount, allASCII, language) = decodeLine(bytes, range, issues: &issues)
        if usesSegmentTable, form == .text, let segments = segmentTable(for: language),
           writeBySegments(decodedCount, fromBytes: range.count, language: language, tables: segments,
                           appendingTo: &output) {
            return language
        }
        let count = try fold(decoded, count: decodedCount, allASCII: allASCII, language: language)
        let encodedCount = TextNormalizer.encodeUTF8(mapped, count: count, into: &encoded)
        output.append(contentsOf: encoded[0..<encodedCount])
        return language
    }

    /// Whether the key and text forms go through `SegmentTable` where they can (tests turn it off
    /// to compare with the pipeline alone).
    public var usesSegmentTable = true

    /// The context's segment tables, fetched at first use: the key form's (slot 0), the text form's
    /// for Dari and English (1) and for Pashto (2).
    private var segmentTables: [SegmentTable?] = [nil, nil, nil]
    private var fetchedSegmentTables: [Bool] = [false, false, false]

    private func segmentTable(for language: Language) -> SegmentTable? {
        let slot = context.options.form == .key ? 0 : language == .pashto ? 2 : 1
        if !fetchedSegmentTables[slot] {
            segmentTables[slot] = context.segmentTable(for: language)
            fetchedSegmentTables[slot] = true
        }
        return segmentTables[slot]
    }

    /// Steps 1–6 over the UTF-8 line `bytes[range]`: the result is `mapped[0..<count]`.
    private func fold(
        _ bytes: [UInt8], _ range: Range<Int>, issues: inout [DecodingIssue]
    ) throws(ICUError) -> (count: Int, language: Language) {
        let (decodedCount, allASCII, language) = decodeLine(bytes, range, issues: &issues)
        return (try fold(decoded, count: decodedCount, allASCII: allASCII, language: language), language)
    }

    /// Steps 1 and 2 into `decoded`, and the line's language.
    private func decodeLine(
        _ bytes: [UInt8], _ range: Range<Int>, issues: inout [DecodingIssue]
    ) -> (count: Int, allASCII: Bool, language: Language) {
        var counts = LetterCounts()
        let (decodedCount, allASCII) = context.decoder.decode(bytes, range, into: &decoded, counts: &counts,
                                                              issues: &issues)
        var language = Language.undetermined
        if let fixed = context.options.language {
            language = fixed
        } else if context.options.form != .key || reportsLanguage {
            language = context.detector.language(counts: counts)
        }
        return (decodedCount, allASCII, language)
    }

    /// Steps 3–6 over the decoded `source[0..<count]`: the result is `mapped[0..<count]`.
    private func fold(_ source: [UInt16], count decodedCount: Int, allASCII: Bool,
                      language: Language) throws(ICUError) -> Int {
        let context = self.context
        let form = context.options.form

        // Step 3: Unicode normalisation. ASCII is already NFC and NFKC; the key form's lower-casing
        // of ASCII is done by its table in step 5.
        var useNormalized = false
        var sourceCount = decodedCount
        if !allASCII && context.unicodeNormalizer.normalizedPrefixLength(source, count: decodedCount) < decodedCount {
            sourceCount = try context.unicodeNormalizer.normalize(source, count: decodedCount, into: &normalized)
            useNormalized = true
        }

        // Steps 4 and 5: the character tables of the form and language.
        let map = form == .key ? context.tables.keyFolding : context.tables.orthography(for: language)
        var (mappedCount, changedShape) = useNormalized
            ? TextNormalizer.apply(map, to: normalized, count: sourceCount, into: &mapped)
            : TextNormalizer.apply(map, to: source, count: sourceCount, into: &mapped)
        // A dropped character (a tatweel between a letter and its mark) can leave a sequence that
        // is no longer normalised; normalise and map once more so the output is idempotent.
        if changedShape && !allASCII
            && context.unicodeNormalizer.normalizedPrefixLength(mapped, count: mappedCount) < mappedCount {
            let count = try context.unicodeNormalizer.normalize(mapped, count: mappedCount, into: &normalized)
            (mappedCount, changedShape) = TextNormalizer.apply(map, to: normalized, count: count, into: &mapped)
        }

        // Step 6: romanisation.
        if let romanizer {
            try romanizer.romanize(&mapped, count: &mappedCount, language: language)
        }
        return mappedCount
    }

    /// The text form of the decoded line `decoded[0..<count]` through `tables` (its language's),
    /// as `normalizeBySegments` does for the key form from bytes: units written from the table,
    /// runs of the others (with the unit before them, taken back) through steps 3–6. Returns false,
    /// having written nothing, when a run's result could combine with what comes before it or be
    /// normalised again by the pipeline; the line then goes through the pipeline from `decoded`.
    private func writeBySegments(_ count: Int, fromBytes inputBytes: Int, language: Language,
                                 tables segments: SegmentTable, appendingTo output: inout [UInt8]) -> Bool {
        if count == 0 { return true }
        var buffer = encoded
        encoded = []
        defer { encoded = buffer }
        // Each unit came from at least as many input bytes as its own UTF-8 takes (a space from at
        // least one), and an entry writes at most `bytesPerInputByte` bytes for each of those.
        let needed = inputBytes * SegmentTable.bytesPerInputByte + 256
        if buffer.count < needed { buffer = [UInt8](repeating: 0, count: needed + needed / 4) }
        let source = decoded
        let table = segments.entries.span
        var walk = SegmentTable.Walk(index: 0)
        while true {
            guard segments.writeTableUnits(source, end: count, into: &buffer, walk: &walk) else { return false }
            if walk.index >= count { break }
            let slowStart = walk.index
            let runStart = segments.takeBack(&walk, units: source, buffer: buffer) ?? slowStart
            var runEnd = slowStart + 1
            while runEnd < count && SegmentTable.isSlow(table[Int(source[runEnd])]) { runEnd += 1 }
            runUnits.removeAll(keepingCapacity: true)
            runUnits.append(contentsOf: source[runStart..<runEnd])
            let allASCII = runUnits.allSatisfy { $0 < 0x80 }
            guard let mappedCount = try? fold(runUnits, count: runUnits.count, allASCII: allASCII, language: language),
                  appendRun(mappedCount, endingAt: runEnd, to: &buffer, walk: &walk) else { return false }
        }
        output.append(contentsOf: buffer[0..<walk.written])
        return true
    }

    private var runUnits: [UInt16] = []

    /// Whether `asciiLine` may read lines: cleaning keeps printable ASCII and the table of the
    /// line's language writes it as itself (English and undetermined lines share Dari's table, so
    /// the table is known before the scan). Worked out at the first line.
    private lazy var readsASCIILines: Bool = context.decoder.keepsPrintableASCII
        && segmentTable(for: context.options.language ?? .english)?.writesASCIIAsItself == true

    /// The text form of a line of printable ASCII, spaces and tabs, when its language's table
    /// writes every such character as itself: the line's words joined by single spaces, and its
    /// language, English when it has a letter (what decoding and the detector would say). Nil,
    /// having written nothing, for any other line (a byte outside those, a control, which may
    /// have to be reported, or a table that changes ASCII). English text is mostly such lines,
    /// and they skip decoding, the detector and the table.
    private func asciiLine(_ bytes: [UInt8], _ range: Range<Int>, appendingTo output: inout [UInt8]) -> Language? {
        let fixed = context.options.language
        guard readsASCIILines else { return nil }
        // Most lines of English: the line itself, appended whole.
        let (plain, letter) = ByteScan.plainASCIILine(bytes, range)
        if plain {
            output.append(contentsOf: bytes[range])
            return fixed ?? (letter ? .english : .undetermined)
        }
        let start = output.count
        var hasLetter = false
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            if index == end { break }
            let wordStart = index
            while index < end {
                let byte = bytes[index]
                guard byte > 0x20 && byte < 0x7F else { break }
                hasLetter = hasLetter || (byte | 0x20) &- 0x61 < 26
                index += 1
            }
            if index < end && bytes[index] != 0x20 && bytes[index] != 0x09 {
                output.removeSubrange(start...)
                return nil
            }
            if output.count > start { output.append(0x20) }
            output.append(contentsOf: bytes[wordStart..<index])
        }
        return fixed ?? (hasLetter ? .english : .undetermined)
    }

    /// The key form of the line through `segments`: a character that is a normalisation segment
    /// of its own (its entry is not slow, nor is the next character's) is written from the table;
    /// a run of other characters, from the one before the first up to the next character with an
    /// entry, goes through steps 1–6 (`fold`). Characters are written from the table as they come
    /// and the last one is taken back when a slow one follows it. The output is the pipeline's:
    /// spaces collapse and the ends are trimmed as `encodeUTF8` does. Returns false, having written
    /// nothing, when a run's result could combine with what comes before it or be normalised again
    /// by the pipeline (then the whole line goes through the pipeline), or when the line has bytes
    /// to report (NUL, a lone CR, invalid UTF-8), whose places are counted from the line's start.
    private func normalizeBySegments(_ bytes: [UInt8], _ range: Range<Int>, _ segments: SegmentTable,
                                     appendingTo output: inout [UInt8]) throws(ICUError) -> Bool {
        // Written into a local buffer sized for the most the table's characters can write
        // (`SegmentTable.bytesPerInputByte`); a character or run that would not fit sends the line to
        // the pipeline.
        var buffer = encoded
        encoded = []
        defer { encoded = buffer }
        let needed = range.count * SegmentTable.bytesPerInputByte + 256
        if buffer.count < needed { buffer = [UInt8](repeating: 0, count: needed + needed / 4) }
        let input = bytes.span
        let table = segments.entries.span
        let end = range.upperBound
        var walk = SegmentTable.Walk(index: range.lowerBound)
        while true {
            // Characters with an entry, up to a slow one.
            guard segments.writeTableCharacters(bytes, end: end, into: &buffer, walk: &walk) else { return false }
            if walk.index >= end { break }
            // A run: from the character before (taken back) up to the next with an entry.
            let slowStart = walk.index
            let runStart = segments.takeBack(&walk, bytes: bytes, buffer: buffer) ?? slowStart
            var runEnd = slowStart + UTF8Decoding.decodeScalar(input, bytes, at: slowStart, end: end).1
            while runEnd < end {
                let (runScalar, runLength) = UTF8Decoding.decodeScalar(input, bytes, at: runEnd, end: end)
                if runScalar < 0x1_0000 && !SegmentTable.isSlow(table[Int(runScalar)]) { break }
                runEnd += runLength
            }
            runIssues.removeAll(keepingCapacity: true)
            let (count, _) = try fold(bytes, runStart..<runEnd, issues: &runIssues)
            guard runIssues.isEmpty, appendRun(count, endingAt: runEnd, to: &buffer, walk: &walk) else { return false }
        }
        output.append(contentsOf: buffer[0..<walk.written])
        return true
    }

    private var runIssues: [DecodingIssue] = []

    /// Writes a run's result (`mapped[0..<count]`) after what the walk wrote and moves the walk past
    /// the run, to `runEnd`; false, for the line to go through the pipeline, when it would not fit
    /// the buffer or could combine with what precedes it.
    private func appendRun(_ count: Int, endingAt runEnd: Int, to buffer: inout [UInt8],
                           walk: inout SegmentTable.Walk) -> Bool {
        guard walk.written + 4 * count + 1 <= buffer.count else { return false }
        if count > 0 {
            guard runStandsApart(count) else { return false }
            var out = buffer.mutableSpan
            walk.pendingSpace = TextNormalizer.writeUTF8(mapped, count: count, to: &out, at: &walk.written,
                                                         pendingSpace: walk.pendingSpace)
        }
        walk.index = runEnd
        walk.tableRunStart = runEnd
        return true
    }

    /// Whether a run's result (`mapped[0..<count]`, not empty) can be joined to what precedes it
    /// as the pipeline would have it: it starts with a character that has a normalisation boundary
    /// before it, and it is normalised (so the pipeline's second round would leave it alone).
    private func runStandsApart(_ count: Int) -> Bool {
        let first = mapped[0]
        return (first < 0xD800 || first > 0xDFFF) && context.unicodeNormalizer.hasBoundaryBefore(UInt32(first))
            && context.unicodeNormalizer.normalizedPrefixLength(mapped, count: count) == count
    }

    /// Writes `units[0..<count]` as UTF-8 into `buffer` from `written` (which has room for three
    /// bytes a unit), spaces collapsed and the ends trimmed. `pendingSpace`: a space
    /// waits for what follows, before and (returned) after.
    private static func writeUTF8(_ units: [UInt16], count: Int, to buffer: inout MutableSpan<UInt8>,
                                  at written: inout Int, pendingSpace: Bool) -> Bool {
        var pendingSpace = pendingSpace
        var index = 0
        while index < count {
            let unit = units[index]
            index += 1
            if unit == 0x20 {
                pendingSpace = written > 0
                continue
            }
            if pendingSpace {
                buffer[written] = 0x20
                written += 1
                pendingSpace = false
            }
            if unit < 0x80 {
                buffer[written] = UInt8(unit)
                written += 1
            } else if unit < 0x800 {
                buffer[written] = UInt8(0xC0 | (unit >> 6))
                buffer[written + 1] = UInt8(0x80 | (unit & 0x3F))
                written += 2
            } else if unit >= 0xD800 && unit < 0xDC00 && index < count
                        && units[index] >= 0xDC00 && units[index] < 0xE000 {
                let scalar = 0x1_0000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                index += 1
                buffer[written] = UInt8(0xF0 | (scalar >> 18))
                buffer[written + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                buffer[written + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                buffer[written + 3] = UInt8(0x80 | (scalar & 0x3F))
                written += 4
            } else if unit >= 0xD800 && unit < 0xE000 {
                buffer[written] = 0xEF
                buffer[written + 1] = 0xBF
                buffer[written + 2] = 0xBD
                written += 3
            } else {
                buffer[written] = UInt8(0xE0 | (unit >> 12))
                buffer[written + 1] = UInt8(0x80 | ((unit >> 6) & 0x3F))
                buffer[written + 2] = UInt8(0x80 | (unit & 0x3F))
                written += 3
            }
        }
        return pendingSpace
    }

    /// The language of the UTF-8 line `bytes[range]`, as `--lang auto` decides it: steps 1 and 2
    /// only, for callers that need the language and not the normalised text.
    public func language(of bytes: [UInt8], _ range: Range<Int>) -> Language {
        var counts = LetterCounts()
        var ignored: [DecodingIssue] = []
        _ = context.decoder.decode(bytes, range, into: &decoded, counts: &counts, issues: &ignored)
        return context.detector.language(counts: counts)
    }

    /// Maps `source[0..<count]` through `map` into the front of `output`.
    /// - Returns: the units written, and whether a unit was dropped or became several (which may
    ///   need renormalising).
    private static func apply(
        _ map: CodeUnitMap, to source: [UInt16], count: Int, into output: inout [UInt16]
    ) -> (count: Int, changedShape: Bool) {
        let needed = count * map.maximumExpansion
        if output.count < needed { output = [UInt16](repeating: 0, count: needed + needed / 4 + 16) }
        var span = output.mutableSpan
        var written = 0
        var changedShape = false
        for index in 0..<count {
            let before = written
            map.apply(source[index], to: &span, count: &written)
            if written != before + 1 { changedShape = true }
        }
        return (written, changedShape)
    }

    /// Encodes `units[0..<count]` as UTF-8 into the front of `output`, collapsing runs of spaces
    /// and trimming both ends.
    /// - Returns: the bytes written.
    private static func encodeUTF8(_ units: [UInt16], count: Int, into output: inout [UInt8]) -> Int {
        // No unit takes more than three bytes (a surrogate pair takes four for two units).
        let needed = count * 3
        if output.count < needed { output = [UInt8](repeating: 0, count: needed + needed / 4 + 16) }
        var span = output.mutableSpan
        var written = 0
        // A space left pending at the end is the trailing one: never written.
        _ = writeUTF8(units, count: count, to: &span, at: &written, pendingSpace: false)
        return written
    }
}
