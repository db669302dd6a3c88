import TextNormalization

/// `lexalign tag` for one thread: finds the mentions of each input record and writes them as JSON
/// Lines, TSV rows or the text with every mention rewritten to its entity's pref label.
public final class TagLineProcessor: LineProcessor {
    public enum OutputFormat: String, CaseIterable, Sendable { case jsonl, tsv, inline }
    public enum InputFormat: String, CaseIterable, Sendable { case text, jsonl }
    public enum OffsetUnit: String, CaseIterable, Sendable { case utf16, utf8 }
    /// What a document is: the context in which a strong mention supports weak labels, ambiguous
    /// spans and single-word fuzzy matches of other records.
    public enum Documents: Equatable, Sendable {
        /// Each record alone (the default).
        case line
        /// A run of lines between blank lines (the runner keeps such runs in one chunk).
        case blankLine
        /// Consecutive JSON records with the same value of this member (kept in one chunk too).
        case field(String)
        /// The whole input (the runner makes it one chunk).
        case wholeInput
    }

    public struct Options: Sendable {
        public var format: OutputFormat = .jsonl
        public var input: InputFormat = .text
        /// The member of a JSON input record that holds the text.
        public var textField = "text"
        /// Offsets to add besides code points.
        public var offsets: Set<OffsetUnit> = []
        /// Language of the labels written (`label` in JSON, the rewritten text inline); nil means
        /// English for JSON and the line's own language inline.
        public var labelLanguage: String?
        public var match = MatchOptions()
        /// Written into every JSON record as "file" when set (several inputs in one run).
        public var fileName: String?
        public var documents = Documents.line
        /// Standard identifiers written with each JSON mention (`tag --ids`); nil writes none.
        public var identifiers: IdentifierTable?

        public init() {}
    }

    private let finder: MentionFinder
    private let options: Options
    private let languageReader: TextNormalizer?

    public init(finder: MentionFinder, options: Options) throws(NormalizationSetupError) {
        self.finder = finder
        self.options = options
        if options.match.fuzzyMinimum != nil { try finder.prepareFuzzyPass() }
        if options.format == .inline && options.labelLanguage == nil {
            let context = try NormalizationContext.shared(NormalizationOptions(form: .key))
            languageReader = try context.makeNormalizer()
        } else {
            languageReader = nil
        }
    }

    private var model: TaggingModel { finder.model }

    public func process(_ chunk: LineChunk, into result: inout ChunkResult) {
        var lineNumber = chunk.firstLine
        if options.documents == .line {
            chunk.forEachLine { range in
                processLine(chunk.bytes, range, line: lineNumber, byteOffset: chunk.byteOffset + range.lowerBound,
                            into: &result)
                lineNumber += 1
            }
        } else {
            // Two passes over each document: the strong mentions of all its records first.
            var lines: [Range<Int>] = []
            chunk.forEachLine { lines.append($0) }
            // Each record's document member read once (it is compared with both neighbours).
            var documentKeys: [ArraySlice<UInt8>?] = []
            if case .field(let name) = options.documents {
                documentKeys = lines.map { JSONRecord.rawValue(of: name, in: chunk.bytes, $0) }
            }
            var first = 0
            while first < lines.count {
                var end = first + 1
                while end < lines.count && sameDocument(chunk.bytes, lines, end, documentKeys) { end += 1 }
                var support = Set<Int32>()
                if end - first > 1 {
                    for range in lines[first..<end] {
                        if let (text, textRange) = recordText(chunk.bytes, range) {
                            support.formUnion(finder.strongEntities(in: text, textRange))
                        }
                    }
                }
                // Then each record with the document's support. A fuzzy mention of several words
                // names its entity as surely as a strong label: when one names an entity the exact
                // pass gave no support to, the document is read again with it (once: what that
                // reading finds adds nothing further), its first output and warnings let go.
                let outputMark = result.output.count, issueMark = result.issues.count
                var named = Set<Int32>()
                for round in 0..<2 {
                    var number = lineNumber
                    for range in lines[first..<end] {
                        named.formUnion(processLine(chunk.bytes, range, line: number,
                                                    byteOffset: chunk.byteOffset + range.lowerBound, support: support,
                                                    askingFuzzyNamed: round == 0 && end - first > 1, into: &result))
                        number += 1
                    }
                    named.subtract(support)
                    guard round == 0, !named.isEmpty else { break }
                    support.formUnion(named)
                    result.output.removeSubrange(outputMark...)
                    result.issues.removeSubrange(issueMark...)
                }
                lineNumber += end - first
                first = end
            }
        }
        result.lineCount += lineNumber - chunk.firstLine
        result.byteCount += chunk.bytes.count
    }

    /// Whether line `index` belongs to the document of the line before it; `documentKeys` holds
    /// each line's document member when documents are told by one.
    private func sameDocument(_ bytes: [UInt8], _ lines: [Range<Int>], _ index: Int,
                              _ documentKeys: [ArraySlice<UInt8>?]) -> Bool {
        let previous = lines[index - 1], next = lines[index]
        switch options.documents {
        case .line:
            return false
        case .wholeInput:
            return true
        case .blankLine:
            func isBlank(_ range: Range<Int>) -> Bool {
                bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            }
            return !isBlank(previous) && !isBlank(next)
        case .field:
            guard let before = documentKeys[index - 1], let after = documentKeys[index] else { return false }
            return before.elementsEqual(after)
        }
    }

    /// The text a line gives the matcher: the line, or its JSON record's text member.
    private func recordText(_ bytes: [UInt8], _ range: Range<Int>) -> ([UInt8], Range<Int>)? {
        guard options.input == .jsonl else { return (bytes, range) }
        guard case .text(let text, _) = JSONInput(textField: options.textField).read(bytes, range) else { return nil }
        let textBytes = Array(text.utf8)
        return (textBytes, textBytes.indices)
    }

    /// Tags one record into `result`; with `askingFuzzyNamed`, returns the entities its fuzzy
    /// mentions of several words name (`MentionFinder.fuzzyNamedEntities`), none for a JSON record
    /// without readable text.
    @discardableResult
    private func processLine(_ bytes: [UInt8], _ range: Range<Int>, line: Int, byteOffset: Int,
                             support: Set<Int32> = [], askingFuzzyNamed: Bool = false,
                             into result: inout ChunkResult) -> Set<Int32> {
        var textBytes = bytes
        var textRange = range
        var record: JSONRecord?
        if options.input == .jsonl {
            let read = JSONInput(textField: options.textField).read(bytes, range)
            guard case .text(let text, let object) = read else {
                result.issues.append(JSONInput.issue(read.problem!, bytes, range, line: line,
                                                     lineByteOffset: byteOffset))
                writeUnreadable(read, bytes, range, line: line, into: &result)
                return []
            }
            textBytes = Array(text.utf8)
            textRange = textBytes.indices
            record = object
        }
        let mentions = finder.mentions(in: textBytes, textRange, options: options.match, support: support)
        if record == nil {
            if let invalid = finder.text.firstInvalidUTF8 {
                // Offsets count each ill-formed sequence as one U+FFFD, as the record's "text" shows it.
                result.issues.append(LineIssue(line: line, column: invalid.scalar + 1,
                                               byteOffset: byteOffset + invalid.byte,
                                               severity: .warning, message: "invalid UTF-8 read as U+FFFD",
                                               ruleID: "invalid-utf8"))
            }
            // A CR without LF (CR line ends) or a NUL is read as a space, as `normalize` reads it
            // and says so: the first of each in the line, where the line's own text has it.
            if let at = ByteScan.first(0x0D, in: bytes, range) {
                reportStray(.loneCR, at: at, bytes, range, line: line, byteOffset: byteOffset, into: &result)
            }
            if let at = ByteScan.first(0x00, in: bytes, range) {
                reportStray(.nul, at: at, bytes, range, line: line, byteOffset: byteOffset, into: &result)
            }
        }
        switch options.format {
        case .jsonl: writeJSON(mentions, textBytes, textRange, record: record, original: (bytes, range), line: line,
                               into: &result)
        case .tsv: writeTSV(mentions, textBytes, textRange, line: line, into: &result)
        case .inline: writeInline(mentions, textBytes, textRange, record: record, original: (bytes, range),
                                  into: &result)
        }
        return askingFuzzyNamed ? finder.fuzzyNamedEntities(in: mentions) : []
    }

    /// A warning for a CR or NUL at byte `at` of the line, as `normalize` words it.
    private func reportStray(_ kind: DecodingIssue.Kind, at: Int, _ bytes: [UInt8], _ range: Range<Int>, line: Int,
                             byteOffset: Int, into result: inout ChunkResult) {
        let issue = DecodingIssue(kind: kind, byteOffset: at - range.lowerBound,
                                  column: finder.text.scalarIndex(atByte: at - range.lowerBound) + 1)
        result.issues.append(LineIssue(line: line, column: issue.column, byteOffset: byteOffset + issue.byteOffset,
                                       severity: .warning, message: issue.message, ruleID: issue.ruleID))
    }

    /// The output for a JSON input line without readable text, so the line count still holds:
    /// the error record (jsonl), the line as it was (inline), nothing (tsv, a row per mention).
    private func writeUnreadable(_ record: JSONInput.Record, _ bytes: [UInt8], _ range: Range<Int>, line: Int,
                                 into result: inout ChunkResult) {
        switch options.format {
        case .jsonl:
            JSONInput.appendErrorRecord(record, bytes, range, line: line, to: &result.output)
            result.output.append(0x0A)
        case .inline:
            result.output.append(contentsOf: bytes[range])
            result.output.append(0x0A)
        case .tsv:
            break
        }
    }

    // MARK: formats

    private func writeJSON(_ mentions: [Mention], _ bytes: [UInt8], _ range: Range<Int>, record: JSONRecord?,
                           original: ([UInt8], Range<Int>), line: Int, into result: inout ChunkResult) {
        if let record {
            // The input object as it was, with "mentions" set (replaced where it was already).
            var list: [UInt8] = []
            appendMentionList(mentions, bytes, range, to: &list)
            record.appendEdited(original.0, original.1, setting: [("mentions", list)], to: &result.output)
            result.output.append(0x0A)
            return
        }
        // Written straight into the chunk's output.
        var out: [UInt8] = []
        swap(&out, &result.output)
        defer { swap(&out, &result.output) }
        JSONText.appendLiteral(#"{"line":"#, to: &out)
        JSONText.appendInteger(line, to: &out)
        if let fileName = options.fileName {
            JSONText.appendLiteral(#","file":"#, to: &out)
            JSONText.appendString(fileName, to: &out)
        }
        JSONText.appendLiteral(#","text":"#, to: &out)
        if finder.text.hadInvalidUTF8 {
            JSONText.appendString(validUTF8(bytes, range), to: &out)
        } else {
            JSONText.appendString(bytes[range], to: &out)
        }
        JSONText.appendLiteral(#","mentions":"#, to: &out)
        appendMentionList(mentions, bytes, range, to: &out)
        JSONText.appendLiteral("}\n", to: &out)
    }

    private func appendMentionList(_ mentions: [Mention], _ bytes: [UInt8], _ range: Range<Int>,
                                   to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, mention) in mentions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendMention(mention, bytes, range, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private func appendMention(_ mention: Mention, _ bytes: [UInt8], _ range: Range<Int>, to out: inout [UInt8]) {
        JSONText.appendLiteral(#"{"start":"#, to: &out)
        JSONText.appendInteger(mention.start, to: &out)
        JSONText.appendLiteral(#","end":"#, to: &out)
        JSONText.appendInteger(mention.end, to: &out)
        if !options.offsets.isEmpty {
            let text = finder.text
            if options.offsets.contains(.utf16) {
                let offsets = text.utf16Offsets(ofScalars: [mention.start, mention.end])
                JSONText.appendLiteral(#","start_utf16":"#, to: &out)
                JSONText.appendInteger(offsets[0], to: &out)
                JSONText.appendLiteral(#","end_utf16":"#, to: &out)
                JSONText.appendInteger(offsets[1], to: &out)
            }
            if options.offsets.contains(.utf8) {
                JSONText.appendLiteral(#","start_utf8":"#, to: &out)
                JSONText.appendInteger(Int(text.utf8Offsets[mention.start]), to: &out)
                JSONText.appendLiteral(#","end_utf8":"#, to: &out)
                JSONText.appendInteger(Int(text.utf8Offsets[mention.end]), to: &out)
            }
        }
        JSONText.appendLiteral(#","surface":"#, to: &out)
        if finder.recordHadInvalidUTF8 {
            let surface = finder.surface(from: mention.start, to: mention.end, bytes: bytes, range: range)
            JSONText.appendString(surface, to: &out)
        } else {
            // Well-formed UTF-8: the surface is its bytes, written without making a String.
            let surface = finder.surfaceBytes(from: mention.start, to: mention.end, range: range)
            JSONText.appendString(bytes[surface], to: &out)
        }
        appendEntityFields(mention.entity, to: &out)
        JSONText.appendLiteral(#","match":"#, to: &out)
        JSONText.appendString(mention.kind.rawValue, to: &out)
        if let score = mention.score {
            // Three decimals: enough to rank, stable to compare.
            JSONText.appendLiteral(#","score":"#, to: &out)
            out.append(contentsOf: String(format3: score).utf8)
            JSONText.appendLiteral(#","via":"#, to: &out)
            JSONText.appendString(model.labelText(mention.label), to: &out)
        }
        if let head = mention.head {
            JSONText.appendLiteral(#","head":"#, to: &out)
            let word = finder.surface(from: head.lowerBound, to: head.upperBound, bytes: bytes, range: range)
            JSONText.appendString(word, to: &out)
        } else if mention.nameStart > mention.start {
            JSONText.appendLiteral(#","title":"#, to: &out)
            let title = finder.surface(from: mention.start, to: mention.nameStart, bytes: bytes, range: range)
            JSONText.appendString(String(title.unicodeScalars.reversed().drop { $0.properties.isWhitespace }
                .reversed().map(Character.init)), to: &out)
        }
        if mention.weak { JSONText.appendLiteral(#","weak":true"#, to: &out) }
        if mention.partOfLongerName { JSONText.appendLiteral(#","partial":true"#, to: &out) }
        if mention.demonym { JSONText.appendLiteral(#","demonym":true"#, to: &out) }
        out.append(UInt8(ascii: "}"))
    }

    /// What a mention's JSON says of its entity alone (`,"id":…,"type":…,"label":…,"broader":[…]`
    /// and the identifiers), written once per entity and copied after: in a line that is all names
    /// the lookups and strings of these fields cost more than the rest of the mention.
    private func appendEntityFields(_ entity: Int, to out: inout [UInt8]) {
        if entityFields.isEmpty { entityFields = [[UInt8]?](repeating: nil, count: model.entityCount) }
        if let known = entityFields[entity] {
            out.append(contentsOf: known)
            return
        }
        var fields: [UInt8] = []
        JSONText.appendLiteral(#","id":"#, to: &fields)
        JSONText.appendString(model.entityID(entity), to: &fields)
        JSONText.appendLiteral(#","type":"#, to: &fields)
        JSONText.appendString(model.entityType(entity).rawValue, to: &fields)
        JSONText.appendLiteral(#","label":"#, to: &fields)
        let label = model.prefLabel(of: entity, in: options.labelLanguage ?? "en")
            ?? model.prefLabel(of: entity, in: "en") ?? ""
        JSONText.appendString(label, to: &fields)
        JSONText.appendLiteral(#","broader":["#, to: &fields)
        for (index, parent) in model.broaderChain(of: entity).enumerated() {
            if index > 0 { fields.append(UInt8(ascii: ",")) }
            JSONText.appendString(parent, to: &fields)
        }
        fields.append(UInt8(ascii: "]"))
        options.identifiers?.append(entity: entity, to: &fields)
        entityFields[entity] = fields
        out.append(contentsOf: fields)
    }

    /// `appendEntityFields`' bytes by entity, filled as entities are met.
    private var entityFields: [[UInt8]?] = []

    /// `line  start  end  id  surface`, one row per mention (a line without mentions has none),
    /// with the file first when several inputs are read.
    private func writeTSV(_ mentions: [Mention], _ bytes: [UInt8], _ range: Range<Int>, line: Int,
                          into result: inout ChunkResult) {
        let file = options.fileName.map { $0.replacingTSVBreaks() + "\t" } ?? ""
        for mention in mentions {
            let surface = finder.surface(from: mention.start, to: mention.end, bytes: bytes, range: range)
                .replacingTSVBreaks()
            let row =
                "\(file)\(line)\t\(mention.start)\t\(mention.end)\t\(model.entityID(mention.entity))\t\(surface)\n"
            result.output.append(contentsOf: row.utf8)
        }
    }

    /// The text with each mention's name rewritten to the pref label of the line's language (or
    /// `labelLanguage`); a title before a name stays as written, and so does a mention whose entity
    /// has no pref label in that language.
    private func writeInline(_ mentions: [Mention], _ bytes: [UInt8], _ range: Range<Int>, record: JSONRecord?,
                             original: ([UInt8], Range<Int>), into result: inout ChunkResult) {
        var language = options.labelLanguage ?? "en"
        if options.labelLanguage == nil, let languageReader {
            let detected = languageReader.language(of: bytes, range)
            language = detected == .undetermined ? "en" : detected.rawValue
        }
        var rewritten: [UInt8] = []
        var cursor = 0
        let text = finder.text
        // A demonym stays as written: "Chinese officials" is not "China officials".
        for mention in mentions where !mention.demonym {
            guard let label = model.prefLabel(of: mention.entity, in: language) else { continue }
            // A head word goes with the name: the entity's label says what kind of place it is.
            let nameStart = Int(text.utf8Offsets[mention.head == nil ? mention.nameStart : mention.start])
            let end = Int(text.utf8Offsets[mention.end])
            rewritten.append(contentsOf: bytes[(range.lowerBound + cursor)..<(range.lowerBound + nameStart)])
            rewritten.append(contentsOf: label.utf8)
            cursor = end
        }
        rewritten.append(contentsOf: bytes[(range.lowerBound + cursor)..<range.upperBound])
        if let record {
            let value = JSONRecord.stringValue(validUTF8(rewritten, rewritten.indices))
            record.appendEdited(original.0, original.1, setting: [(options.textField, value)], to: &result.output)
        } else if finder.text.hadInvalidUTF8 {
            // As the JSON "text" shows it: each ill-formed sequence one U+FFFD, so the output is UTF-8.
            result.output.append(contentsOf: validUTF8(rewritten, rewritten.indices).utf8)
        } else {
            result.output.append(contentsOf: rewritten)
        }
        result.output.append(0x0A)
    }

    /// The bytes as valid UTF-8 (invalid sequences as U+FFFD, as offsets count them).
    private func validUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

extension String {
    /// A number in [0, 1] with three decimals (0.917), without Foundation.
    init(format3 value: Double) {
        let thousandths = Int((Swift.min(Swift.max(value, 0), 1) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        let padding = String(repeating: "0", count: 3 - fraction.count)
        self.init("\(thousandths / 1000).\(padding)\(fraction)")
    }

    /// A TSV cell: tabs, and the CR and LF that would end a row, become spaces.
    func replacingTSVBreaks() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" || $0 == "\r" || $0 == "\n" ? " " : $0 }))
    }
}
