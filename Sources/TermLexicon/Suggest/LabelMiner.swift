import TextNormalization

/// Finds labels the lexicon lacks, for people to review (`lexalign lexicon suggest`):
/// - in running text, the spellings the fuzzy pass resolved or nearly resolved (down to the loose
///   level), with how often and how near;
/// - in line-parallel text (or reviewed beads), where one side names an entity and the other side
///   names nothing of it: the span of the other side the evidence supports. A span is scored by
///   how much it sounds like one of the entity's labels (any language, any script), how often it
///   stands beside the entity across all pairs (of the pairs where it appears), and how often it
///   fills the entity's gap (of the pairs with that gap) — the last two find translated names
///   and acronyms, which no spelling distance can.
public final class LabelMiner {
    private let model: TaggingModel
    private let finder: MentionFinder
    private var characterKeys: CharacterKeys
    private let cyrillic = CyrillicFold()
    private let lists: FuzzyWordLists
    private let frequentWords: Set<UInt64>
    /// Particles (د, al, bin ...) start a proposed label only where labels of the lexicon start so
    /// and a head noun ends it (د روغتیا نړیوال سازمان); the matcher reads them as words.
    private let particles: Set<UInt64>
    /// The frequent words a proposed label may start with: head nouns (سازمان, وزارت) and the first
    /// words of the lexicon's labels of several words. Other frequent words (در, in) may not.
    private let nameStarts: Set<UInt64>
    /// Frequent words rarer than `contentWordLimit` per million that are no title: content words
    /// (مرکزي 'central', ملل 'nations', northern), which may start a span of two words or more
    /// (مرکزي اسیا, ملل متحد) though no label of the lexicon starts with them. Function words are
    /// far more frequent (د, کې, در, of, the: thousands per million) and titles (President, وزیر)
    /// belong to no label.
    private let contentStarts: Set<UInt64>
    /// Head nouns (سازمان, ولایت, province), which may end a span of several words.
    private let headNouns: Set<UInt64>
    /// Occurrences per million words below which a frequent word is a content word.
    static let contentWordLimit = 1_000
    /// Entity -> its labels' phonetic symbols and scripts, folded when first needed.
    private var entitySymbols: [Int32: [(symbols: [UInt8], script: PhoneticFold.Script)]] = [:]
    private var labelsByEntity: [Int32: [Int]] = [:]

    /// Running-text evidence: (entity, lang, surface) -> how often, how near, through which label.
    private struct NearMiss {
        var count = 0
        var bestScore = 0.0
        var via = ""
        var example = ""
    }
    private var nearMisses: [String: (entity: Int32, lang: String, surface: String, miss: NearMiss)] = [:]

    /// Parallel evidence.
    private struct Gap {
        var count = 0
        var similarity = 0.0
        var example = ""
        var sources: Set<String> = []
    }
    private var gaps: [String: (entity: Int32, lang: String, surface: String, spanKey: String, gap: Gap)] = [:]
    /// (lang, span key) -> the pairs the span appears in (on a side with a gap or not).
    private var spanPairs: [String: Int] = [:]
    /// (entity, lang) -> the pairs where the other side names the entity and this side does not.
    private var entityGaps: [String: Int] = [:]
    /// A proposal must be a label `lexicon accept` takes: written in a script of its language (a
    /// Pashto translator's Latin "EV" for the EU is no Pashto label).
    private var scriptCheck = LabelScriptCheck()

    /// Lines too few to say that a span always comes with a longer one.
    static let fewLines = 2
    /// The longest span proposed, in words.
    public static let longestSpan = 4
    /// The fuzzy level mined in running text.
    public static let nearMissMinimum = FuzzyLevel.loose.minimumScore!

    public init(model: TaggingModel) throws(NormalizationSetupError) {
        self.model = model
        finder = try model.makeFinder()
        try finder.prepareFuzzyPass()
        characterKeys = try CharacterKeys()
        lists = try FuzzyWordLists.builtIn()
        frequentWords = lists.frequentWordHashes
        var keys = characterKeys
        particles = lists.particleHashes
        headNouns = lists.headNounHashes
        var starts = lists.headNounHashes
        for label in 0..<model.labels.count where model.labels.kinds[label] != .negative {
            labelsByEntity[model.labels.entities[label], default: []].append(label)
            let words = model.labelText(label).split(separator: " ")
            if words.count > 1 { starts.insert(FuzzyWordLists.hash(FuzzyWordLists.key(String(words[0]), keys: &keys))) }
        }
        nameStarts = starts
        // By key: spellings that read alike count as one word, as frequent as its most frequent
        // spelling in any language (Dari یی, a suffix at 636 per million, is Pashto یې at 6,766).
        let titles = Set(model.titles.map { FuzzyWordLists.hash($0) })
        var frequency: [UInt64: (least: Int, most: Int)] = [:]
        for word in lists.frequentWords {
            let hash = FuzzyWordLists.hash(FuzzyWordLists.key(word.text, keys: &keys))
            let perMillion = word.perMillion ?? 0
            let known = frequency[hash] ?? (perMillion, perMillion)
            frequency[hash] = (min(known.least, perMillion), max(known.most, perMillion))
        }
        contentStarts = Set(frequency.compactMap { hash, perMillion in
            perMillion.least > 0 && perMillion.most < LabelMiner.contentWordLimit && !titles.contains(hash) ? hash : nil
        })
    }

    // MARK: running text

    /// Reads one line of running text in `lang`.
    public func addRunningText(_ line: String, lang: String) {
        let bytes = Array(line.utf8)
        for mention in finder.mentions(in: bytes, bytes.indices,
                                       options: MatchOptions(fuzzyMinimum: LabelMiner.nearMissMinimum))
        where mention.kind == .fuzzy {
            let surface = finder.surface(from: mention.nameStart, to: mention.end, bytes: bytes, range: bytes.indices)
            let key = "\(mention.entity)\t\(lang)\t\(surface)"
            var entry = nearMisses[key] ?? (Int32(mention.entity), lang, surface, NearMiss())
            entry.miss.count += 1
            if (mention.score ?? 0) > entry.miss.bestScore {
                entry.miss.bestScore = mention.score ?? 0
                entry.miss.via = model.labelText(mention.label)
            }
            if entry.miss.example.isEmpty { entry.miss.example = line }
            nearMisses[key] = entry
        }
    }

    // MARK: parallel text

    /// The entities a document (the texts of one side of a bead file) names by a strong label:
    /// `addPair`'s support, so that a weak label there (a surname) counts as naming its entity.
    public func strongEntities(_ texts: [String]) -> Set<Int32> {
        texts.reduce(into: Set<Int32>()) { support, text in
            let bytes = Array(text.utf8)
            support.formUnion(finder.strongEntities(in: bytes, bytes.indices))
        }
    }

    /// Reads a pair of lines that translate each other; `source` names the evidence (a file pair);
    /// `support` holds each side's document support (`strongEntities`), if any.
    public func addPair(_ first: String, lang firstLang: String, _ second: String, lang secondLang: String,
                        source: String,
                        support: (Set<Int32>, Set<Int32>) = ([], [])) {
        let sides = [(first, firstLang, support.0), (second, secondLang, support.1)].map {
            text, lang, documentSupport -> (text: String, lang: String, ids: Set<Int32>, all: Set<Int32>,
                                            covered: [Range<Int>]) in
            let bytes = Array(text.utf8)
            let mentions = finder.mentions(in: bytes, bytes.indices,
                                           options: MatchOptions(fuzzyMinimum: FuzzyLevel.default.minimumScore),
                                           support: documentSupport)
            // A side names an entity by its strong mentions; it has it by any mention (a weak one too).
            return (text, lang, Set(mentions.filter { !$0.weak }.map { Int32($0.entity) }),
                    Set(mentions.map { Int32($0.entity) }), mentions.map { $0.start..<$0.end })
        }
        for (named, other) in [(0, 1), (1, 0)] {
            let missing = sides[named].ids.subtracting(sides[other].all)
            let spans = candidateSpans(sides[other].text, covered: sides[other].covered)
            let lang = sides[other].lang
            for span in Set(spans.map(\.key)) { spanPairs["\(lang)\t\(span)", default: 0] += 1 }
            for entity in missing {
                entityGaps["\(entity)\t\(lang)", default: 0] += 1
                var seen = Set<String>()
                for span in spans where seen.insert(span.key).inserted {
                    let key = "\(entity)\t\(lang)\t\(span.key)"
                    var entry = gaps[key] ?? (entity, lang, span.surface, span.key, Gap())
                    entry.gap.count += 1
                    entry.gap.similarity = max(entry.gap.similarity, similarity(span.symbols, span.script, to: entity))
                    entry.gap.sources.insert(source)
                    if entry.gap.example.isEmpty { entry.gap.example = sides[other].text }
                    gaps[key] = entry
                }
            }
        }
    }

    private struct Span {
        var surface: String
        var key: String
        var symbols: [UInt8]
        var script: PhoneticFold.Script
    }

    /// The spans of one to `longestSpan` words of `text` outside its mentions, not ending on a
    /// frequent word nor starting on one unless names start so (`nameStarts`), nor on a
    /// particle, of one script, not across punctuation.
    private func candidateSpans(_ text: String, covered: [Range<Int>]) -> [Span] {
        // Words with their scalar offsets; punctuation between words breaks a span.
        var words: [(text: String, start: Int, end: Int, breakBefore: Bool)] = []
        var current = String.UnicodeScalarView(), start = 0, breakPending = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let isLetter = scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
                || scalar == "\u{200C}" || scalar == "-" || scalar == "'" || scalar == "’"
            if isLetter {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else {
                if !current.isEmpty {
                    words.append((String(current), start, offset, breakPending))
                    breakPending = false
                    current = String.UnicodeScalarView()
                }
                if !scalar.properties.isWhitespace { breakPending = true }
            }
        }
        if !current.isEmpty { words.append((String(current), start, text.unicodeScalars.count, breakPending)) }
        var spans: [Span] = []
        let scalars = Array(text.unicodeScalars)
        for first in words.indices {
            var symbols: [UInt8] = []
            var script = PhoneticFold.Script.other
            // A span starting on a particle that starts labels of the lexicon (Pashto د, as many of
            // its Pashto labels do) is a genitive before its head noun, the way Pashto writes a name
            // (د روغتیا نړیوال سازمان, 'the World Health Organization'): it must end on one.
            var particleStart = false
            for last in first..<min(words.count, first + LabelMiner.longestSpan) {
                let word = words[last]
                if last > first && word.breakBefore { break }
                if covered.contains(where: { $0.lowerBound < word.end && $0.upperBound > word.start }) { break }
                let key = FuzzyWordLists.key(word.text, keys: &characterKeys)
                guard let firstUnit = key.first else { break }
                let wordScript = PhoneticFold.script(of: firstUnit)
                if last == first { script = wordScript } else if wordScript != script { break }
                var folded: [UInt8] = []
                FuzzyIndex.fold(key, script: wordScript, cyrillic: cyrillic, into: &folded)
                if last > first { symbols.append(0x20) }
                symbols += folded
                // A frequent word that starts names (سازمان ملل, اتحادیه اروپا) or a content word
                // (مرکزي اسیا) may start a span of several words; none stands alone, and only a head
                // noun ends one (اروپايي اتحادیه, روغتیا نړیوال سازمان:
                // Pashto puts it last).
                let hash = FuzzyWordLists.hash(key)
                if last == first && particles.contains(hash) {
                    guard nameStarts.contains(hash) else { break }
                    particleStart = true
                    continue
                }
                if last == first && frequentWords.contains(hash) && !nameStarts.contains(hash)
                    && !contentStarts.contains(hash) {
                    break
                }
                if frequentWords.contains(hash) && (last == first || !headNouns.contains(hash)) || script == .other
                    || particleStart && !headNouns.contains(hash) {
                    continue
                }
                let surface = String(String.UnicodeScalarView(scalars[words[first].start..<word.end]))
                let keyText = words[first...last].map {
                    String(decoding: FuzzyWordLists.key($0.text, keys: &characterKeys),
                           as: UTF16.self)
                }.joined(separator: " ")
                spans.append(Span(surface: surface, key: keyText, symbols: symbols, script: script))
            }
        }
        return spans
    }

    /// How much a span sounds like the nearest label of the entity (0-1).
    private func similarity(_ symbols: [UInt8], _ script: PhoneticFold.Script, to entity: Int32) -> Double {
        if entitySymbols[entity] == nil {
            var folded: [(symbols: [UInt8], script: PhoneticFold.Script)] = []
            for label in labelsByEntity[entity] ?? [] {
                var out: [UInt8] = []
                var labelScript = PhoneticFold.Script.other
                for word in model.labelText(label).split(separator: " ") {
                    let key = FuzzyWordLists.key(String(word), keys: &characterKeys)
                    guard let first = key.first else { continue }
                    labelScript = PhoneticFold.script(of: first)
                    if !out.isEmpty { out.append(0x20) }
                    FuzzyIndex.fold(key, script: labelScript, cyrillic: cyrillic, into: &out)
                }
                if !out.isEmpty { folded.append((out, labelScript)) }
            }
            entitySymbols[entity] = folded
        }
        var best = 0.0
        for label in entitySymbols[entity] ?? [] {
            best = max(best, PhoneticDistance.score(symbols, label.symbols, crossScript: label.script != script))
        }
        return best
    }

    // MARK: results

    /// Whether a proposed label is written in a script its language uses (`lexicon lint`'s rule).
    private func fitsScript(_ label: String, _ lang: String) -> Bool {
        scriptCheck.stray(in: label, lang: lang) == nil
    }

    /// The suggestions: every near miss seen `minimumCount` times, and for each entity and
    /// language the three best-supported spans (seen `minimumCount` times), best first by id.
    public func suggestions(minimumCount: Int) -> [Suggestion] {
        var result: [Suggestion] = []
        for (_, entry) in nearMisses where entry.miss.count >= minimumCount && fitsScript(entry.surface, entry.lang) {
            let score = entry.miss.bestScore
            let resolved = score >= FuzzyLevel.default.minimumScore! ? "resolved" : "nearly resolved"
            result.append(Suggestion(id: model.entityID(Int(entry.entity)), lang: entry.lang, label: entry.surface,
                                     kind: .alt, score: score, count: entry.miss.count,
                                     evidence: "fuzzy pass \(resolved): sounds like \(entry.miss.via) "
                                         + "(\(String(format3: score)))",
                                     example: entry.miss.example))
        }
        var byGap: [String: [(suggestion: Suggestion, association: Double)]] = [:]
        for (_, entry) in gaps where entry.gap.count >= minimumCount && fitsScript(entry.surface, entry.lang) {
            let appearances = spanPairs["\(entry.lang)\t\(entry.spanKey)"] ?? entry.gap.count
            let gapCount = entityGaps["\(entry.entity)\t\(entry.lang)"] ?? entry.gap.count
            let association = Double(entry.gap.count) / Double(max(appearances, entry.gap.count))
            let coverage = Double(entry.gap.count) / Double(max(gapCount, 1))
            let score = 0.4 * entry.gap.similarity + 0.3 * association + 0.3 * coverage
            let evidence = "\(entry.gap.sources.sorted().joined(separator: ", ")): "
                + "in \(entry.gap.count) of \(gapCount) lines "
                + "where the other side names it and this side does not; "
                + "\(entry.gap.count) of the \(appearances) lines "
                + "with it; sounds like a label \(String(format3: entry.gap.similarity))"
            byGap["\(entry.entity)\t\(entry.lang)", default: []].append((
                Suggestion(id: model.entityID(Int(entry.entity)), lang: entry.lang, label: entry.surface, kind: .alt,
                           score: score, count: entry.gap.count, evidence: evidence, example: entry.gap.example),
                association))
        }
        for (_, list) in byGap {
            var ranked = list.sorted {
                ($0.suggestion.score, $1.suggestion.label) > ($1.suggestion.score, $0.suggestion.label)
            }
            // A part of a longer name scores as well as the name when they always come together
            // (اروپا, اتحادیه اروپا): the longest span seen nearly as often as the best, and more
            // than twice (two lines say little of what always comes together), goes first. So does
            // a longer span that nearly always comes with the entity (nine lines in ten) where the
            // best, a word of it, often comes without it (fewer than eight in ten): اروپايي,
            // 'European', is in 35 of 54 Pashto lines with a gap of the European Union, اروپايي
            // اتحادیې in 19 of 20. It keeps the best score, and the table lists a longer label first
            // on a tie.
            if let best = ranked.first, let longer = ranked.filter({ candidate in
                let (suggestion, association) = candidate
                return suggestion.label.count > best.suggestion.label.count
                    && " \(suggestion.label) ".contains(" \(best.suggestion.label) ")
                    && suggestion.count > LabelMiner.fewLines
                    && (Double(suggestion.count) >= 0.8 * Double(best.suggestion.count)
                        || association >= 0.9 && best.association < 0.8)
            }).max(by: { $0.suggestion.label.count < $1.suggestion.label.count }),
               let index = ranked.firstIndex(where: { $0.suggestion == longer.suggestion }) {
                ranked.remove(at: index)
                ranked.insert(longer, at: 0)
                ranked[0].suggestion.score = max(ranked[0].suggestion.score, best.suggestion.score)
            }
            result += ranked.prefix(3).map(\.suggestion)
        }
        return result.sorted(by: SuggestionTableWriter.precedes)
    }
}
