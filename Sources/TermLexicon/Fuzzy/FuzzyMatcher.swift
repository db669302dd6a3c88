import TextNormalization

/// The fuzzy pass: after the exact matcher, the words it left uncovered (and its mentions, whole)
/// are read in the phonetic space and compared with the labels of `FuzzyIndex`. At each word that may
/// start a name, spans of one word up to one more than the longest label are tried, longest first;
/// the best label over the threshold wins, unless another entity scores as well (then nothing is
/// said) or it is a negative label (then the span names something else and is left alone).
///
/// The guards that depend on the text:
/// - a span starts or ends on a frequent word of its language (`FuzzyWordLists`) only where the
///   label has that very word (Islamic Emirat, د روغتیا ...); it never runs over punctuation or into
///   another script, and takes a word the exact pass read only with the whole of its mention and
///   a word of its own beside it (a longer name wins: Tahreek-e-Taliban Pakistan; as the entity
///   that mention names, it is that entity's one mention: Ashraf Ghani Ahmadzay), never ending on
///   an own word of one letter (Russian и, 'and');
/// - with as many words as the label, each word scores at least `wordMinimum` against its
///   counterpart (سازمان ملی, 'national organisation', is not سازمان ملل);
/// - it has as many words as the label, one fewer (words written together: Abdulghani), or one
///   more when that word is a particle (al, ud, bin, د ...);
/// - it has at least five letters;
/// - Latin words must start with a capital (particles aside; a title of the lexicon before a
///   capitalised word: le mollah Omar) and not be all capitals (an acronym, CEPI), and a line
///   written in capitals gets no Latin fuzzy match at all;
/// - Arabic-script spans are compared with Arabic-script labels, Latin and Cyrillic ones with both
///   of those;
/// - a single word is matched only with support: a strong mention of the entity in the line (or
///   document; for a place, of a place it lies in or that lies in it: `PlaceNeighbours`), or a head
///   noun right before or after it (ولایت قندوز, کندز ولایت, Kunduz Province);
///   only so does it sound like a weak label (صوبہ نمروز, Nimruz, whose نیمروز is 'midday');
///   a Latin or Cyrillic word also when it scores `unsupportedMinimum` (Kandahaar, Lugar, Чаман;
///   less against long labels: Taschkend) and no capitalised word of a longer name stands next to it
///   (Richard Lugar);
/// - a single word that is the label plus an adjective ending (امریکایی, Nuristani) is the
///   adjective, not the name.
struct FuzzyMatcher {
    /// One hit: key units `firstUnit...lastUnit` name the payload's entity.
    struct Hit {
        var firstUnit: Int
        var lastUnit: Int
        var payload: Int32
        var score: Double
    }

    /// A word of the record, in 32 bytes: what the word lists say of it, its skeleton, and what
    /// is the record's own (place, case, coverage).
    private struct Word {
        private var firstUnit: Int32
        private var lastUnit: Int32
        /// The word's number in `cache`, -1 until looked up.
        var profile: Int32 = -1
        private var bits: UInt16
        let script: PhoneticFold.Script
        /// -1 where the skeleton is left to the profile's fold (Cyrillic, which folds through ICU).
        let skeletonCount: Int8
        let hash: UInt64
        /// The word's skeleton (`FuzzyIndex.packSkeleton`) as `WordMemo` keeps it, for Arabic-script
        /// words and Latin words a span may take.
        let skeleton: UInt64

        private static let breakBeforeBit: UInt16 = 1 << 0, coveredBit: UInt16 = 1 << 1
        private static let capitalisedBit: UInt16 = 1 << 2, allCapitalsBit: UInt16 = 1 << 3
        /// The first and the last word of an exact mention (`keepCovered`).
        private static let mentionStartBit: UInt16 = 1 << 4, mentionEndBit: UInt16 = 1 << 5
        /// The word list's flags, shifted above the record's bits.
        private static let flagShift: UInt16 = 8

        init(first: Int, last: Int, script: PhoneticFold.Script, flags: WordFlagTable.Flags,
             breakBefore: Bool, covered: Bool, capitalised: Bool, allCapitals: Bool, hash: UInt64,
             skeleton: UInt64, skeletonCount: Int) {
            // Unit indices fit: a key text's origins are Int32 too; a skeleton has -1...15 classes.
            firstUnit = Int32(truncatingIfNeeded: first)
            lastUnit = Int32(truncatingIfNeeded: last)
            self.script = script
            self.hash = hash
            self.skeleton = skeleton
            self.skeletonCount = Int8(truncatingIfNeeded: skeletonCount)
            bits = UInt16(flags.rawValue) << Word.flagShift
                | (breakBefore ? Word.breakBeforeBit : 0) | (covered ? Word.coveredBit : 0)
                | (capitalised ? Word.capitalisedBit : 0) | (allCapitals ? Word.allCapitalsBit : 0)
        }

        var first: Int { Int(firstUnit) }
        var last: Int { Int(lastUnit) }
        /// Punctuation (or a script change) between this word and the one before.
        var breakBefore: Bool { bits & Word.breakBeforeBit != 0 }
        var covered: Bool {
            get { bits & Word.coveredBit != 0 }
            set { bits = newValue ? bits | Word.coveredBit : bits & ~Word.coveredBit }
        }
        var capitalised: Bool { bits & Word.capitalisedBit != 0 }
        var startsMention: Bool { bits & Word.mentionStartBit != 0 }
        var endsMention: Bool { bits & Word.mentionEndBit != 0 }
        mutating func markMention(starts: Bool, ends: Bool) {
            bits |= (starts ? Word.mentionStartBit : 0) | (ends ? Word.mentionEndBit : 0)
        }
        var allCapitals: Bool { bits & Word.allCapitalsBit != 0 }
        private func has(_ flag: WordFlagTable.Flags) -> Bool { bits & UInt16(flag.rawValue) << Word.flagShift != 0 }
        private var flags: WordFlagTable.Flags {
            WordFlagTable.Flags(rawValue: UInt8(truncatingIfNeeded: bits >> Word.flagShift))
        }
        var frequent: Bool { has(.frequent) }
        /// A frequent word some label starts (ends) with: a span may start (end) on it.
        var startsLabel: Bool { has(.startsLabel) }
        var endsLabel: Bool { has(.endsLabel) }
        var particle: Bool { has(.particle) }
        var headNoun: Bool { has(.headNoun) }
        var title: Bool { has(.title) }
        /// Whether a span of a Latin name goes on over this word, not read by the exact pass: a
        /// capitalised word (not in capitals, as a shouted line's words are), a particle, or a frequent
        /// word written inside a label (al-Qaeda in the Arabian Peninsula).
        var continuesLatinName: Bool {
            Word.continuesLatinName(flags: flags, capitalised: capitalised, allCapitals: allCapitals)
        }
        /// The same from a word's flags and case, before the word is made (`readWords` works out its
        /// skeleton only for the words a span may take).
        static func continuesLatinName(flags: WordFlagTable.Flags, capitalised: Bool, allCapitals: Bool) -> Bool {
            flags.contains(.particle) || !allCapitals && (capitalised || flags.contains(.insideLabel))
        }
        /// Whether the word, not read by the exact pass, makes a span that takes an exact mention a
        /// name of its own: not a particle, nor a lower-case word a label holds (al-Qaeda in the Iraq
        /// is still al-Qaeda and Iraq).
        var ownsSpan: Bool { !particle && (capitalised || !has(.insideLabel)) }
    }

    // The helpers that read the matcher are `mutating` too: called from a mutating method, a
    // non-mutating one is handed a copy of the whole matcher, `spans` inline (a `memcpy` at each
    // of 30,000 calls on the 2 MB sample before they were).

    /// The index, whose tables (`index`) are fetched at the first record with text.
    private let source: FuzzyIndex
    private var index = FuzzyIndex.Tables.empty
    private var composed = ComposedNames.empty
    private var hasTables = false
    private let cyrillic = CyrillicFold()
    private var words: [Word] = []
    private var cache = FuzzyWordCache()
    private var memo = WordMemo()
    private var span: [UInt8] = []
    private var rows: [Float] = []

    /// `model` is the index's (its labels are read through the index).
    init(model: TaggingModel, index: FuzzyIndex) {
        source = index
    }

    /// Reads the record's words; `covered` are the unit ranges the exact pass matched, in order.
    mutating func read(_ text: KeyedText, _ bytes: [UInt8], _ range: Range<Int>, covered: [ClosedRange<Int>]) {
        if !hasTables {
            guard text.count > 0 else {
                words.removeAll(keepingCapacity: true)
                currentUnits = []
                return
            }
            index = source.tables
            composed = index.composedNames
            hasTables = true
        }
        readWords(text, bytes, range, covered: covered)
    }

    /// After the exact pass has decided: only the words of its mentions stay covered, so a fuzzy
    /// span may run over a weak or ambiguous label it left (Massoud in "Ahmad Schah Massoud"). The
    /// words of each mention are marked where it starts and ends: a longer span may take a mention
    /// whole, never part of one.
    mutating func keepCovered(_ mentions: [Mention], text: KeyedText) {
        mentionWords.removeAll(keepingCapacity: true)
        // The words the exact pass read, in order: those of its candidates' ranges (found by
        // binary search, so that a record's other words cost nothing here).
        coveredWords.removeAll(keepingCapacity: true)
        for range in coveredRanges {
            var position = wordIndex(endingAtOrAfter: range.lowerBound)
            if let last = coveredWords.last { position = max(position, Int(last) + 1) }
            while position < words.count && words[position].first <= range.upperBound {
                coveredWords.append(Int32(position))
                position += 1
            }
        }
        // A person's title that the exact pass kept with the mention (муллы Барадара, le mollah
        // Baradar) is the mention's too, not a word of the text's own a longer span could add.
        var titled = false
        for mention in mentions where mention.nameStart > mention.start {
            for position in words.indices {
                let first = Int(text.origins[words[position].first])
                if first >= mention.nameStart { break }
                if first >= mention.start && !words[position].covered {
                    words[position].covered = true
                    coveredWords.append(Int32(position))
                    titled = true
                }
            }
        }
        if titled { coveredWords.sort() }
        var next = 0
        for number in coveredWords {
            let position = Int(number)
            let first = Int(text.origins[words[position].first]), last = Int(text.origins[words[position].last])
            while next < mentions.count && mentions[next].end <= first { next += 1 }
            let covered = next < mentions.count && mentions[next].start <= last
            words[position].covered = covered
            guard covered else { continue }
            if let known = mentionWords.last, known.mention == next, known.last == position - 1 {
                mentionWords[mentionWords.count - 1].last = position
            } else {
                mentionWords.append((next, position, position, Int32(mentions[next].entity)))
            }
        }
        for mention in mentionWords {
            words[mention.first].markMention(starts: true, ends: false)
            words[mention.last].markMention(starts: false, ends: true)
        }
    }

    /// The unit ranges the exact pass read (`readWords`), and in `keepCovered` the numbers of their
    /// words, in order, with the titles the pass kept with a mention.
    private var coveredRanges: [ClosedRange<Int>] = []
    private var coveredWords: [Int32] = []

    /// The record's exact mentions as runs of words (mention number, first and last word, entity),
    /// in text order.
    private var mentionWords: [(mention: Int, first: Int, last: Int, entity: Int32)] = []

    /// Whether the exact match of `entity` on units `first...last` lies inside a span of one or two
    /// more words on either side that sounds like a negative label of the entity.
    mutating func isInsideNegative(_ first: Int, _ last: Int, entity: Int32, minimum: Double) -> Bool {
        guard hasTables, let negatives = index.negativesByEntity[entity] else { return false }
        // Words are in text order: found by binary search, since a long line may hold thousands of
        // mentions whose entities have negative labels.
        let firstWord = wordIndex(endingAtOrAfter: first), lastWord = wordIndex(startingAfter: last) - 1
        guard firstWord < words.count, lastWord >= 0 else { return false }
        for extraBefore in 0...2 {
            for extraAfter in 0...2 where extraBefore + extraAfter > 0 {
                let start = firstWord - extraBefore, end = lastWord + extraAfter
                guard start >= 0, end < words.count,
                      !words[(start + 1)...end].contains(where: \.breakBefore) else { continue }
                // Only negatives of about as many words are worth spelling the span out for.
                let count = end - start + 1
                guard negatives.contains(where: { abs(Int(index.entries[Int($0)].words) - count) <= 1 })
                else { continue }
                // The span's skeleton from its words' (as `best` builds it); symbols only if a
                // negative label's skeleton is within one edit of it.
                var skeleton: UInt64 = 0, classes = 0
                for position in start...end {
                    let (packed, wordClasses) = self.skeleton(of: position)
                    FuzzyIndex.appendPackedSkeleton(packed, count: wordClasses, to: &skeleton, filled: &classes)
                }
                let labelSkeletons = index.labelPackedSkeletons, labelSkeletonStarts = index.labelSkeletons.starts
                var spelled = false
                for candidate in negatives {
                    // The span's guard for frequent words: a word added to the mention may start
                    // (end) it only if the negative label starts (ends) with that very word, so
                    // "America as" is not heard as "Americas".
                    let entry = index.entries[Int(candidate)]
                    if extraBefore > 0 && words[start].frequent && entry.firstWord != words[start].hash { continue }
                    if extraAfter > 0 && words[end].frequent && entry.lastWord != words[end].hash { continue }
                    let labelClasses = Int(labelSkeletonStarts[Int(candidate) + 1]
                                           - labelSkeletonStarts[Int(candidate)])
                    guard FuzzyIndex.withinOneEdit(skeleton, count: classes, labelSkeletons[Int(candidate)],
                                                   count: labelClasses) else { continue }
                    if !spelled {
                        span.removeAll(keepingCapacity: true)
                        for position in start...end {
                            if position > start { span.append(0x20) }
                            span.append(contentsOf: symbols(of: position))
                        }
                        spelled = true
                    }
                    if PhoneticDistance.score(span, Array(index.symbols(of: candidate)), crossScript: false,
                                              arabic: words[start].script == .arabic) >= minimum {
                        return true
                    }
                }
            }
        }
        return false
    }

    /// The first word whose last unit is at or after `unit` (`words.count` if none).
    private mutating func wordIndex(endingAtOrAfter unit: Int) -> Int {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].last >= unit { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The first word whose first unit is after `unit` (`words.count` if none).
    private mutating func wordIndex(startingAfter unit: Int) -> Int {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].first > unit { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Lets go of the record's text once the finder is done with the record (`hits` and every
    /// `isInsideNegative` after it read it): held on, it would make the finder's next read copy its
    /// buffers instead of reusing them.
    mutating func finishRecord() {
        currentUnits = []
    }

    mutating func hits(support: Set<Int32>, minimum: Double, bytes: [UInt8], range: Range<Int>) -> [Hit] {
        guard hasTables else { return [] }
        let latinAllowed = !MentionFinder.isShouting(bytes, range)
        let longest = min(index.longestLabel + 1, 8)
        supportMask = support.reduce(0) { $0 | 1 << UInt64($1 & 63) }
        var hits: [Hit] = []
        var start = 0
        while start < words.count {
            let first = words[start]
            // An exact mention's words are vouched for as a name, whatever their case (ISIS).
            let mayStart = (!first.covered || first.startsMention) && (!first.frequent || first.startsLabel)
                && !first.particle && first.script != .other
                && (first.script != .latin
                    || latinAllowed && (first.covered || first.capitalised && !first.allCapitals
                                        || first.title && startsCapitalisedName(after: start)))
            // An exact mention and words of the text's own beside it, as a label of another entity
            // that holds one of the mention's labels (ISIL Khorasan as ISIS Khorasan). The mention may
            // be a frequent word (IS). It stands unless `best` finds a span as long or a negative label.
            let composedHit = (mayStart || first.startsMention) && !mentionWords.isEmpty && !composed.isEmpty
                ? composedName(at: start, ownStart: mayStart && !first.covered, minimum: minimum,
                               latinAllowed: latinAllowed) : nil
            var outcome = Outcome.none
            if mayStart {
                // The labels whose first word (or first two words together) sounds like this word.
                let candidateList = candidates(startingWith: start)
                if !candidateList.range.isEmpty {
                    // The words a span from here may take: exact mentions too, whole (`best`), so that a
                    // longer name wins over a shorter one inside it (Tahreek-e-Taliban Pakistan is not the
                    // Taliban and Pakistan).
                    // No span is longer than one word more than the widest candidate (`best`).
                    let reach = min(longest, candidateList.widest + 1)
                    var end = start
                    while end + 1 < words.count, end + 1 - start < reach {
                        let next = words[end + 1]
                        if next.breakBefore || next.script != first.script { break }
                        if next.script == .latin && !next.covered && !next.continuesLatinName { break }
                        end += 1
                    }
                    outcome = best(from: start, through: end, candidates: candidateList, support: support,
                                   minimum: minimum)
                }
            }
            switch outcome {
            case .negative(let last):
                start = last + 1
            case .hit(let hit, let last) where composedHit.map({ $0.last <= last }) ?? true:
                hits.append(hit)
                start = last + 1
            default:
                if let (hit, last) = composedHit {
                    hits.append(hit)
                    start = last + 1
                } else {
                    start += 1
                }
            }
        }
        return hits
    }

    private enum Outcome { case none, negative(last: Int), hit(Hit, last: Int) }

    /// What is known of the span of `n` words from the start word, at index n: spans from one word
    /// are prefixes of each other, so symbols and skeleton are ends in shared buffers.
    private struct Span {
        var symbolEnd = 0
        /// The span's skeleton (packed, `FuzzyIndex.packSkeleton`) and its number of classes.
        var skeleton: UInt64 = 0
        var skeletonEnd = 0
        /// The phonetic weight of the span's symbols, set with `symbolEnd` when it is spelled.
        var weight: Float = 0
        var letters = 0
        var hasParticle = false
        /// The last word may end a span (not a particle; frequent only where a label ends so), and
        /// (for two words or more) the span's skeleton may be within one edit of a label's
        /// (`SkeletonFilter`): only such spans are scanned.
        var endsWell = false
        var best = -1, bestScore = 0.0, runnerUp = 0.0
    }

    /// For the spans of a Cyrillic start word, by word count as `spans`: the span's skeleton with
    /// every х read as kh and its number of classes, 0 classes when it has no х. Apart from `spans`
    /// so that the spans of other scripts write no more than they did.
    private var khSpans = InlineArray<9, (skeleton: UInt64, classes: Int)>(repeating: (0, 0))

    /// Spans of 1...8 words (`hits` takes at most eight), in place: an array here paid a uniqueness
    /// check at every write.
    private var spans = InlineArray<9, Span>(repeating: Span())

    /// The longest span from word `start` (up to word `end`) whose best label passes, or a negative
    /// label nearest to one: every candidate is scored against the spans with word counts it fits
    /// (its own, one fewer for words written together, one more with a particle), and the longest
    /// span with a winner decides.
    private mutating func best(from start: Int, through end: Int, candidates list: FuzzyWordCache.CandidateList,
                               support: Set<Int32>, minimum: Double) -> Outcome {
        let script = words[start].script
        let candidateRange = list.range
        let widest = list.widest
        if widest == 0 { return .none }
        var longest = min(widest + 1, end - start + 1)
        // A span no candidate's shape admits (its skeleton two classes longer than those of labels
        // of about as many words) is more than one edit from each, and so is every longer span.
        // The skeleton of the longest span so far, packed, and its number of classes.
        var spanSkeleton: UInt64 = 0, spanSkeletonCount = 0
        // Skeletons of every span from here; symbols only as far as a candidate needs them
        // (`spellSpan`): most spans pass no skeleton test.
        var letters = 0, hasParticle = false, multiWordEndsWell = false
        // Exact mentions a span takes must be taken whole, and with a word of the text's own
        // beside them: all of a mention, or two mentions side by side, are the exact pass's.
        var takesMention = false, takesOwnWord = false
        for count in 1...longest {
            let position = start + count - 1
            // Read once: `skeleton(of:)` may fold the word, so `words` would be read again after it.
            let word = words[position]
            if word.covered { takesMention = true } else if word.ownsSpan { takesOwnWord = true }
            let (packed, classes) = word.skeletonCount >= 0 ? (word.skeleton, Int(word.skeletonCount))
                                                             : skeleton(of: position)
            FuzzyIndex.appendPackedSkeleton(packed, count: classes, to: &spanSkeleton, filled: &spanSkeletonCount)
            if count > 1 && !list.shapes.admitsLonger(words: count, classes: spanSkeletonCount) {
                longest = count - 1
                break
            }
            letters += word.last - word.first + 1
            let particle = word.particle
            hasParticle = hasParticle || particle
            // The skeleton filter last, and chosen there: held for the loop, its table was retained
            // and released at every start word.
            let endsWell = FuzzyMatcher.mayEndSpan(on: word, letters: letters, takesMention: takesMention,
                                                   takesOwnWord: takesOwnWord)
                && (count == 1 || list.shapes.admits(words: count, classes: spanSkeletonCount)
                    && (script == .arabic ? index.arabicSkeletonFilter : index.skeletonFilter)
                        .mayBeNear(spanSkeleton, count: spanSkeletonCount))

            multiWordEndsWell = multiWordEndsWell || count > 1 && endsWell
            spans[count] = Span(symbolEnd: -1, skeleton: spanSkeleton, skeletonEnd: spanSkeletonCount, letters: letters,
                                hasParticle: hasParticle, endsWell: endsWell)
        }
        // Cyrillic х is h or kh and has no class of its own: a span of several words, each with a
        // kh, would be an edit away from its label per word (Хайбер Пахтунхва). Such a span also
        // has a skeleton with every х read as kh, and ends well if that one is near.
        if script == .cyrillic && readAsKh(from: start, longest: longest, shapes: list.shapes) {
            multiWordEndsWell = true
        }
        spelled = 0
        let headNoun = isHeadNoun(start - 1, beside: start) || isHeadNoun(start + 1, beside: start)
        let standsAlone = script != .arabic && !isCapitalisedName(start - 1, beside: start)
            && !isCapitalisedName(start + 1, beside: start)
        let singleWordMayPass = !words[start].covered
            && (headNoun || standsAlone || list.nearNegativeWord
                || !support.isEmpty && supportsSingleWord(list, support: support))
        // Nothing to score: most start words end here.
        if !multiWordEndsWell && !singleWordMayPass { return .none }
        // Spans of two words or more, when one may end well; spans of one word are settled by
        // `singleWordPasses`.
        if multiWordEndsWell {
            scanSpans(from: start, longest: longest, candidates: candidateRange, script: script, minimum: minimum)
        }
        // The span of the start word alone: what the word passes whatever the text around it, then
        // the support it needs. Without support, a head noun or standing alone, only a negative
        // label could be heard in it: most words are done here.
        guard singleWordMayPass else { return outcome(longest: longest, start: start) }
        let passes = singleWordPasses(from: start, candidates: candidateRange, minimum: minimum)
        let passedCandidates = cache.passedCandidates, passedScores = cache.passedScores
        let entries = index.entries
        for pass in passes {
            let candidate = passedCandidates[pass], score = passedScores[pass]
            let entry = entries[Int(candidate)]
            let entity = entry.entity
            let alone = standsAlone && !entry.weak
                && score >= FuzzyMatcher.unsupportedMinimum(labelWeight: entry.weight)
            if !entry.negative && !support.contains(entity) && !headNoun && !alone { continue }
            consider(candidate, of: entity, scoring: score, at: 1, entries: entries)
        }
        return outcome(longest: longest, start: start)
    }

    /// A label of `ComposedNames` read at word `start`: an exact mention starting there and words of
    /// the text's own after it, or (`ownStart`) one to three own words from there and a mention after
    /// them. The mention is read as the label writes its inner name and the whole scored by sound; of
    /// the labels over `minimum`, the longest span's best wins unless another entity scores as well.
    /// A mention written as the label writes it is left to `best`, which reads the span as it is.
    private mutating func composedName(at start: Int, ownStart: Bool, minimum: Double,
                                       latinAllowed: Bool) -> (Hit, last: Int)? {
        var winner: (score: Double, entry: Int32, last: Int)?
        var runnerUp = 0.0
        // The mention's symbols, spelled once for all the compositions that get that far (the own
        // words' likewise, `composedOwn`).
        var innerSpelled: [UInt8]?
        ownSpelled = nil
        func consider(_ composition: ComposedNames.Composition, inner: ClosedRange<Int>, own: ClosedRange<Int>,
                      ownWords: OwnWords) {
            guard let score = score(composition, inner: inner, own: own, ownWords: ownWords, minimum: minimum,
                                    innerSpelled: &innerSpelled)
            else { return }
            let entity = index.entries[Int(composition.entry)].entity
            let last = max(inner.upperBound, own.upperBound)
            if let known = winner {
                let knownEntity = index.entries[Int(known.entry)].entity
                // The longest span first (as in `best`), then the best score, then the lower entry.
                if last > known.last {
                    winner = (score, composition.entry, last)
                    runnerUp = 0
                } else if last < known.last {
                    return
                } else if score > known.score || score == known.score && composition.entry < known.entry {
                    if knownEntity != entity { runnerUp = max(runnerUp, known.score) }
                    winner = (score, composition.entry, last)
                } else if knownEntity != entity {
                    runnerUp = max(runnerUp, score)
                }
            } else {
                winner = (score, composition.entry, last)
            }
        }
        // The mention first.
        if words[start].startsMention, let run = mentionRun(startingAt: start),
           !composed.indices(of: run.entity).isEmpty {
            let inner = run.first...run.last
            let longest = composed.indices(of: run.entity).reduce(0) { max($0, Int(composed[$1].restWords)) } + 1
            for own in 1...longest where run.last + own < words.count {
                let ownRange = (run.last + 1)...(run.last + own)
                guard let ownWords = ownWords(ownRange, inner: inner, latinAllowed: latinAllowed) else { continue }
                for number in composed.indices(of: run.entity)
                where composed[number].innerFirst && abs(Int(composed[number].restWords) - own) <= 1 {
                    consider(composed[number], inner: inner, own: ownRange, ownWords: ownWords)
                }
            }
        }
        // The mention after one to three own words, the first of which may start a name.
        if ownStart {
            for own in 1...3 {
                let mentionStart = start + own
                guard mentionStart < words.count, !words[mentionStart - 1].covered else { break }
                guard words[mentionStart].startsMention, let run = mentionRun(startingAt: mentionStart),
                      !composed.indices(of: run.entity).isEmpty,
                      let ownWords = ownWords(start...(mentionStart - 1), inner: run.first...run.last,
                                              latinAllowed: latinAllowed)
                else { continue }
                innerSpelled = nil
                for number in composed.indices(of: run.entity)
                where !composed[number].innerFirst && abs(Int(composed[number].restWords) - own) <= 1 {
                    consider(composed[number], inner: run.first...run.last, own: start...(mentionStart - 1),
                             ownWords: ownWords)
                }
            }
        }
        guard let winner, winner.score - runnerUp >= FuzzyMatcher.margin || runnerUp == 0 else { return nil }
        return (Hit(firstUnit: words[start].first, lastUnit: words[winner.last].last,
                    payload: index.entries[Int(winner.entry)].payload, score: winner.score), winner.last)
    }

    /// What the compositions of one mention and its own words share: their script, letters, whether
    /// a particle is among them, and their skeleton.
    private struct OwnWords {
        var script: PhoneticFold.Script
        var hasParticle: Bool
        var skeleton: UInt64
        var classes: Int
    }

    /// The own words `own` beside the mention on words `inner`, or nil when the guards of the fuzzy
    /// pass rule out every span of them: punctuation or another script inside; a word the exact pass
    /// read; in Latin, a word not cased as a name; fewer than five letters between them ("امریکا
    /// غږ", Voice of America, is no reading of "متحده ایالاتو غږ", 'called on the United States');
    /// a digit.
    private mutating func ownWords(_ own: ClosedRange<Int>, inner: ClosedRange<Int>,
                                   latinAllowed: Bool) -> OwnWords? {
        let first = min(inner.lowerBound, own.lowerBound), last = max(inner.upperBound, own.upperBound)
        let script = words[first].script
        guard script != .latin || latinAllowed else { return nil }
        for position in (first + 1)...last where words[position].breakBefore || words[position].script != script {
            return nil
        }
        var hasParticle = false, letters = 0, skeleton: UInt64 = 0, classes = 0
        for position in own {
            let word = words[position]
            if word.covered { return nil }
            if word.script == .latin && !word.continuesLatinName { return nil }
            letters += word.last - word.first + 1
            hasParticle = hasParticle || word.particle
            let (packed, count) = self.skeleton(of: position)
            FuzzyIndex.appendPackedSkeleton(packed, count: count, to: &skeleton, filled: &classes)
        }
        guard letters >= FuzzyIndex.minimumLetters, !spanHasDigit(from: own.lowerBound, through: own.upperBound)
        else { return nil }
        return OwnWords(script: script, hasParticle: hasParticle, skeleton: skeleton, classes: classes)
    }

    /// The score of a composition for the mention on words `inner` and the own words `own`, or nil
    /// when a guard of the fuzzy pass rules the span out or it scores under `minimum`.
    private mutating func score(_ composition: ComposedNames.Composition, inner: ClosedRange<Int>,
                                own: ClosedRange<Int>, ownWords: OwnWords, minimum: Double,
                                innerSpelled: inout [UInt8]?) -> Double? {
        let entry = index.entries[Int(composition.entry)]
        guard entry.script == ownWords.script, own.count != Int(composition.restWords) + 1 || ownWords.hasParticle,
              // The own words' skeleton within one edit of the rest's, as a span's of its label's (`best`).
              FuzzyIndex.withinOneEdit(ownWords.skeleton, count: ownWords.classes, composition.restSkeleton,
                                       count: Int(composition.restSkeletonCount))
        else { return nil }
        // The span's own end: not a particle nor a word of one letter (`mayEndSpan`); a frequent
        // word only where the label ends (starts) so.
        let end = words[composition.innerFirst ? own.upperBound : own.lowerBound]
        if end.particle || end.last == end.first { return nil }
        if end.frequent && (composition.innerFirst ? entry.lastWord : entry.firstWord) != end.hash { return nil }
        // The mention spelled as the label spells its inner name: `best` reads that span as it is.
        if innerSpelled == nil {
            var spelled: [UInt8] = []
            for position in inner {
                if position > inner.lowerBound { spelled.append(0x20) }
                let symbols = symbols(of: position)
                spelled.append(contentsOf: symbols)
            }
            innerSpelled = spelled
        }
        let innerSymbols = composed.innerSymbols(composition)
        if innerSpelled.map({ $0[...] == innerSymbols }) ?? false { return nil }
        // The own words, spelled once for the compositions of one mention and its words, must sound
        // like the rest on their own (the inner name, read as the label writes it, would add its
        // whole weight to the score: "معارف کابل", Kabul's education department, is not "مصرف
        // كابول", Kabul Bank, though the whole scores 0.871), and word by word where they are as
        // many (the inner words are the label's own). Short strings first, each score given up as
        // soon as it cannot reach `minimum`.
        if ownSpelled != own {
            composedOwn.removeAll(keepingCapacity: true)
            for position in own {
                if position > own.lowerBound { composedOwn.append(0x20) }
                let symbols = symbols(of: position)
                composedOwn.append(contentsOf: symbols)
            }
            ownSpelled = own
        }
        let arabic = entry.script == .arabic
        let rest = composed.restSymbols(composition)
        guard PhoneticDistance.score(composedOwn[...], rest, crossScript: false, arabic: arabic,
                                     weights: (PhoneticDistance.weight(of: composedOwn[...]),
                                               PhoneticDistance.weight(of: rest)),
                                     minimum: minimum, rows: &rows) >= minimum,
              own.count != Int(composition.restWords)
                || FuzzyMatcher.wordsAreNear(composedOwn[...], rest, arabic: arabic)
        else { return nil }
        // The whole, as the label's: its score is the mention's.
        composedSpan.removeAll(keepingCapacity: true)
        if composition.innerFirst {
            composedSpan.append(contentsOf: innerSymbols)
            composedSpan.append(0x20)
        }
        composedSpan.append(contentsOf: composedOwn)
        if !composition.innerFirst {
            composedSpan.append(0x20)
            composedSpan.append(contentsOf: innerSymbols)
        }
        let label = index.symbols(of: composition.entry)
        let score = PhoneticDistance.score(composedSpan[...], label, crossScript: false, arabic: arabic,
                                           weights: (PhoneticDistance.weight(of: composedSpan[...]),
                                                     PhoneticDistance.weight(of: label)),
                                           minimum: minimum, rows: &rows)
        return score >= minimum ? score : nil
    }

    /// The symbols of the own words `ownSpelled` (`score(_:inner:own:ownWords:minimum:innerSpelled:)`).
    private var composedOwn: [UInt8] = []
    private var ownSpelled: ClosedRange<Int>?
    private var composedSpan: [UInt8] = []

    /// The run of mention words starting at word `first`, if one does.
    private mutating func mentionRun(startingAt first: Int) -> (first: Int, last: Int, entity: Int32)? {
        var low = 0, high = mentionWords.count
        while low < high {
            let middle = (low + high) / 2
            if mentionWords[middle].first >= first { high = middle } else { low = middle + 1 }
        }
        guard low < mentionWords.count, mentionWords[low].first == first else { return nil }
        let run = mentionWords[low]
        return (run.first, run.last, run.entity)
    }

    /// Whether a label of one or two words among the candidates names an entity of `support`: when
    /// support is all a single word has, no other label could be reported for it, and most words of a
    /// line with support need not be scored at all. A mask of the entities' low bits
    /// (`supportMask`, set per record) against the list's (`supportBits`) settles most lists at
    /// once, and spares the set's hashing for almost every candidate of the others.
    private mutating func supportsSingleWord(_ list: FuzzyWordCache.CandidateList, support: Set<Int32>) -> Bool {
        // No candidate's entity has the bit of a supported one: most lists end here.
        guard list.supportBits & supportMask != 0 else { return false }
        let candidateList = cache.candidates, entries = index.entries
        for position in list.range where PackedCandidate.words(candidateList[position]) <= 2 {
            let entity = entries[Int(PackedCandidate.entry(candidateList[position]))].entity
            if supportMask & 1 << UInt64(entity & 63) != 0 && support.contains(entity) { return true }
        }
        return false
    }

    /// Bit `e & 63` is set for each entity `e` of the record's support.
    private var supportMask: UInt64 = 0

    /// Scores the candidates against the spans of two words or more from word `start` (up to
    /// `longest`) whose last word may end a span: the candidates come ordered by skeleton length,
    /// so each span reads only those within one class of its own skeleton's length (farther ones
    /// are more than one edit away).
    private mutating func scanSpans(from start: Int, longest: Int, candidates candidateRange: Range<Int>,
                                    script: PhoneticFold.Script, minimum: Double) {
        // The arrays are read through `index` and `cache` where needed, reloaded after the mutating
        // calls: held in locals, five were retained and released at every call, and most calls
        // score nothing.
        var low = candidateRange.lowerBound, altLow = candidateRange.lowerBound
        for count in stride(from: 2, through: longest, by: 1) where spans[count].endsWell {
            let info = spans[count]
            scan(count, from: start, skeleton: info.skeleton, length: info.skeletonEnd, low: &low,
                 candidates: candidateRange, script: script, minimum: minimum)
            if script == .cyrillic && khSpans[count].classes > 0 {
                scanAsKh(count, from: start, low: &altLow, candidates: candidateRange, minimum: minimum)
            }
        }
    }

    /// `scan` with the Cyrillic span's skeleton read as kh (`khSpans`), out of the common path.
    @inline(never)
    private mutating func scanAsKh(_ count: Int, from start: Int, low: inout Int, candidates candidateRange: Range<Int>,
                                   minimum: Double) {
        let kh = khSpans[count]
        scan(count, from: start, skeleton: kh.skeleton, length: kh.classes, low: &low, candidates: candidateRange,
             script: .cyrillic, minimum: minimum)
    }

    /// `scanSpans` for the span of `count` words and one of its skeletons: the candidates from `low`
    /// on whose skeleton length is within one class of the span's (`low` moves past shorter ones).
    @inline(__always)
    private mutating func scan(_ count: Int, from start: Int, skeleton: UInt64, length: Int, low: inout Int,
                               candidates candidateRange: Range<Int>, script: PhoneticFold.Script,
                               minimum: Double) {
        let info = spans[count]
        while low < candidateRange.upperBound && PackedCandidate.skeletonLength(cache.candidates[low]) < length - 1 {
            low += 1
        }
        var next = low
        while next < candidateRange.upperBound {
            let key = cache.candidates[next]
            next += 1
            let labelSkeletonLength = PackedCandidate.skeletonLength(key)
            if labelSkeletonLength > length + 1 { break }
            let labelWords = PackedCandidate.words(key)
            // The span has as many words as the label, one fewer, or one more (a particle).
            guard count >= labelWords - 1, count <= labelWords + 1, count != labelWords + 1 || info.hasParticle
            else { continue }
            let candidate = PackedCandidate.entry(key)
            guard FuzzyIndex.withinOneEdit(skeleton, count: length, cache.candidateSkeletons[next - 1],
                                           count: labelSkeletonLength)
            else { continue }
            let entry = index.entries[Int(candidate)]
            // A weak label is heard in a single word only (`singleWordPasses`).
            if entry.weak { continue }
            if words[start + count - 1].frequent && entry.lastWord != words[start + count - 1].hash { continue }
            spellSpan(through: count, from: start)
            let symbols = span[..<spans[count].symbolEnd]
            let labelSymbols = index.labelSymbols[Int(candidate)]
            let penalty = entry.shortened ? FuzzyIndex.shortenedPenalty : 0
            let score = PhoneticDistance.score(symbols, labelSymbols, crossScript: false, arabic: script == .arabic,
                                               weights: (spans[count].weight, entry.weight), minimum: minimum + penalty,
                                               rows: &rows, sameWordCount: count - 1 == Int(entry.spaces)) - penalty
            guard score >= minimum else { continue }
            if count == labelWords && !FuzzyMatcher.wordsAreNear(symbols, labelSymbols, arabic: script == .arabic) {
                continue
            }
            consider(candidate, of: entry.entity, scoring: score, at: count, entries: index.entries)
        }
    }

    /// The longest span with a winner decides: a negative label leaves it alone, a tie with another
    /// entity says nothing of it. (`mutating`, like the other helpers, though it changes nothing.)
    private mutating func outcome(longest: Int, start: Int) -> Outcome {
        for count in stride(from: longest, through: 1, by: -1) where spans[count].best >= 0 {
            let info = spans[count]
            let entry = index.entries[info.best]
            let last = start + count - 1
            // A word with digits is no spelling of a name (Kabul24, Tolo24: the fold drops digits).
            if spanHasDigit(from: start, through: last) { continue }
            if entry.negative { return .negative(last: last) }
            // Two entities as near as each other: the text does not say which.
            if info.runnerUp > 0 && info.bestScore - info.runnerUp < FuzzyMatcher.margin { continue }
            return .hit(Hit(firstUnit: words[start].first, lastUnit: words[last].last, payload: entry.payload,
                            score: info.bestScore), last: last)
        }
        return .none
    }

    /// Whether a word of `start...last` has a digit among its key units (ASCII, Arabic-Indic or
    /// Persian digits): looked at only for spans that won, which are few.
    private mutating func spanHasDigit(from start: Int, through last: Int) -> Bool {
        currentUnits[words[start].first...words[last].last].contains { unit in
            (0x30...0x39).contains(unit) || (0x660...0x669).contains(unit) || (0x6F0...0x6F9).contains(unit)
        }
    }

    /// Records a label that passed for the span of `count` words: the best score wins, the lower
    /// entry number on a tie, so the outcome does not depend on the order candidates come in; the
    /// runner-up is the best score of any other entity.
    @inline(__always)
    private mutating func consider(_ candidate: Int32, of entity: Int32, scoring score: Double, at count: Int,
                                   entries: [FuzzyIndex.Entry]) {
        let info = spans[count]
        guard info.best >= 0 else {
            spans[count].best = Int(candidate)
            spans[count].bestScore = score
            return
        }
        let sameEntity = entries[info.best].entity == entity
        if score > info.bestScore || score == info.bestScore && Int(candidate) < info.best {
            if !sameEntity { spans[count].runnerUp = max(info.runnerUp, info.bestScore) }
            spans[count].best = Int(candidate)
            spans[count].bestScore = score
        } else if !sameEntity {
            spans[count].runnerUp = max(info.runnerUp, score)
        }
    }

    /// How many words from the start word `span` holds the symbols of.
    private var spelled = 0

    /// Writes the symbols of the span's words into `span` up to `count` words (words joined by a
    /// space), setting each span's `symbolEnd`.
    private mutating func spellSpan(through count: Int, from start: Int) {
        if spelled == 0 && count > 0 { span.removeAll(keepingCapacity: true) }
        while spelled < count {
            spelled += 1
            if spelled > 1 { span.append(0x20) }
            // Folded first: `cache.profiles[…]` would read the array before the fold changes it.
            let number = foldedProfile(of: start + spelled - 1)
            let profile = cache.profiles[number]
            span.append(contentsOf: cache.symbols[profile.symbols!])
            spans[spelled].symbolEnd = span.count
            spans[spelled].weight = (spelled > 1 ? spans[spelled - 1].weight : 0) + profile.weight
        }
    }

    /// The candidates the start word passes as a span of one word, before support: every test of
    /// `best` but those of the text around it, worked out once per distinct word (`spans[1]` and
    /// its skeleton hold the word's span). A range of `cache.passedCandidates`.
    private mutating func singleWordPasses(from start: Int, candidates candidateRange: Range<Int>,
                                           minimum: Double) -> Range<Int> {
        let number = profile(of: start)
        if cache.passMinimum == minimum, let known = cache.profiles[number].singleWordPasses { return known }
        singlePasses.removeAll(keepingCapacity: true)
        singleScores.removeAll(keepingCapacity: true)
        // A word no label is within one edit of passes none (nor needs spelling).
        let filter = words[start].script == .arabic ? index.arabicSkeletonFilter : index.skeletonFilter
        if spans[1].endsWell && filter.mayBeNear(spans[1].skeleton, count: spans[1].skeletonEnd) {
            spellSpan(through: 1, from: start)
            let info = spans[1]
            let word = words[start]
            let entries = index.entries, labelSymbols = index.labelSymbols
            let candidateList = cache.candidates, candidateSkeletons = cache.candidateSkeletons
            for position in candidateRange {
                let key = candidateList[position]
                // One word: the label's own count or one fewer (no particle in a single word).
                guard PackedCandidate.words(key) <= 2 else { continue }
                let candidate = PackedCandidate.entry(key)
                let entry = entries[Int(candidate)]
                let labelSkeletonLength = PackedCandidate.skeletonLength(key)
                guard FuzzyIndex.withinOneEdit(info.skeleton, count: info.skeletonEnd, candidateSkeletons[position],
                                               count: labelSkeletonLength)
                else { continue }
                if word.frequent && entry.lastWord != word.hash { continue }
                let symbols = span[..<info.symbolEnd]
                let labelSymbols = labelSymbols[Int(candidate)]
                if FuzzyMatcher.isAdjective(symbols, of: labelSymbols) { continue }
                let arabic = word.script == .arabic
                let penalty = entry.shortened ? FuzzyIndex.shortenedPenalty : 0
                let score = PhoneticDistance.score(symbols, labelSymbols, crossScript: false, arabic: arabic,
                                                   weights: (info.weight, entry.weight), minimum: minimum + penalty,
                                                   rows: &rows, sameWordCount: Int(entry.spaces) == 0) - penalty
                guard score >= minimum,
                      !FuzzyMatcher.isAdjective(symbols, scoring: score, against: labelSymbols, arabic: arabic)
                else { continue }
                singlePasses.append(candidate)
                singleScores.append(score)
            }
        }
        cache.setSingleWordPasses(singlePasses, scores: singleScores, minimum: minimum, of: number)
        return cache.profiles[number].singleWordPasses!
    }

    private var singlePasses: [Int32] = []
    private var singleScores: [Double] = []

    /// The entries whose first word is near word `position`'s, each once, as a range of
    /// `cache.candidates` (`PackedCandidate` keys, by skeleton length), without those the start word
    /// alone rules out (another script; a label not starting with the frequent word the span starts
    /// with). Gathered once per skeleton and side for words that are not frequent words (found by
    /// the skeleton read with the word, no profile needed), once per word for frequent words.
    private mutating func candidates(startingWith position: Int) -> FuzzyWordCache.CandidateList {
        let word = words[position]
        let arabic = word.script == .arabic
        if word.frequent {
            let number = profile(of: position)
            if let known = cache.candidateList(of: number) { return known }
            let entries = index.entries
            sortKeys.removeAll(keepingCapacity: true)
            for candidate in index.byFrequentFirstWord.entries(word.hash) {
                let entry = entries[Int(candidate)]
                if (entry.script == .arabic) == arabic && entry.firstWord == word.hash { gather(candidate) }
            }
            let sorted = sortedUnique(), nearNegative = nearNegativeWord()
            let list = cache.appendCandidates(sorted, skeletons: index.labelPackedSkeletons,
                                              entries: entries, nearNegativeWord: nearNegative)
            cache.setCandidates(list, of: number)
            return list
        }
        if word.script == .cyrillic, let list = candidatesOfTwoReadings(position, letter: 0x58) { return list }
        if word.script == .latin, hasCH(position), let list = candidatesOfTwoReadings(position, letter: 0x43) {
            return list
        }
        let (packed, count) = skeleton(of: position)
        let key = FuzzyWordCache.skeletonKey(packed, count: count)
        if let known = cache.candidateList(skeleton: key, arabic: arabic) { return known }
        sortKeys.removeAll(keepingCapacity: true)
        gatherNeighbours(packed, count: count, arabic: arabic)
        let sorted = sortedUnique(), nearNegative = nearNegativeWord()
        let list = cache.appendCandidates(sorted, skeletons: index.labelPackedSkeletons, entries: index.entries,
                                          nearNegativeWord: nearNegative)
        cache.fileCandidateList(list, skeleton: key, arabic: arabic)
        return list
    }

    /// Gathers the entries filed under the neighbours of a skeleton on one side.
    private mutating func gatherNeighbours(_ packed: UInt64, count: Int, arabic: Bool) {
        let buckets = arabic ? index.arabicBuckets : index.buckets
        let keys = index.candidateKeys
        FuzzyIndex.forEachLookupBucket(packed, count: count) { bucket in
            buckets.forEachEntry(bucket) { candidate in sortKeys.append(keys[Int(candidate)]) }
        }
    }

    /// A word with a letter of two readings gathers the labels of both: Cyrillic х (`X`, h or kh),
    /// whose skeleton leaves it out, like h (Мухаммад, Muhammad), is looked up again with х as kh
    /// (Ахтар, Akhtar, which one class left out would not find in a word this short); Latin ch
    /// (`C`, as in English), which German writes for kh (Balch, Chost, Tachar), again with ch as kh:
    /// a skeleton of three classes has no wildcard lookups, so Balch would never meet Balkh. Kept per
    /// word; nil for a word without that letter, which is looked up by its skeleton like any other.
    private mutating func candidatesOfTwoReadings(_ position: Int, letter: UInt8) -> FuzzyWordCache.CandidateList? {
        let number = foldedProfile(of: position)
        if let known = cache.candidateList(of: number) { return known }
        let symbols = cache.symbols[cache.profiles[number].symbols!]
        guard symbols.contains(letter) else { return nil }
        sortKeys.removeAll(keepingCapacity: true)
        let (packed, count) = skeleton(of: position)
        gatherNeighbours(packed, count: count, arabic: false)
        let kh = FuzzyIndex.packedSkeleton(of: symbols.map { $0 == letter ? 0x78 : $0 })
        gatherNeighbours(kh.0, count: kh.1, arabic: false)
        let sorted = sortedUnique(), nearNegative = nearNegativeWord()
        let list = cache.appendCandidates(sorted, skeletons: index.labelPackedSkeletons, entries: index.entries,
                                          nearNegativeWord: nearNegative)
        cache.setCandidates(list, of: number)
        return list
    }

    /// Whether Latin word `position` has a c before an h (ch, sch, tsch), cheaply, before its
    /// profile is looked up.
    private mutating func hasCH(_ position: Int) -> Bool {
        let word = words[position]
        guard word.last > word.first else { return false }
        for unit in word.first..<word.last where currentUnits[unit] == 0x63 && currentUnits[unit + 1] == 0x68 {
            return true
        }
        return false
    }

    /// Adds an entry to `sortKeys` as a `PackedCandidate` key (`candidateKeys`): sorted, the list
    /// comes by length (`best` reads only the lengths near a span's), and an entry filed under two
    /// of the word's buckets is next to itself.
    @inline(__always)
    private mutating func gather(_ candidate: Int32) {
        sortKeys.append(index.candidateKeys[Int(candidate)])
    }

    /// Whether a negative label of one or two words is among `gathered`.
    private mutating func nearNegativeWord() -> Bool {
        let entries = index.entries
        return gathered.contains { PackedCandidate.words($0) <= 2 && entries[Int(PackedCandidate.entry($0))].negative }
    }

    /// `sortKeys` sorted, each key once.
    private mutating func sortedUnique() -> [UInt64] {
        sortKeys.sort()
        gathered.removeAll(keepingCapacity: true)
        var previous = UInt64.max
        for key in sortKeys where key != previous {
            gathered.append(key)
            previous = key
        }
        return gathered
    }

    private var gathered: [UInt64] = []
    private var sortKeys: [UInt64] = []

    /// How much better than every other entity the best one must score.
    static let margin = 0.02

    /// The lowest score of each word of a span against its label's word.
    static let wordMinimum = 0.7

    /// Whether each word of `span` scores `wordMinimum` against the same word of the label. Two
    /// ezafe or connecting vowels (-e-, -i-, -ye-, -u-: Jaish-i-Mohammed, Jaish-e-Mohammed) are
    /// near each other whatever they score, as words of a vowel or two.
    static func wordsAreNear(_ span: ArraySlice<UInt8>, _ label: ArraySlice<UInt8>, arabic: Bool = false) -> Bool {
        for (a, b) in zip(span.split(separator: 0x20), label.split(separator: 0x20))
        where !(isConnectingVowel(a) && isConnectingVowel(b))
            && PhoneticDistance.score(Array(a), Array(b), crossScript: false, arabic: arabic) < wordMinimum {
            return false
        }
        return true
    }

    /// A word of one or two symbols, all vowels or glides (e, i, ye, u, wa).
    static func isConnectingVowel(_ word: ArraySlice<UInt8>) -> Bool {
        word.count <= 2 && word.allSatisfy { PhoneticFold.isVowel($0) || $0 == 0x79 || $0 == 0x77 }
    }

    /// A word made of the name and an adjective ending: ی, یی, ایی, ي in Arabic script (the label's
    /// final vowel may give way: امریکا, امریکایی), i or y in Latin (Nuristan, Nuristani).
    static func isAdjective(_ word: ArraySlice<UInt8>, of label: ArraySlice<UInt8>) -> Bool {
        var stem = label
        while let last = stem.last, last == 0x61 || last == 0x68 || last == 0x65 { stem = stem.dropLast() }
        guard !stem.isEmpty, word.count > stem.count, word.starts(with: stem) else { return false }
        let ending = word.dropFirst(stem.count)
        return ending.allSatisfy { $0 == 0x79 || $0 == 0x61 || $0 == 0x69 }
            && ending.contains { $0 == 0x79 || $0 == 0x69 }
    }

    /// A word that sounds like the label once an adjective ending is taken off, better than it
    /// does whole: قندهاری against کندهار, Kandahari against Qandahar (`isAdjective(_:of:)` needs the
    /// label's very letters). Only for words that passed, so the second score is rarely paid.
    static func isAdjective(_ word: ArraySlice<UInt8>, scoring score: Double, against label: ArraySlice<UInt8>,
                            arabic: Bool = false) -> Bool {
        var stem = word
        var endedInI = false
        while let last = stem.last, last == 0x79 || last == 0x69 {
            stem = stem.dropLast()
            endedInI = true
        }
        while endedInI, let last = stem.last, last == 0x61 { stem = stem.dropLast() }
        guard endedInI, stem.count >= 3 else { return false }
        return PhoneticDistance.score(Array(stem), Array(label), crossScript: false, arabic: arabic) > score
    }

    /// The score a single Latin or Cyrillic word needs without support: `unsupportedLatinMinimum`,
    /// or `unsupportedLongLabelMinimum` against a label that weighs `longLabelWeight` or more (four
    /// consonants' worth, `PhoneticDistance.weight`). A short label is near many words (Connor,
    /// Konar); a long one leaves room for the vowels and near consonants other languages spell it
    /// with (Teheran, Moskau, Hindukusch, Badachschan) at few words it could be mistaken for.
    static let unsupportedLatinMinimum = 0.95
    static let unsupportedLongLabelMinimum = 0.91
    static let longLabelWeight: Float = 4

    static func unsupportedMinimum(labelWeight: Float) -> Double {
        labelWeight >= longLabelWeight ? unsupportedLongLabelMinimum : unsupportedLatinMinimum
    }

    /// Whether word `position` is a head noun next to word `name`, with no punctuation between.
    @inline(__always)
    private mutating func isHeadNoun(_ position: Int, beside name: Int) -> Bool {
        guard position >= 0, position < words.count, words[position].headNoun else { return false }
        return !words[max(position, name)].breakBefore
    }

    /// Whether a capitalised Latin word of the same run follows word `position`: a title written in
    /// lower case (French le mollah Omar, Spanish el mulá Omar) may start a span before one. (Before
    /// an exact mention that kept it, the title is the mention's: `keepCovered`.)
    private mutating func startsCapitalisedName(after position: Int) -> Bool {
        guard position + 1 < words.count else { return false }
        let next = words[position + 1]
        return !next.breakBefore && next.script == .latin && next.capitalised && !next.allCapitals
    }

    /// Whether word `position` is a capitalised word of a name next to word `name` (no punctuation
    /// between): not a frequent word, a particle, a head noun or an acronym (КПП, 'checkpoint', before
    /// Торхам; NATO). A single word beside one is part of a longer name (Richard Lugar), so it needs
    /// support to be read alone.
    private mutating func isCapitalisedName(_ position: Int, beside name: Int) -> Bool {
        guard position >= 0, position < words.count, !words[max(position, name)].breakBefore else { return false }
        let word = words[position]
        return word.script != .arabic && word.capitalised && !word.allCapitals && !word.frequent && !word.particle
            && !word.headNoun
    }

    /// Word `position`'s packed skeleton and its number of classes: as read, or from its profile.
    @inline(__always)
    private mutating func skeleton(of position: Int) -> (UInt64, Int) {
        let word = words[position]
        if word.skeletonCount >= 0 { return (word.skeleton, Int(word.skeletonCount)) }
        // Folded first: `cache.profiles[foldedProfile(of:)]` would read the array before it grows.
        let number = foldedProfile(of: position)
        let profile = cache.profiles[number]
        return (profile.packedSkeleton, profile.skeletonLength)
    }

    /// The number of word `position`'s profile in `cache`, looked up on first use.
    private mutating func profile(of position: Int) -> Int {
        let known = words[position].profile
        if known >= 0 { return Int(known) }
        let word = words[position]
        // An Arabic-script word's skeleton came with it (`WordMemo`): not worked out again.
        let arabicSkeleton = word.script == .arabic && word.skeletonCount >= 0
            ? (packed: word.skeleton, count: Int(word.skeletonCount)) : nil
        let number = cache.profile(of: currentUnits[word.first...word.last], hash: word.hash, script: word.script,
                                   arabicSkeleton: arabicSkeleton)
        words[position].profile = Int32(number)
        return number
    }

    /// Whether a span may end on `word` whatever its skeleton: not on a particle, with five letters
    /// or more, on a frequent word only where a label ends with it, and taking an exact mention only
    /// whole and with a word of the text's own (`letters`: the span's; `takesMention`,
    /// `takesOwnWord`: what its words so far do). That own word, when it ends the span, has two
    /// letters or more: a word of one letter is a conjunction or preposition in most languages the
    /// pass reads (Russian и 'and', в 'in'), which no word list names outside English, Dari and
    /// Pashto, and nearly a vowel alone it costs the distance almost nothing (a person's name
    /// followed by и was read as a longer label of the same person, и and all).
    @inline(__always)
    private static func mayEndSpan(on word: Word, letters: Int, takesMention: Bool, takesOwnWord: Bool) -> Bool {
        !word.particle && letters >= FuzzyIndex.minimumLetters && (!word.frequent || word.endsLabel)
            && (!takesMention || takesOwnWord && (word.covered ? word.endsMention : word.last > word.first))
    }

    /// Fills `khSpans` for the spans of 1...`longest` words from Cyrillic word `start` (each span's
    /// skeleton with every х read as kh, 0 classes while no word of it has х), marks the spans of
    /// two words or more that end well read so, and says whether there is one. Apart from `best`'s
    /// loop, which every script runs: in it, or called from it, this cost the others 0.7–1.8%.
    @inline(never)
    private mutating func readAsKh(from start: Int, longest: Int, shapes: SpanShapes) -> Bool {
        var kh: UInt64 = 0, classes = 0, differs = false, found = false
        var takesMention = false, takesOwnWord = false
        for count in 1...longest {
            let position = start + count - 1
            let word = words[position]
            if word.covered { takesMention = true } else if word.ownsSpan { takesOwnWord = true }
            let skeleton = word.skeletonCount >= 0
                ? (word.skeleton, Int(word.skeletonCount)) : self.skeleton(of: position)
            let (packed, wordClasses) = khSkeleton(of: position) ?? skeleton
            differs = differs || wordClasses != skeleton.1 || packed != skeleton.0
            FuzzyIndex.appendPackedSkeleton(packed, count: wordClasses, to: &kh, filled: &classes)
            khSpans[count] = differs ? (kh, classes) : (0, 0)
            guard count > 1, differs, !spans[count].endsWell else { continue }
            if FuzzyMatcher.mayEndSpan(on: word, letters: spans[count].letters, takesMention: takesMention,
                                       takesOwnWord: takesOwnWord)
                && shapes.admits(words: count, classes: classes) && index.skeletonFilter.mayBeNear(kh, count: classes) {
                spans[count].endsWell = true
                found = true
            }
        }
        return found
    }

    /// The skeleton of Cyrillic word `position` with every х (`X`) read as kh, or nil when it has
    /// none (`best`'s second skeleton of a span; a start word looks its candidates up both ways).
    private mutating func khSkeleton(of position: Int) -> (UInt64, Int)? {
        let symbols = self.symbols(of: position)
        guard symbols.contains(0x58) else { return nil }
        return FuzzyIndex.packedSkeleton(of: symbols.map { $0 == 0x58 ? 0x78 : $0 })
    }

    /// The number of word `position`'s profile, its word folded.
    private mutating func foldedProfile(of position: Int) -> Int {
        let number = profile(of: position)
        cache.fold(number, cyrillic: cyrillic)
        return number
    }

    /// The symbols of word `position` (folded on its own: a doubled symbol is never collapsed
    /// across words).
    private mutating func symbols(of position: Int) -> ArraySlice<UInt8> {
        let number = foldedProfile(of: position)
        return cache.symbols[cache.profiles[number].symbols!]
    }

    /// The record's key units, while its words are read and matched (profiles are made from them).
    private var currentUnits: [UInt16] = []

    /// Splits the text into words and marks what is known of each before any folding: the word
    /// lists' flags and the skeleton of the words a span may take (from `WordMemo`, worked out for
    /// a word not met recently), case, and whether the exact pass read it. Profiles, which are
    /// larger, are looked up only for the words that need one: a profile for every word read made
    /// a table larger than the processor's caches.
    private mutating func readWords(_ text: KeyedText, _ bytes: [UInt8], _ range: Range<Int>,
                                    covered: [ClosedRange<Int>]) {
        currentUnits = text.units
        coveredRanges = covered
        words.removeAll(keepingCapacity: true)
        words.reserveCapacity(text.count)
        cache.makeRoomIfFull()
        // The index's table and the text's units held locally, loaded once for the record's words.
        let wordFlags = index.wordFlags, units = text.units
        var coveredIndex = 0
        var previousScript = PhoneticFold.Script.other
        text.forEachWord { unit, last, hash, script, afterPunctuation in
            while coveredIndex < covered.count && covered[coveredIndex].upperBound < unit { coveredIndex += 1 }
            let isCovered = coveredIndex < covered.count && covered[coveredIndex].lowerBound <= last
            // The word's flags and skeleton as first worked out, or worked out now.
            let slot = WordMemo.slot(of: hash)
            var entry: WordMemo.Entry
            if let known = memo.entry(hash, at: slot) {
                entry = known
            } else {
                entry = WordMemo.Entry(hash: hash, skeletonCount: WordMemo.Entry.unknown,
                                       flags: wordFlags.flags(of: hash))
                if script == .arabic {
                    let skeleton = FuzzyIndex.arabicSkeleton(units[unit...last])
                    entry.skeleton = skeleton.packed
                    entry.skeletonCount = Int8(truncatingIfNeeded: skeleton.count)
                }
                memo.file(entry, at: slot)
            }
            let flags = entry.flags
            // Case matters to Latin and Cyrillic words only (and costs a look at the character's properties).
            let latin = script == .latin
            let capitalised = (latin || script == .cyrillic) && text.isCapital(unit, bytes, range)
            let allCapitals = capitalised && last > unit
                && (latin ? FuzzyMatcher.isAllCapitals(text, unit, last, bytes, range)
                          : FuzzyMatcher.secondIsCapital(text, unit + 1, bytes, range))
            // The skeleton, for the words a span may take (Cyrillic ones get theirs from the profile).
            var skeleton: (packed: UInt64, count: Int) = (0, -1)
            if script == .arabic {
                skeleton = (entry.skeleton, Int(entry.skeletonCount))
            } else if latin
                        && Word.continuesLatinName(flags: flags, capitalised: capitalised, allCapitals: allCapitals) {
                if entry.skeletonCount == WordMemo.Entry.unknown {
                    latinSymbols.removeAll(keepingCapacity: true)
                    PhoneticFold.latin(units[unit...last], into: &latinSymbols)
                    let folded = FuzzyIndex.packedSkeleton(of: latinSymbols)
                    entry.skeleton = folded.0
                    entry.skeletonCount = Int8(truncatingIfNeeded: folded.1)
                    memo.file(entry, at: slot)
                }
                skeleton = (entry.skeleton, Int(entry.skeletonCount))
            }
            words.append(Word(first: unit, last: last, script: script, flags: flags,
                              breakBefore: afterPunctuation || script != previousScript, covered: isCovered,
                              capitalised: capitalised, allCapitals: allCapitals, hash: hash,
                              skeleton: skeleton.packed, skeletonCount: skeleton.count))
            previousScript = script
        }
    }

    private var latinSymbols: [UInt8] = []

    /// Whether the word starts with two capitals (CEPI's, PACT, KUNDUZ): an acronym or a word of a
    /// line in capitals.
    private static func isAllCapitals(_ text: KeyedText, _ first: Int, _ last: Int, _ bytes: [UInt8],
                                      _ range: Range<Int>) -> Bool {
        let start = range.lowerBound + Int(text.utf8Offsets[Int(text.origins[first])])
        guard start + 1 < range.upperBound else { return false }
        return (0x41...0x5A).contains(bytes[start]) && (0x41...0x5A).contains(bytes[start + 1])
    }

    /// The same for a Cyrillic word (КПП), whose second letter is looked at like its first.
    private static func secondIsCapital(_ text: KeyedText, _ unit: Int, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        Int(text.origins[unit]) == Int(text.origins[unit - 1]) + 1 && text.isCapital(unit, bytes, range)
    }
}
