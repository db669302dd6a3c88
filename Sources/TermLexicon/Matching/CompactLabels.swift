import TextNormalization

/// The labels a tagger needs, in columns: texts side by side in one byte buffer, and the entity,
/// language, kind and flags of each. A million labels are a few arrays, not a million strings.
struct CompactLabels: Sendable {
    /// UTF-8 of every label text, one after another; label i is `bytes[offsets[i]..<offsets[i+1]]`.
    var bytes: [UInt8] = []
    var offsets: [Int32] = [0]
    var entities: [Int32] = []
    /// Index into `languages`.
    var languageIndexes: [UInt8] = []
    var kinds: [LabelKind] = []
    var flags: [LabelFlags] = []
    /// The language codes met, in order of first appearance.
    var languages: [String] = []

    var count: Int { entities.count }

    func text(_ index: Int) -> String {
        String(decoding: bytes[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
    }

    func range(_ index: Int) -> Range<Int> { Int(offsets[index])..<Int(offsets[index + 1]) }

    mutating func append(entity: Int32, language: String, kind: LabelKind, flags: LabelFlags,
                         text: some Collection<UInt8>) {
        bytes.append(contentsOf: text)
        offsets.append(Int32(bytes.count))
        entities.append(entity)
        languageIndexes.append(languageIndex(language))
        kinds.append(kind)
        self.flags.append(flags)
    }

    mutating func languageIndex(_ code: String) -> UInt8 {
        if let index = languages.firstIndex(of: code) { return UInt8(index) }
        languages.append(code)
        return UInt8(languages.count - 1)
    }

    /// From parsed labels (lint's path, small lexicons, tests).
    init(_ labels: [Label], entityIndex: [String: Int32]) {
        for label in labels {
            guard let entity = entityIndex[label.id] else { continue }
            append(entity: entity, language: label.lang, kind: label.kind, flags: label.flags,
                   text: Array(label.text.utf8))
        }
    }

    init() {}

    /// Whether the file has a CR anywhere: lint refuses CRLF and a CR alone as line ends, in a
    /// comment as in a data line, so such a file goes to the full parser (one `memchr`).
    private static func hasCR(_ bytes: [UInt8]) -> Bool { ByteScan.first(0x0D, in: bytes, bytes.indices) != nil }

    /// Entities straight from the bytes of entities.tsv (id, type, broader), for big lexicons;
    /// nil at the first line with a problem, for the full parser to report.
    static func readEntities(_ text: String) -> [Entity]? {
        var entities: [Entity] = []
        let bytes = Array(text.utf8)
        guard !hasCR(bytes) else { return nil }
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            var tabs: [Int] = []
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A {
                if bytes[lineEnd] == 0x09 { tabs.append(lineEnd) }
                lineEnd += 1
            }
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            guard tabs.count == 4 else { return nil }
            let typeBytes = bytes[(tabs[0] + 1)..<tabs[1]]
            guard let type = EntityType.allCases.first(where: { $0.rawValue.utf8.elementsEqual(typeBytes) }),
                  isWellFormedID(bytes[lineStart..<tabs[0]], type: type) else { return nil }
            let id = String(decoding: bytes[lineStart..<tabs[0]], as: UTF8.self)
            let broaderBytes = bytes[(tabs[1] + 1)..<tabs[2]]
            let broader = broaderBytes.isEmpty ? [] : broaderBytes.split(separator: UInt8(ascii: ","),
                                                                         omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            // The parser's id rule for broader ids too: a bad one sends the file to the parser.
            guard broader.allSatisfy({ LexiconParser.idProblem($0) == nil }) else { return nil }
            let wikidata = String(decoding: bytes[(tabs[2] + 1)..<tabs[3]], as: UTF8.self)
            guard wikidata.isEmpty || LexiconParser.isQID(wikidata) else { return nil }
            entities.append(Entity(id: id, type: type, broader: broader, wikidata: wikidata, line: 0))
        }
        return entities
    }

    /// `type:slug` with a slug of [a-z0-9-] that neither starts nor ends with a hyphen: the
    /// parser's id rule, on bytes.
    private static func isWellFormedID(_ id: ArraySlice<UInt8>, type: EntityType) -> Bool {
        let prefix = Array(type.rawValue.utf8) + [UInt8(ascii: ":")]
        guard id.count > prefix.count, id.prefix(prefix.count).elementsEqual(prefix) else { return false }
        let slug = id.dropFirst(prefix.count)
        guard slug.first != UInt8(ascii: "-"), slug.last != UInt8(ascii: "-") else { return false }
        return slug.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
    }

    private static let knownLanguages: [(bytes: [UInt8], code: String)] =
        (LabelLanguage.scripts.keys.sorted() + ["fa-AF", "fa_AF"])
            .map { (Array($0.utf8), LabelLanguage.canonical($0)!) }
    private static let knownKinds: [(bytes: [UInt8], kind: LabelKind)] =
        LabelKind.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// Straight from the bytes of labels.tsv, for big lexicons: no line or field strings. Returns
    /// nil at the first line with a problem, so the caller can run the full parser for diagnostics.
    static func read(_ text: String, entityIndex: [String: Int32]) -> CompactLabels? {
        var labels = CompactLabels()
        let bytes = Array(text.utf8)
        guard !hasCR(bytes) else { return nil }
        var lineStart = 0
        var previousID: ArraySlice<UInt8> = []
        var previousEntity: Int32 = -1
        var tabs = [Int](repeating: 0, count: 5)
        while lineStart < bytes.count {
            // Fields and line ends with memchr: most bytes are the note column, never looked into.
            let lineEnd = ByteScan.nextLineFeed(in: bytes, from: lineStart)
            var tabCount = 0
            var fieldStart = lineStart
            while tabCount < 6 {
                let tab = ByteScan.nextTab(in: bytes, from: fieldStart, to: lineEnd)
                if tab == lineEnd { break }
                if tabCount < 5 { tabs[tabCount] = tab }
                tabCount += 1
                fieldStart = tab + 1
            }
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            guard tabCount == 5 else { return nil }
            let id = bytes[lineStart..<tabs[0]]
            if id != previousID {
                guard let entity = entityIndex[String(decoding: id, as: UTF8.self)] else { return nil }
                previousID = id
                previousEntity = entity
            }
            // Codes and kinds compare as bytes: no string per line.
            let langBytes = bytes[(tabs[0] + 1)..<tabs[1]]
            guard let lang = knownLanguages.first(where: { $0.bytes.elementsEqual(langBytes) })?.code,
                  let kind = knownKinds.first(where: { $0.bytes.elementsEqual(bytes[(tabs[1] + 1)..<tabs[2]]) })?.kind
            else { return nil }
            let label = bytes[(tabs[2] + 1)..<tabs[3]]
            guard !label.isEmpty else { return nil }
            var flags: LabelFlags = []
            let flagBytes = bytes[(tabs[3] + 1)..<tabs[4]]
            if !flagBytes.isEmpty {
                for name in flagBytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    guard let flag = LabelFlags.names.first(where: { $0.0.utf8.elementsEqual(name) })?.1
                    else { return nil }
                    flags.insert(flag)
                }
            }
            labels.append(entity: previousEntity, language: lang, kind: kind, flags: flags, text: label)
        }
        return labels
    }
}
