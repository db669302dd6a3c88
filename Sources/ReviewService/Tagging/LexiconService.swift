import Synchronization
import TermLexicon
import TextNormalization

/// The lexicon the server tags and reconciles with: the compiled model, the parsed files (for
/// entity pages and label lists) and a pool of mention finders.
final class LexiconService: Sendable {
    let model: TaggingModel
    let lexicon: Lexicon
    /// Entity id -> index in `lexicon.entities`.
    let entityPositions: [String: Int]
    /// Entity id -> the model's entity index.
    let modelIndex: [String: Int]
    /// Mentions as `tag` reports them by default: strong labels, the default fuzzy level.
    static let defaultMatch = MatchOptions(fuzzyMinimum: FuzzyLevel.default.minimumScore)
    private let pool = FinderPool()
    /// Every entity: the support a reconciliation query gets, since the whole cell is a name.
    let allEntities: Set<Int32>
    /// Label key -> the labels with that key, built at the first reconciliation query.
    private let keyIndex = Mutex<[String: [KeyedLabel]]?>(nil)

    /// Entity -> its labels (negative ones aside) in the phonetic space, built at first need.
    private let soundIndex = Mutex<[Int: [SoundedLabel]]?>(nil)

    struct SoundedLabel: Sendable {
        var symbols: [UInt8]
        var arabic: Bool
    }

    /// How near `name` sounds to the nearest label of `entity` (0–1), with `similarity`'s fold;
    /// labels with a word count more than one away from the name's are not compared.
    func soundScore(of name: (symbols: [UInt8], arabic: Bool), against entity: Int,
                    similarity: NameSimilarity) -> Double {
        let words = Self.wordCount(name.symbols)
        return (soundIndex(similarity)[entity] ?? []).filter { abs(Self.wordCount($0.symbols) - words) <= 1 }
            .map { NameSimilarity.score(name, ($0.symbols, $0.arabic)) }.max() ?? 0
    }

    /// The entities with a label that sounds like `name` at `minimum` or more, with their scores.
    func entities(soundingLike name: (symbols: [UInt8], arabic: Bool), minimum: Double,
                  similarity: NameSimilarity) -> [(entity: Int, score: Double)] {
        soundIndex(similarity).keys.compactMap { entity in
            let score = soundScore(of: name, against: entity, similarity: similarity)
            return score >= minimum ? (entity, score) : nil
        }
    }

    private static func wordCount(_ symbols: [UInt8]) -> Int {
        symbols.isEmpty ? 0 : symbols.count { $0 == UInt8(ascii: " ") } + 1
    }

    private func soundIndex(_ similarity: NameSimilarity) -> [Int: [SoundedLabel]] {
        soundIndex.withLock { $0 } ?? {
            var built: [Int: [SoundedLabel]] = [:]
            for label in lexicon.labels where label.kind != .negative {
                guard let entity = modelIndex[label.id] else { continue }
                let sounded = similarity.symbols(of: label.text)
                built[entity, default: []].append(SoundedLabel(symbols: sounded.symbols, arabic: sounded.arabic))
            }
            soundIndex.withLock { $0 = built }
            return built
        }()
    }

    struct KeyedLabel: Sendable {
        var entity: Int
        var text: String
        var weak: Bool
    }

    init(model: TaggingModel, sources: LexiconSources) {
        self.model = model
        lexicon = Lexicon.parse(sources).0
        var positions: [String: Int] = [:]
        for (index, entity) in lexicon.entities.enumerated() where positions[entity.id] == nil {
            positions[entity.id] = index
        }
        entityPositions = positions
        var indices: [String: Int] = [:]
        for index in 0..<model.entityCount { indices[model.entityID(index)] = index }
        modelIndex = indices
        allEntities = Set((0..<Int32(model.entityCount)).map { $0 })
    }

    /// The labels (negative ones aside) whose key form is `text`'s: the same name up to case,
    /// spacing, diacritics and letter forms.
    func labels(withKeyOf text: String) throws(NormalizationSetupError) -> [KeyedLabel] {
        let keys = try LabelKeys()
        if let index = keyIndex.withLock({ $0 }) { return index[keys.keyString(text)] ?? [] }
        var index: [String: [KeyedLabel]] = [:]
        for label in lexicon.labels where label.kind != .negative {
            guard let entity = modelIndex[label.id] else { continue }
            index[keys.keyString(label.text), default: []].append(
                KeyedLabel(entity: entity, text: label.text, weak: label.flags.contains(.weak)))
        }
        keyIndex.withLock { $0 = index }
        return index[keys.keyString(text)] ?? []
    }

    /// Runs `body` with a finder no other request is using.
    func withFinder<Result>(_ body: (MentionFinder) -> Result) throws(NormalizationSetupError) -> Result {
        let finder: MentionFinder
        if let idle = pool.take() {
            finder = idle
        } else {
            finder = try model.makeFinder()
            try finder.prepareFuzzyPass()
        }
        defer { pool.give(finder) }
        return body(finder)
    }

    /// The mentions of `text` with their offsets in code points and UTF-16 units.
    /// - Parameter support: entities named strongly elsewhere in the same document.
    func mentions(of text: String, finder: MentionFinder, support: Set<Int32> = []) -> [MentionView] {
        let bytes = Array(text.utf8)
        let found = finder.mentions(in: bytes, 0..<bytes.count, options: Self.defaultMatch, support: support)
        guard !found.isEmpty else { return [] }
        // Code point index -> UTF-16 index, for the offsets a browser uses.
        var utf16Offsets: [Int] = [0]
        utf16Offsets.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars { utf16Offsets.append(utf16Offsets.last! + UTF16.width(scalar)) }
        let scalars = Array(text.unicodeScalars)
        return found.map { mention in
            let start = min(mention.start, scalars.count), end = min(max(mention.end, start), scalars.count)
            var surface = String.UnicodeScalarView()
            surface.append(contentsOf: scalars[start..<end])
            return MentionView(start: start, end: end, start16: utf16Offsets[start], end16: utf16Offsets[end],
                               text: String(surface), id: model.entityID(mention.entity),
                               type: model.entityType(mention.entity).rawValue,
                               label: model.prefLabel(of: mention.entity, in: "en") ?? model.entityID(mention.entity),
                               kind: mention.kind.rawValue)
        }
    }

    /// The entities a whole side of a document names by a strong label: they let a weak label
    /// (`WHO`) count in any of its sentences, as `tag --documents file` does.
    func strongEntities(of sentences: [String], finder: MentionFinder) -> Set<Int32> {
        var strong: Set<Int32> = []
        for sentence in sentences {
            let bytes = Array(sentence.utf8)
            strong.formUnion(finder.strongEntities(in: bytes, 0..<bytes.count))
        }
        return strong
    }
}

/// Finders waiting for a request. A `MentionFinder` keeps per-call buffers, so one is used by one
/// request at a time: taken out under the lock, used outside it, given back. That hand-over is
/// what the compiler cannot see, hence `@unchecked Sendable`; the array is only touched under the lock.
private final class FinderPool: @unchecked Sendable {
    private let lock = Mutex<Void>(())
    private var idle: [MentionFinder] = []

    func take() -> MentionFinder? {
        lock.withLock { _ in idle.popLast() }
    }

    func give(_ finder: MentionFinder) {
        lock.withLock { _ in idle.append(finder) }
    }
}
