import TextNormalization

/// Which mentions to report.
public struct MatchOptions: Sendable {
    /// Report mentions that rest on a weak label even with no strong mention of their entity.
    public var includeWeak: Bool
    /// Only these entity types; nil for all.
    public var types: Set<EntityType>?
    /// The lowest score of a fuzzy mention; nil: no fuzzy pass.
    public var fuzzyMinimum: Double?
    /// Report mentions inside a longer capitalised name the lexicon does not know (`LongerNames`),
    /// marked as such, instead of leaving them out.
    public var partial: Bool
    /// Report nationality adjectives (`LabelFlags.demonym`) as mentions of their country.
    public var demonyms: Bool

    public init(includeWeak: Bool = false, types: Set<EntityType>? = nil, fuzzyMinimum: Double? = nil,
                partial: Bool = false, demonyms: Bool = true) {
        self.includeWeak = includeWeak
        self.types = types
        self.fuzzyMinimum = fuzzyMinimum
        self.partial = partial
        self.demonyms = demonyms
    }
}

/// How eager the fuzzy pass of `tag` is: the lowest score it reports.
public enum FuzzyLevel: String, CaseIterable, Sendable {
    case off, strict, `default`, loose

    public var minimumScore: Double? {
        switch self {
        case .off: return nil
        case .strict: return 0.92
        case .default: return 0.86
        case .loose: return 0.8
        }
    }
}

/// Finds every mention in a record in one left-to-right pass: at each word start the trie is
/// walked as far as the text allows, the longest label that ends on a word boundary (or before an
/// allowed suffix) wins, and the scan goes on after it (leftmost-longest). One per thread.
public final class MentionFinder {
    public let model: TaggingModel
    /// The model's trie and payloads, held here so the hot loop reads them without going through
    /// another object.
    private let trie: LabelTrie
    private let payloadTable: [TaggingModel.Payload]
    private var keys: CharacterKeys
    public private(set) var text = KeyedText()
    private var suffixScratch: [UInt16] = []

    init(model: TaggingModel) throws(NormalizationSetupError) {
        self.model = model
        trie = model.trie
        payloadTable = model.payloads
        keys = try CharacterKeys()
    }

    /// A match before entity resolution: a span and the payloads that fit it.
    private struct Candidate {
        var firstUnit: Int
        var lastUnit: Int
        /// The unit after everything the match consumed (the suffix included).
        var resumeAt: Int
        /// The trie edge after which the label ends; its payloads are read only for the winner.
        var step: LabelTrie.Step
        var payloads: [Int32] = []
        var affixed: Bool
    }

    /// The mentions of the UTF-8 text `bytes[range]`, in order.
    /// - Parameter support: entities the record's document names by a strong label elsewhere
    ///   (`strongEntities`): they resolve weak labels and ambiguous spans here as the record's own
    ///   strong mentions do, and support single-word fuzzy matches.
    public func mentions(in bytes: [UInt8], _ range: Range<Int>, options: MatchOptions = MatchOptions(),
                         support: Set<Int32> = []) -> [Mention] {
        applyPlaceHeads(markLongerNames(allMentions(in: bytes, range, options: options, support: support), bytes, range,
                                        options: options))
    }

    /// The entities that `mentions`, the result of the last `mentions(in:…)` call, names by a fuzzy
    /// mention of several words (not inside a longer unknown name): as strong a sign as a strong
    /// label's, which the other records of its document may lean on too (`TagLineProcessor`).
    /// `strongEntities` runs no fuzzy pass and does not see them. Asked for only in document mode.
    public func fuzzyNamedEntities(in mentions: [Mention]) -> Set<Int32> {
        var named = Set<Int32>()
        for mention in mentions where mention.kind == .fuzzy && !mention.partOfLongerName
            && spansSeveralWords(firstUnit(ofScalar: mention.nameStart), firstUnit(ofScalar: mention.end) - 1) {
            named.insert(Int32(mention.entity))
        }
        return named
    }

    /// Places named beside a head word that picks another entity of their name (`PlaceHeads`:
    /// Кундуз after провинции names Kunduz Province, not the city): the mention names that entity
    /// and takes the head word in, unless another mention holds the word.
    private func applyPlaceHeads(_ mentions: [Mention]) -> [Mention] {
        guard mentions.contains(where: { model.entityType($0.entity) == .place }) else { return mentions }
        if placeHeads == nil { placeHeads = model.placeHeadRule() }
        guard let rule = placeHeads, !rule.isEmpty else { return mentions }
        var result = mentions
        // The head words right after a mention's name, taken or not, for the list rule (most records
        // have none, and then no array is made).
        var headsAfter: [(index: Int, kind: Int)] = []
        // A nationality adjective is no place's name ("Afghan province" is not a province of Afghanistan).
        for index in result.indices where model.entityType(result[index].entity) == .place && !result[index].demonym {
            let mention = result[index]
            let first = firstUnit(ofScalar: mention.nameStart), last = firstUnit(ofScalar: mention.end) - 1
            guard first <= last, last < text.count else { continue }
            var chosen: (entity: Int32, payload: Int32)?, head: Range<Int>?
            if let before = rule.head(before: first, in: text),
               let pick = PlaceHeads.pick(headPicks(), place: mention.entity, kind: before.kind) {
                let start = Int(text.origins[before.first])
                if index == 0 || result[index - 1].end <= start {
                    chosen = pick
                    head = start..<(Int(text.origins[first - 1]) + 1)
                }
            }
            if chosen == nil, let after = rule.head(after: last, in: text) {
                let end = Int(text.origins[after.last]) + 1
                if index + 1 == result.count || result[index + 1].start >= end {
                    // The list rule reads the head whether or not it picks another place here
                    // (Kunar is the province itself: "Khost and Kunar provinces").
                    headsAfter.append((index, after.kind))
                    if let pick = PlaceHeads.pick(headPicks(), place: mention.entity, kind: after.kind) {
                        chosen = pick
                        head = Int(text.origins[last + 1])..<end
                    }
                }
            }
            guard let chosen, let head else { continue }
            result[index].entity = Int(chosen.entity)
            // A fuzzy mention's `via` is the label that names the place so.
            if mention.kind == .fuzzy { result[index].label = Int(payloadTable[Int(chosen.payload)].label) }
            result[index].start = min(mention.start, head.lowerBound)
            result[index].end = max(mention.end, head.upperBound)
            result[index].head = head
        }
        if result.count > 1 { applyHeadsToLists(&result, headsAfter: headsAfter, rule: rule) }
        return result
    }

    /// A head word after the last name of a list names every place of the list so: in "Nangarhar,
    /// Herat and Kunduz provinces" and "پکتیکا، خوست او کونړ ولایتونو" each name is a province. The
    /// names before the last take the kind of its head when nothing but commas and "and" (و, او)
    /// stand between them, and "and" before the last name: "Kunduz, Kunduz Province" is the city
    /// and its province. The last name's head is one it stands before (`headsAfter`, in text order)
    /// or the end of its label ("Kunduz Province"). The names before it keep their spans.
    private func applyHeadsToLists(_ result: inout [Mention], headsAfter: [(index: Int, kind: Int)],
                                   rule: PlaceHeads) {
        var carried: Int?
        var next = headsAfter.count - 1
        for index in stride(from: result.count - 2, through: 0, by: -1) {
            let right = index + 1
            guard result[index].head == nil, model.entityType(result[index].entity) == .place,
                  !result[index].demonym, model.entityType(result[right].entity) == .place,
                  let hasAnd = listGap(from: result[index].end, to: result[right].nameStart)
            else {
                carried = nil
                continue
            }
            // A list's last link has "and": there the kind to carry is read from the name after it.
            if hasAnd {
                while next >= 0 && headsAfter[next].index > right { next -= 1 }
                if next >= 0 && headsAfter[next].index == right {
                    carried = headsAfter[next].kind
                } else {
                    carried = rule.kind(endingMention: firstUnit(ofScalar: result[right].nameStart),
                                        firstUnit(ofScalar: result[right].end) - 1, in: text)
                }
            }
            guard let kind = carried,
                  let pick = PlaceHeads.pick(headPicks(), place: result[index].entity, kind: kind) else { continue }
            result[index].entity = Int(pick.entity)
            if result[index].kind == .fuzzy { result[index].label = Int(payloadTable[Int(pick.payload)].label) }
        }
    }

    /// Whether the word "and" (English and, Dari و, Pashto او) is among the record's scalars
    /// `start..<end`, read in the key form; nil when they hold more than spaces, commas and "and".
    private func listGap(from start: Int, to end: Int) -> Bool? {
        guard start < end else { return nil }
        let first = firstUnit(ofScalar: start), last = firstUnit(ofScalar: end)
        guard first <= last, last <= text.count else { return nil }
        let units = text.units
        var wordStart = first, hasAnd = false
        // The word before `end` is "and" or empty (read in place: most gaps are a comma or a space).
        func wordEnds(at end: Int) -> Bool {
            if end == wordStart { return true }
            let word = units[wordStart..<end]
            guard word.elementsEqual(MentionFinder.andEn) || word.elementsEqual(MentionFinder.andPrs)
                    || word.elementsEqual(MentionFinder.andPs) else { return false }
            hasAnd = true
            return true
        }
        for position in first..<last {
            let unit = units[position]
            guard unit == 0x20 || unit == 0x2C || unit == 0x060C else { continue }
            guard wordEnds(at: position) else { return nil }
            wordStart = position + 1
        }
        return wordEnds(at: last) ? hasAnd : nil
    }

    private static let andEn = Array("and".utf16), andPrs = Array("و".utf16), andPs = Array("او".utf16)

    /// Whether a province or river head word (`PlaceHeads`) of a kind the labels show `place` with
    /// stands right before or right after the candidate's words, with nothing but spaces between.
    private func hasPlaceHead(beside candidate: Candidate, of place: Int) -> Bool {
        if placeHeads == nil { placeHeads = model.placeHeadRule() }
        guard let rule = placeHeads, !rule.isEmpty else { return false }
        if let before = rule.head(before: candidate.firstUnit, in: text),
           PlaceHeads.isKnown(headPicks(), place: place, kind: before.kind) {
            return true
        }
        guard let after = rule.head(after: max(candidate.lastUnit, candidate.resumeAt - 1), in: text) else {
            return false
        }
        return PlaceHeads.isKnown(headPicks(), place: place, kind: after.kind)
    }

    /// The rule and what its head words pick, fetched once per finder.
    private var placeHeads: PlaceHeads?
    private var placeHeadPicks: PlaceHeads.Picks?
    /// The places lying in one another, fetched the first time a fuzzy pass has support.
    private var placeNeighbours: PlaceNeighbours?

    private func headPicks() -> PlaceHeads.Picks {
        if placeHeadPicks == nil { placeHeadPicks = model.placeHeadPicks() }
        return placeHeadPicks!
    }

    /// The first key unit that came from scalar `scalar` or a later one (`text.count` if none).
    private func firstUnit(ofScalar scalar: Int) -> Int {
        var low = 0, high = text.count
        while low < high {
            let middle = (low + high) / 2
            if Int(text.origins[middle]) < scalar { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Marks the mentions inside longer unknown names, or leaves them out (`LongerNames`).
    private func markLongerNames(_ mentions: [Mention], _ bytes: [UInt8], _ range: Range<Int>,
                                 options: MatchOptions) -> [Mention] {
        guard !mentions.isEmpty, let rule = longerNameRule() else { return mentions }
        let marks = rule.partOfLongerName(mentions, text: text, bytes: bytes, range: range, keys: &keys)
        guard marks.contains(true) else { return mentions }
        var kept: [Mention] = []
        for (mention, partial) in zip(mentions, marks) {
            if partial && !options.partial { continue }
            var mention = mention
            mention.partOfLongerName = partial
            kept.append(mention)
        }
        return kept
    }

    /// The model's rule, fetched once per finder (the model hands it out under a lock).
    private var longerNames: LongerNames?

    private func longerNameRule() -> LongerNames? {
        if longerNames == nil { longerNames = try? model.longerNameRule() }
        return longerNames
    }

    private func allMentions(in bytes: [UInt8], _ range: Range<Int>, options: MatchOptions,
                             support: Set<Int32>) -> [Mention] {
        let (candidates, text) = scan(bytes, range)
        guard let minimum = options.fuzzyMinimum, (try? prepareFuzzyPass()) != nil else {
            return resolve(candidates, bytes: bytes, range: range, options: options, support: support).0
        }
        // The matcher is a value changed in place (`fuzzy!.…`): one exclusivity check per call, none
        // in its loops, and its buffers never copied (moving it out and back copied it per record).
        // Words read first, so that an exact mention inside a longer name that sounds like a
        // negative label is dropped; then the fuzzy pass over the words the exact pass left (and
        // its mentions, whole, inside a longer name). The key text is held once for the record
        // (`scan`'s copy): handed from the finder to the matcher, it was copied (its four arrays
        // retained) per call.
        fuzzy!.read(text, bytes, range, covered: candidates.map { $0.firstUnit...max($0.firstUnit, $0.resumeAt - 1) })
        // Held until the record is done: the second reading below asks `isInsideNegative` after `hits`.
        defer { fuzzy!.finishRecord() }
        var (mentions, strong, heldBack) = resolve(candidates, bytes: bytes, range: range, options: options,
                                                    support: support) {
            first, last, entity in self.fuzzy!.isInsideNegative(first, last, entity: entity, minimum: minimum)
        }
        fuzzy!.keepCovered(mentions, text: text)
        // A weak label held back for want of support says the text needs it: the fuzzy pass does
        // not read the same words as the same entity through a strong label that sounds alike
        // (Abdul Kabir, weak, heard as Abdul Kabeer), nor the words of a negative label as the
        // entity it rules out. A longer name around them is another matter (Ahmad Schah Massoud
        // around the weak Massoud).
        // Held-back spans are looked up by where they start (a span holding a hit starts at most the
        // longest span's length before it): a long line may hold thousands of each.
        heldBack.sort { $0.units.lowerBound < $1.units.lowerBound }
        let longestHeld = heldBack.reduce(0) { max($0, $1.units.count) }
        // A place's single word is supported by a strong mention of a place it lies in or that lies
        // in it, too (`PlaceNeighbours`).
        if !strong.isEmpty && placeNeighbours == nil { placeNeighbours = model.placeNeighbours() }
        let fuzzySupport = strong.isEmpty ? strong : placeNeighbours!.widening(strong)
        let hits = fuzzy!.hits(support: fuzzySupport, minimum: minimum, bytes: bytes, range: range).filter { hit in
            guard !heldBack.isEmpty else { return true }
            let entity = payloadTable[Int(hit.payload)].entity
            var low = 0, high = heldBack.count
            while low < high {
                let middle = (low + high) / 2
                if heldBack[middle].units.lowerBound < hit.firstUnit - longestHeld {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            while low < heldBack.count && heldBack[low].units.lowerBound <= hit.firstUnit {
                let held = heldBack[low]
                if held.units.contains(hit.lastUnit) && held.entities.contains(entity) { return false }
                low += 1
            }
            return true
        }
        // A weak label held back for want of support names the entity a fuzzy mention of several
        // words names in the same record (Сухейль Шахин ... Шахин, where the label is Мохаммад
        // Сохаил Шахин): the record is read again with that support, as with a strong label's.
        // One word heard alike is too little to lean on.
        if !heldBack.isEmpty && !hits.isEmpty {
            var named = Set<Int32>()
            for hit in hits where spansSeveralWords(hit.firstUnit, hit.lastUnit) {
                let entity = payloadTable[Int(hit.payload)].entity
                if !strong.contains(entity) { named.insert(entity) }
            }
            if !named.isEmpty && heldBack.contains(where: { $0.entities.contains { named.contains($0) } }) {
                mentions = resolve(candidates, bytes: bytes, range: range, options: options,
                                   support: strong.union(named)) { first, last, entity in
                    self.fuzzy!.isInsideNegative(first, last, entity: entity, minimum: minimum)
                }.0
            }
        }
        if !hits.isEmpty {
            // A fuzzy span may take exact mentions whole: the longer name wins (the Taliban and
            // Pakistan inside Tahreek-e-Taliban Pakistan are not mentioned), whatever types are kept.
            // Hits and mentions are both in text order and do not overlap among themselves: one sweep.
            let spans = hits.map { Int(text.origins[$0.firstUnit])..<Int(text.origins[$0.lastUnit]) + 1 }
            var next = 0, kept: [Mention] = []
            kept.reserveCapacity(mentions.count)
            for mention in mentions {
                while next < spans.count && spans[next].upperBound < mention.end { next += 1 }
                if next < spans.count && spans[next].lowerBound <= mention.nameStart { continue }
                kept.append(mention)
            }
            mentions = kept
            mentions += fuzzyMentions(hits, options: options, bytes: bytes, range: range)
            mentions.sort { $0.start < $1.start }
        }
        return mentions
    }

    /// Whether key units `first...last` of the record cover more than one word (a fuzzy hit, or a
    /// mention's name).
    private func spansSeveralWords(_ first: Int, _ last: Int) -> Bool {
        first < last && last < text.count && (first + 1...last).contains { text.startsWord($0) }
    }

    /// The entities the record names by a strong label (of one entity, not ruled out by a negative
    /// one): what the other records of its document may lean on.
    /// A name inside a longer unknown name (`LongerNames`) lends nothing.
    public func strongEntities(in bytes: [UInt8], _ range: Range<Int>) -> Set<Int32> {
        let candidates = scan(bytes, range).candidates
        let (mentions, strong, _) = resolve(candidates, bytes: bytes, range: range, options: MatchOptions())
        guard !mentions.isEmpty, let rule = longerNameRule() else { return strong }
        let marks = rule.partOfLongerName(mentions, text: text, bytes: bytes, range: range, keys: &keys)
        guard marks.contains(true) else { return strong }
        let partial = Set(zip(mentions, marks).filter { $0.1 }.map { Int32($0.0.entity) })
        let whole = Set(zip(mentions, marks).filter { !$0.1 }.map { Int32($0.0.entity) })
        return strong.filter { whole.contains($0) || !partial.contains($0) }
    }

    /// `scan`'s label ends, kept from record to record.
    private var scanEnds: [LabelTrie.LabelEnd] = []

    /// The exact pass: the candidate matches of the record, leftmost-longest, and the record's key
    /// text, which the fuzzy pass reads after it (one copy of `text` for both).
    private func scan(_ bytes: [UInt8], _ range: Range<Int>) -> (candidates: [Candidate], text: KeyedText) {
        text.read(bytes, range, keys: &keys)
        recordHasBothCases = nil
        // Locals for the scan: reading the stored `text` on every step would pay an exclusivity
        // check and reference counting each time.
        let text = self.text
        let prefixes = model.prefixes, prefixStarts = self.prefixStarts
        // The walks' label ends, in a buffer kept from record to record (a new array for every
        // record with a label start was most of the exact pass's allocations).
        var ends = scanEnds
        scanEnds = []
        defer {
            ends.removeAll(keepingCapacity: true)
            scanEnds = ends
        }
        var candidates: [Candidate] = []
        let count = text.count
        precondition(text.units.count >= count && text.edges.count >= count, "key text shorter than its count")
        text.units.withUnsafeBufferPointer { units in
            text.edges.withUnsafeBufferPointer { edges in
                trie.withBuffers { trie in
                    var index = 0
                    while index < count {
                        // Most words start no label and carry no joined prefix: passed over there.
                        let (start, labelEnds) = LabelTrie.nextStart(trie, units.baseAddress!, edges.baseAddress!,
                                                                     count: count, from: index,
                                                                     prefixStarts: prefixStarts, into: &ends)
                        index = start
                        guard index < count else { break }
                        var best = labelEnds
                            ? longestMatch(from: index, affixed: false, text: text, ends: ends, bytes: bytes,
                                           range: range)
                            : nil
                        for prefix in prefixes where prefixMatches(prefix, at: index, text: text) {
                            // A name of three letters or fewer behind a joined prefix is too often a
                            // common word: Dari دهند "they give" is not د + هند (India).
                            let nameStart = index + prefix.count
                            ends.removeAll(keepingCapacity: true)
                            LabelTrie.walk(trie, units.baseAddress!, count: count, from: nameStart, into: &ends)
                            guard !ends.isEmpty,
                                  let joined = longestMatch(from: nameStart, affixed: true, text: text, ends: ends,
                                                            bytes: bytes, range: range),
                                  joined.lastUnit - nameStart + 1 >= Self.minimumJoinedNameUnits,
                                  best == nil || joined.lastUnit > best!.lastUnit else { continue }
                            best = joined
                        }
                        if let best {
                            candidates.append(best)
                            index = best.resumeAt
                        } else {
                            index += 1
                        }
                    }
                }
            }
        }
        return (candidates, text)
    }

    /// The first units of the joined prefixes (`model.prefixes`), for `LabelTrie.nextStart`.
    private lazy var prefixStarts: [UInt16] = model.prefixes.compactMap(\.first)

    private var fuzzy: FuzzyMatcher?

    /// Makes the fuzzy pass's matcher now rather than at the first record (the model builds its
    /// index once for all threads).
    public func prepareFuzzyPass() throws(NormalizationSetupError) {
        if fuzzy == nil { fuzzy = FuzzyMatcher(model: model, index: try model.fuzzyIndex()) }
    }

    private func fuzzyMentions(_ hits: [FuzzyMatcher.Hit], options: MatchOptions, bytes: [UInt8],
                               range: Range<Int>) -> [Mention] {
        hits.compactMap { hit in
            let payload = payloadTable[Int(hit.payload)]
            let entity = Int(payload.entity)
            if let types = options.types, !types.contains(model.entityType(entity)) { return nil }
            let nameStart = Int(text.origins[hit.firstUnit])
            let end = Int(text.origins[hit.lastUnit]) + 1
            let start = model.entityType(entity) == .person
                ? Int(text.origins[titleStart(before: hit.firstUnit, bytes: bytes, range: range)]) : nameStart
            return Mention(start: start, end: end, entity: entity, label: Int(payload.label), kind: .fuzzy,
                           nameStart: nameStart, weak: false, score: hit.score)
        }
    }

    /// Key units a name needs after a joined prefix.
    static let minimumJoinedNameUnits = 4

    /// A joined prefix at a word start, followed by more letters of the same word.
    private func prefixMatches(_ prefix: [UInt16], at index: Int, text: KeyedText) -> Bool {
        let end = index + prefix.count
        guard end < text.count, !text.startsWord(end), !text.isPunctuation(end) else { return false }
        for offset in 0..<prefix.count {
            if text.units[index + offset] != prefix[offset] { return false }
            if offset < prefix.count - 1 && text.endsWord(index + offset) { return false }
        }
        return true
    }

    /// The longest label that starts at unit `start` and ends where a word does (or before an
    /// allowed suffix), whose payloads fit the text's case and spacing; `ends` are the places
    /// `walk` found where labels end.
    private func longestMatch(from start: Int, affixed: Bool, text: KeyedText, ends: [LabelTrie.LabelEnd],
                              bytes: [UInt8], range: Range<Int>) -> Candidate? {
        let count = text.count
        let units = text.units
        // Longest first: the first place from the end where a word ends (or an allowed suffix
        // follows) and a payload fits, case-sensitive labels the case of the text, and where the
        // text may split the label into words only where it is safe (`spacingFits`).
        for end in ends.reversed() {
            let position = end.lastUnit
            let step = trie.steps[Int(end.step)]
            var candidate: Candidate
            if text.endsWord(position) {
                candidate = Candidate(firstUnit: start, lastUnit: position, resumeAt: position + 1, step: step,
                                      affixed: affixed)
            } else if position + 1 < count, !text.isPunctuation(position + 1) {
                let wordEnd = text.wordEnd(from: position)
                suffixScratch.removeAll(keepingCapacity: true)
                suffixScratch.append(contentsOf: units[(position + 1)...wordEnd])
                let suffixes = CharacterKeys.isArabic(units[start]) ? model.arabicSuffixes : model.latinSuffixes
                guard let endings = suffixes[suffixScratch], endings.isEmpty || endings.contains(where: { ending in
                    ending.count <= position - start + 1
                        && units[(position + 1 - ending.count)...position].elementsEqual(ending)
                }) else { continue }
                candidate = Candidate(firstUnit: start, lastUnit: position, resumeAt: wordEnd + 1, step: step,
                                      affixed: true)
            } else {
                continue
            }
            candidate.payloads = trie.payloads(after: candidate.step).filter {
                let payload = payloadTable[Int($0)]
                return spacingFits(payload, candidate, text: text)
                    && caseFits(payload, candidate, text: text, bytes: bytes, range: range)
                    && capitalsFit(payload, candidate, text: text, bytes: bytes, range: range)
            }
            if !candidate.payloads.isEmpty { return candidate }
        }
        return nil
    }

    /// The shortest piece a word break in the text may leave where the label has none: long
    /// enough for امیر خان against امیرخان, short enough to stop "put in" reading as Putin, "her
    /// at" as Herat or "او چا" (and who) as اوچا (OCHA).
    static let shortestSplitPiece = 3

    /// Whether the text's spaces inside the match fit the label: where the label has a space any
    /// is fine; elsewhere both pieces must be at least `shortestSplitPiece` long. (Breaks at
    /// punctuation must be in the label anyway: the punctuation is part of its key.)
    private func spacingFits(_ payload: TaggingModel.Payload, _ candidate: Candidate, text: KeyedText) -> Bool {
        guard candidate.lastUnit > candidate.firstUnit else { return true }
        let spaces = model.spaces[Int(payload.spacesStart)..<Int(payload.spacesStart + payload.spacesCount)]
        for position in (candidate.firstUnit + 1)...candidate.lastUnit where text.followsSpace(position) {
            let offset = Int32(position - candidate.firstUnit)
            if spaces.contains(offset) { continue }
            let segmentStart = spaces.last { $0 < offset } ?? 0
            let segmentEnd = spaces.first { $0 > offset } ?? Int32(candidate.lastUnit - candidate.firstUnit + 1)
            if offset - segmentStart < MentionFinder.shortestSplitPiece
                || segmentEnd - offset < MentionFinder.shortestSplitPiece {
                return false
            }
        }
        return true
    }

    private func caseFits(_ payload: TaggingModel.Payload, _ candidate: Candidate, text: KeyedText, bytes: [UInt8],
                          range: Range<Int>) -> Bool {
        guard payload.flags.contains(.caseSensitive) else { return true }
        let start = range.lowerBound + Int(text.utf8Offsets[Int(text.origins[candidate.firstUnit])])
        let end = range.lowerBound + Int(text.utf8Offsets[Int(text.origins[candidate.lastUnit]) + 1])
        if let ascii = model.asciiCaseLetters[Int(payload.caseIndex)], bytes[start..<end].allSatisfy({ $0 < 0x80 }) {
            // "is" against the label IS: compare the bytes' letters and digits, no String made.
            var expected = ascii.makeIterator()
            for byte in bytes[start..<end] {
                let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                if isAlphanumeric && expected.next() != byte { return false }
            }
            return expected.next() == nil
        }
        let surface = self.surface(from: Int(text.origins[candidate.firstUnit]),
                                   to: Int(text.origins[candidate.lastUnit]) + 1,
                                   bytes: bytes, range: range)
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return Array(letters) == model.caseLetters[Int(payload.caseIndex)]
    }

    /// Whether the record has both upper- and lower-case ASCII letters; nil until a `proper`
    /// label asks (reset for each record).
    private var recordHasBothCases: Bool?

    /// A `proper` label in a line of both cases: the text capitalises at least as many words as
    /// the label does ("China" yes, "china cups" no; "Islamic State" yes, "an islamic state" no).
    private func capitalsFit(_ payload: TaggingModel.Payload, _ candidate: Candidate, text: KeyedText, bytes: [UInt8],
                             range: Range<Int>) -> Bool {
        guard payload.flags.contains(.proper) else { return true }
        if recordHasBothCases == nil { recordHasBothCases = Self.hasBothCases(bytes, range) }
        guard recordHasBothCases! else { return true }
        let surface = self.surface(from: Int(text.origins[candidate.firstUnit]),
                                   to: Int(text.origins[candidate.lastUnit]) + 1,
                                   bytes: bytes, range: range)
        return Self.capitalisedWords(surface) >= Self.capitalisedWords(model.labelText(Int(payload.label)))
    }

    /// Whether the record has both capital and small letters: ASCII ones first, then those of
    /// other cased scripts (a Russian or Tajik line is mixed-case too), decoded only when the ASCII
    /// letters have not settled it. Asked once per record, and only for a `proper` label.
    static func hasBothCases(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var upper = false, lower = false, nonASCII = false
        for byte in bytes[range] {
            if byte >= 0x61 && byte <= 0x7A { lower = true } else if byte >= 0x41 && byte <= 0x5A { upper = true }
            nonASCII = nonASCII || byte >= 0x80
            if upper && lower { return true }
        }
        guard nonASCII else { return false }
        for scalar in String(decoding: bytes[range], as: UTF8.self).unicodeScalars where !scalar.isASCII {
            let properties = scalar.properties
            if properties.isUppercase { upper = true } else if properties.isLowercase { lower = true }
            if upper && lower { return true }
        }
        return false
    }

    /// The words (runs of letters) that start with a capital.
    static func capitalisedWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isLetter = scalar.properties.isAlphabetic
            if isLetter && !inWord && scalar.properties.isUppercase { count += 1 }
            inWord = isLetter
        }
        return count
    }

    /// The bytes of `surface(from:to:bytes:range:)` in `bytes`, as they stand.
    public func surfaceBytes(from start: Int, to end: Int, range: Range<Int>) -> Range<Int> {
        (range.lowerBound + Int(text.utf8Offsets[start]))..<(range.lowerBound + Int(text.utf8Offsets[end]))
    }

    /// Whether the record last read had bytes that are not UTF-8 (its surfaces then differ from
    /// their bytes: each such byte reads as U+FFFD).
    public var recordHadInvalidUTF8: Bool { text.firstInvalidUTF8 != nil }

    /// The original text of scalars [start, end).
    public func surface(from start: Int, to end: Int, bytes: [UInt8], range: Range<Int>) -> String {
        let lower = range.lowerBound + Int(text.utf8Offsets[start])
        let upper = range.lowerBound + Int(text.utf8Offsets[end])
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Picks one entity per candidate. A strong label decides alone; a weak one only beside a
    /// strong mention of the same entity in the record (or with `includeWeak`). A span shared by
    /// several entities that the record does not tell apart is left out rather than guessed.
    /// `heldBack`: the spans whose only labels are weak and unsupported, with their entities, and
    /// the spans of negative labels, with the entities they rule out. `vetoed` is not optional so
    /// that it need not escape: an optional closure's context was allocated at every record.
    private func resolve(_ candidates: [Candidate], bytes: [UInt8], range: Range<Int>, options: MatchOptions,
                         support: Set<Int32> = [], vetoed: (Int, Int, Int32) -> Bool = { _, _, _ in false })
        -> ([Mention], strong: Set<Int32>, heldBack: [(units: ClosedRange<Int>, entities: [Int32])]) {
        /// The entities the span may name: a negative label of an entity on the same span rules
        /// it out, whatever else matched there. A weak acronym that stands on its own in running
        /// text (WHO in "On January 30, WHO declared") counts as strong; one inside a run of
        /// capitals counts as nothing.
        var shouting: Bool?
        func entities(_ candidate: Candidate, weak: Bool) -> [Int32] {
            // One payload of a plain label, strong and not negative: most matches, answered without
            // the arrays the general case makes.
            if candidate.payloads.count == 1 {
                let payload = payloadTable[Int(candidate.payloads[0])]
                if payload.flags.isDisjoint(with: [.negative, .weak, .demonym]) { return weak ? [] : [payload.entity] }
            }
            // Each entity once, in payload order, without the arrays a map and filters would make:
            // payload lists are a few entries long.
            func counts(_ payload: TaggingModel.Payload) -> Bool {
                options.demonyms || !payload.flags.contains(.demonym)
            }
            var chosen: [Int32] = []
            for number in candidate.payloads {
                let payload = payloadTable[Int(number)]
                guard counts(payload), !payload.flags.contains(.negative), !chosen.contains(payload.entity) else {
                    continue
                }
                // A negative label of the entity on the same span rules it out.
                if candidate.payloads.contains(where: {
                    let other = payloadTable[Int($0)]
                    return other.entity == payload.entity && other.flags.contains(.negative) && counts(other)
                }) {
                    continue
                }
                var isWeak = payload.flags.contains(.weak)
                // A title before a person's weak label (ملا عمر, Mullah Omar) is support enough,
                // unless a capitalised word carries the name on: then the label is only its first
                // word (шейх Абдулла Аззам, Mufti Noor Wali).
                if isWeak && model.entityType(Int(payload.entity)) == .person
                    && titleStart(before: candidate.firstUnit, bytes: bytes, range: range) != candidate.firstUnit
                    && !nameGoesOn(after: candidate, bytes: bytes, range: range, shouting: &shouting) {
                    isWeak = false
                }
                // So is a province or river head word beside a place's weak label, of a kind the
                // labels show the place with in some language (صوبہ نیمروز, as ولایت نیمروز is a
                // label): the text says the word names that place. Not beside a nationality
                // adjective ("Afghan province").
                if isWeak && !payload.flags.contains(.demonym) && model.entityType(Int(payload.entity)) == .place
                    && hasPlaceHead(beside: candidate, of: Int(payload.entity)) {
                    isWeak = false
                }
                if isWeak && payload.caseIndex >= 0 && model.isAcronym[Int(payload.caseIndex)] {
                    // Inside a run of capitals ("IT IS FURTHER ORDERED") an acronym is just a word.
                    guard standsAlone(candidate, bytes: bytes, range: range) else { continue }
                    if shouting == nil { shouting = Self.isShouting(bytes, range) }
                    if !shouting! { isWeak = false }
                }
                if isWeak == weak { chosen.append(payload.entity) }
            }
            return chosen
        }
        var own = Set<Int32>()
        // Each candidate's strong entities, kept for the second loop.
        var strongByCandidate: [[Int32]] = []
        strongByCandidate.reserveCapacity(candidates.count)
        for candidate in candidates {
            let strongEntities = entities(candidate, weak: false)
            strongByCandidate.append(strongEntities)
            if strongEntities.count == 1 { own.insert(strongEntities[0]) }
        }
        // The record's own strong entities and its document's: the (larger) document set is shared
        // as it is when the record adds nothing, and copied once, not rebuilt, when it does.
        var strong = support
        if strong.isEmpty { strong = own } else if !own.isEmpty { strong.formUnion(own) }
        var mentions: [Mention] = []
        var heldBack: [(units: ClosedRange<Int>, entities: [Int32])] = []
        for (number, candidate) in candidates.enumerated() {
            // A negative label on the span rules its entity out of these words for the fuzzy pass
            // too, which would otherwise hear the shorter label inside it (Middle East in "Middle
            // East respiratory syndrome", whose lower-case words no fuzzy span takes).
            var ruledOut: [Int32] = []
            for payloadNumber in candidate.payloads where payloadTable[Int(payloadNumber)].flags.contains(.negative) {
                let entity = payloadTable[Int(payloadNumber)].entity
                if !ruledOut.contains(entity) { ruledOut.append(entity) }
            }
            if !ruledOut.isEmpty { heldBack.append((candidate.firstUnit...candidate.lastUnit, ruledOut)) }
            let strongEntities = strongByCandidate[number]
            var chosen: Int32?
            var weak = false
            if strongEntities.count == 1 {
                chosen = strongEntities[0]
            } else if strongEntities.count > 1 {
                // `strong` holds only entities some other span named unambiguously.
                let supported = strongEntities.filter { strong.contains($0) }
                if supported.count == 1 { chosen = supported[0] }
            } else {
                let weakEntities = entities(candidate, weak: true)
                let supported = weakEntities.filter { strong.contains($0) }
                weak = true
                if supported.count == 1 {
                    chosen = supported[0]
                } else if options.includeWeak && weakEntities.count == 1 {
                    chosen = weakEntities[0]
                } else if !weakEntities.isEmpty {
                    heldBack.append((candidate.firstUnit...candidate.lastUnit, weakEntities))
                }
            }
            guard let entity = chosen else { continue }
            if vetoed(candidate.firstUnit, candidate.lastUnit, entity) { continue }
            if let types = options.types, !types.contains(model.entityType(Int(entity))) { continue }
            // A spelling that is both a name and a demonym of the entity counts as the name.
            var chosenPayload: TaggingModel.Payload?
            for number in candidate.payloads {
                let other = payloadTable[Int(number)]
                guard other.entity == entity, !other.flags.contains(.negative),
                      options.demonyms || !other.flags.contains(.demonym) else { continue }
                if !other.flags.contains(.demonym) {
                    chosenPayload = other
                    break
                }
                if chosenPayload == nil { chosenPayload = other }
            }
            guard let payload = chosenPayload else { continue }
            let nameStart = Int(text.origins[candidate.firstUnit])
            let end = Int(text.origins[candidate.lastUnit]) + 1
            var kind = MatchKind.variant
            if candidate.affixed {
                kind = .affixed
            } else if isLabelText(of: candidate, entity: entity, from: nameStart, to: end, bytes: bytes, range: range) {
                kind = .exact
            }
            var start = nameStart
            if model.entityType(Int(entity)) == .person {
                start = Int(text.origins[titleStart(before: candidate.firstUnit, bytes: bytes, range: range)])
            }
            mentions.append(Mention(start: start, end: end, entity: Int(entity), label: Int(payload.label), kind: kind,
                                    nameStart: nameStart, weak: weak, demonym: payload.flags.contains(.demonym)))
        }
        return (mentions, strong, heldBack)
    }

    /// Whether the text of scalars [start, end) is, as written, a label of `entity` among the
    /// candidate's (an exact match rather than a variant). Compared as bytes: equal bytes are equal
    /// text, and so are unequal bytes that are all ASCII; otherwise (and in a record with bytes
    /// that are not UTF-8) as strings, which count canonically equivalent text as equal. Strings
    /// made for every mention were most of this test's cost.
    private func isLabelText(of candidate: Candidate, entity: Int32, from start: Int, to end: Int, bytes: [UInt8],
                             range: Range<Int>) -> Bool {
        let valid = text.firstInvalidUTF8 == nil
        let surfaceBytes = valid ? bytes[surfaceBytes(from: start, to: end, range: range)] : []
        var surfaceText: String?
        var surfaceIsASCII: Bool?
        for number in candidate.payloads {
            let other = payloadTable[Int(number)]
            guard other.entity == entity, !other.flags.contains(.negative) else { continue }
            if valid {
                let label = model.labelBytes(Int(other.label))
                if label.elementsEqual(surfaceBytes) { return true }
                if surfaceIsASCII == nil { surfaceIsASCII = surfaceBytes.allSatisfy { $0 < 0x80 } }
                if surfaceIsASCII! && label.allSatisfy({ $0 < 0x80 }) { continue }
            }
            if surfaceText == nil { surfaceText = surface(from: start, to: end, bytes: bytes, range: range) }
            if model.labelText(Int(other.label)) == surfaceText { return true }
        }
        return false
    }

    /// A line written in capitals: Latin letters, none of them lower case, and no letters of an
    /// uncased script (a Dari line quoting "WHO" is not shouting). There an acronym proves nothing.
    static func isShouting(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var upper = false
        for byte in bytes[range] {
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { upper = true }
            // Lead bytes of Arabic-script letters (U+0600-08FF): an uncased script.
            if byte >= 0xD8 && byte <= 0xE0 { return false }
        }
        return upper
    }

    /// Whether the span is not part of a run of capitals: the Latin words right before and after
    /// it are not all-capital words of two letters or more ("IT IS FURTHER ORDERED").
    private func standsAlone(_ candidate: Candidate, bytes: [UInt8], range: Range<Int>) -> Bool {
        let start = range.lowerBound + Int(text.utf8Offsets[Int(text.origins[candidate.firstUnit])])
        let end = range.lowerBound + Int(text.utf8Offsets[Int(text.origins[candidate.lastUnit]) + 1])
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        // Spaces and ASCII punctuation between words; a digit or a non-ASCII byte ends the search.
        func isGap(_ byte: UInt8) -> Bool { byte < 0x80 && !isLetter(byte) && !(byte >= 0x30 && byte <= 0x39) }
        func allCaps(_ word: ArraySlice<UInt8>) -> Bool {
            word.count >= 2 && word.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        }
        // The word before: back over the gap, then over its letters.
        var last = start - 1
        while last >= range.lowerBound && isGap(bytes[last]) { last -= 1 }
        var first = last
        while first >= range.lowerBound && isLetter(bytes[first]) { first -= 1 }
        if first < last && allCaps(bytes[(first + 1)...last]) { return false }
        // The word after.
        var next = end
        while next < range.upperBound && isGap(bytes[next]) { next += 1 }
        var after = next
        while after < range.upperBound && isLetter(bytes[after]) { after += 1 }
        if next < after && allCaps(bytes[next..<after]) { return false }
        return true
    }

    /// Whether the word after the candidate's word, with only spaces between, starts with a capital
    /// in a line not written in capitals: the name goes on past the label. Arabic script has no
    /// capitals, so there it never does.
    private func nameGoesOn(after candidate: Candidate, bytes: [UInt8], range: Range<Int>,
                            shouting: inout Bool?) -> Bool {
        let next = text.wordEnd(from: candidate.lastUnit) + 1
        guard next < text.count, text.startsWord(next), !text.isPunctuation(next), text.followsSpace(next) else {
            return false
        }
        guard text.isCapital(next, bytes, range) else { return false }
        if shouting == nil { shouting = Self.isShouting(bytes, range) }
        return !shouting!
    }

    /// The first unit of up to two titles right before `unit` (Mullah Mawlawi ...), or `unit`. A
    /// title that is the last word of an office is the office's, not the person's: one joined by a
    /// hyphen to the word before it (UN Secretary-General António Guterres, Director-General), or
    /// one that ends an office of `affixes.tsv` (Secretary General, Attorney General). The mention
    /// then starts at the name.
    private func titleStart(before unit: Int, bytes: [UInt8], range: Range<Int>) -> Int {
        var start = unit
        for _ in 0..<2 {
            guard start > 0, text.endsWord(start - 1), model.mayEndTitle(text.units[start - 1]) else { break }
            guard let title = model.titles.first(where: { endsHere($0, at: start) }) else { break }
            if isHyphenated(start - title.count, bytes: bytes, range: range)
                || model.offices.contains(where: { endsHere($0, at: start) }) {
                break
            }
            start -= title.count
        }
        return start
    }

    /// Whether `key` is the text's key units right before `end`, from the start of a word.
    private func endsHere(_ key: [UInt16], at end: Int) -> Bool {
        key.count <= end && text.startsWord(end - key.count) && text.units[(end - key.count)..<end].elementsEqual(key)
    }

    /// Whether the word starting at key unit `unit` follows a hyphen right after a letter.
    private func isHyphenated(_ unit: Int, bytes: [UInt8], range: Range<Int>) -> Bool {
        let offset = range.lowerBound + Int(text.utf8Offsets[Int(text.origins[unit])])
        guard offset - 2 >= range.lowerBound, offset <= range.upperBound,
              bytes[offset - 1] == 0x2D else { return false }
        let letter = bytes[offset - 2]
        return (letter | 0x20) >= 0x61 && (letter | 0x20) <= 0x7A || letter >= 0x80
    }
}

extension CharacterKeys {
    /// Whether a key unit is an Arabic-script letter (its label takes Dari and Pashto suffixes).
    static func isArabic(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF: return true
        default: return false
        }
    }
}
