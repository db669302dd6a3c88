import LexiconData
import Synchronization
import TextNormalization

/// The labels the fuzzy pass may match, in the phonetic space, and an index that finds the few
/// worth scoring for a word of text that may start a name. Each label is filed by its first word's
/// consonant skeleton (coarse sound classes, vowels and glides left out: Muttaqi, متقی are both
/// m t k), under the skeleton with each class in turn made a wildcard, and under every skeleton
/// one class shorter (of four classes or more); a label of several words is filed by its first two
/// words written together too (Abdul Ghani, Abdulghani). A word of text looks up its skeleton, its
/// wildcard skeletons and its one-shorter ones, so it meets the labels whose first word is at most
/// one change, insertion or deletion of a consonant class away; the spans starting there are
/// scored against those labels only.
///
/// Which labels take part (the guards that hold for a label whatever the text):
/// - not case-sensitive (acronyms and the labels that are common words in another case);
/// - not weak, unless of one word (`Entry.weak`: matched only beside a head noun or with the
///   document's support, as the exact pass resolves it);
/// - at least `minimumLetters` letters (so no label of four letters or fewer);
/// - not a person's label of one word (a bare surname or a given name: Mottaki, Ismail);
/// - written in Latin, Arabic or Cyrillic letters;
/// - negative labels take part: a span nearest to one is left alone.
///
/// The tables are built the first time a record with text is read (`tables`), not when the index
/// is made: a run that reads no text, or `tag` answering at once, does not wait for them.
public final class FuzzyIndex: Sendable {
    /// What the tables are built from: the model's labels (held apart from the model, which holds
    /// this index).
    fileprivate struct Labels: Sendable {
        var payloads: [TaggingModel.Payload]
        var keyUnits: [UInt16]
        var keyStarts: [Int32]
        var spaces: [Int32]
        var entityTypes: [EntityType]
    }

    private let labels: Labels
    private let lists: FuzzyWordLists
    private let built = Mutex<Tables?>(nil)

    /// Reads tables made already for a model of so many payloads and entities, with these lists
    /// (a compiled model's archive), or nil when they do not fit.
    typealias TablesSource = @Sendable (_ payloads: Int, _ entities: Int, _ lists: FuzzyWordLists) -> Tables?

    private let restoring: TablesSource?

    /// `restoring`, when given, is asked for the tables before they are built.
    init(model: TaggingModel, lists: FuzzyWordLists, restoring: TablesSource?) {
        labels = Labels(payloads: model.payloads, keyUnits: model.trie.keyUnits, keyStarts: model.keyStarts,
                        spaces: model.spaces, entityTypes: model.entityTypes)
        self.lists = lists.with(titles: model.titles)
        self.restoring = restoring
    }

    /// The tables, read or built on first use (once for all threads).
    var tables: Tables {
        built.withLock { built in
            if let tables = built { return tables }
            let tables = restoring?(labels.payloads.count, labels.entityTypes.count, lists)
                ?? Tables(labels: labels, lists: lists)
            built = tables
            return tables
        }
    }

    struct Entry: Sendable {
        var payload: Int32
        /// The payload's entity, held here so the hot loop need not read the payload.
        var entity: Int32
        var words: UInt8
        /// Spaces in the folded symbols (fewer than `words - 1` when a word folds to nothing).
        var spaces: UInt8
        var script: PhoneticFold.Script
        var negative: Bool
        /// The label with one of its `omissibleNameWords` left out.
        var shortened: Bool
        /// A weak label of one word (نیمروز, 'midday'; Farah, a given name too): a single word sounding
        /// like it is that entity only beside a head noun (صوبہ نمروز) or with the document's support,
        /// never standing alone, and it never takes part in a span of several words.
        var weak: Bool = false
        /// Hashes of the keys of the label's first and last words (`FuzzyWordLists.hash`).
        var firstWord: UInt64
        var lastWord: UInt64
        var weight: Float
    }

    static let particleWords = ["al", "el", "ul", "ud", "ad", "ur", "ar", "as", "ash", "az", "at", "an", "e", "i",
                                "bin", "ibn", "abu", "da", "de", "di", "du", "wa", "u", "la", "le", "von", "van",
                                // Joining words inside organisations' names (Islamic State in
                                // Khorasan, État islamique au Khorasan): a span goes on over them.
                                "in", "of", "au",
                                "бин", "ибн", "абу", "аль", "ал", "эль", "уль", "ул", "уд", "ад", "ар", "ас", "аш",
                                "аз", "ат", "е",
                                "بن", "ابن", "ابو", "آل", "ال", "د", "و"]

    /// Words of a person's name that the press often leaves out: Mohammad before or inside a name
    /// (Mohammad Hassan Akhund, Hassan Akhund; Atta Mohammad Noor, Atta Noor) and Khan inside one
    /// (Amir Khan Muttaqi, Amir Muttaqi). A label of three words or more with one of them, not as its
    /// last word, is also filed without it (`Entry.shortened`), for the fuzzy pass only.
    static let omissibleNameWords = ["mohammad", "mohammed", "muhammad", "muhammed", "mohamad", "mohd", "khan",
                                     "محمد", "خان", "мухаммад", "мохаммад", "хан"]

    /// What a match through a label with a word left out scores less than the same match through
    /// the label: the text says less than the label.
    static let shortenedPenalty = 0.05

    static let minimumLetters = 5

    /// The labels taking part and what finds them: a value, held by each matcher in a stored
    /// property, so the hot loops read its arrays without retaining a class for each access.
    struct Tables: Sendable {
        let entries: [Entry]
        /// Each entry's symbols, and the skeleton of all its words.
        let labelSymbols: PackedStrings
        let labelSkeletons: PackedStrings
        /// Each entry's skeleton packed (`packSkeleton`; at most 15 classes), for the scans.
        let labelPackedSkeletons: [UInt64]
        /// Each entry's `PackedCandidate` key, as a word gathering its candidates files it.
        let candidateKeys: [UInt64]
        /// Whether a span's skeleton may be within one edit of any entry's of its side (Arabic
        /// script; Latin and Cyrillic), as the skeleton buckets are split.
        let arabicSkeletonFilter: SkeletonFilter
        let skeletonFilter: SkeletonFilter
        /// The skeleton buckets of Latin and Cyrillic labels, and of Arabic-script ones: a word is
        /// compared with labels of its own side only.
        let buckets: BucketTable
        let arabicBuckets: BucketTable
        /// The labels whose first word is a frequent word, by the hash of that word: a span starting on
        /// a frequent word is compared with these only, and the skeleton buckets leave them out.
        let byFrequentFirstWord: BucketTable
        /// The most words of a label taking part.
        let longestLabel: Int
        /// The frequent words Latin-script labels hold between their first and last words (the, and,
        /// for: al-Qaeda in the Arabian Peninsula, Chamber of Commerce and Investment), sorted: a span
        /// goes on over them in lower case, as over a particle (`WordFlagTable.Flags.insideLabel`).
        let innerWords: [UInt64]
        /// What the pass knows of a word by the hash of its key, in one table so that a word of text
        /// costs one probe: the frequent words that never start or end a fuzzy match
        /// (`FuzzyWordLists`) and those some label starts or ends with, which may start or end one
        /// there; the head nouns that support a single word beside them; the particles, words that
        /// may stand between the parts of a name; the titles, which may start one in lower case.
        let wordFlags: WordFlagTable

        /// Entity -> its negative labels' entries: an exact mention of the entity inside a span that
        /// sounds like one of them is not reported (Dera Ismael Khan, for Ismail Khan).
        let negativesByEntity: [Int32: [Int32]]

        /// The labels made of another entity's label and words of their own (`ComposedNames`).
        private(set) var composedNames = ComposedNames.empty

        /// No labels: what a matcher holds before its first record with text.
        static let empty = Tables()

        private init() {
            entries = []
            labelSymbols = PackedStrings()
            labelSkeletons = PackedStrings()
            labelPackedSkeletons = []
            candidateKeys = []
            skeletonFilter = SkeletonFilter()
            arabicSkeletonFilter = skeletonFilter
            buckets = BucketTable(BucketTable.Pairs())
            arabicBuckets = buckets
            byFrequentFirstWord = buckets
            longestLabel = 0
            innerWords = []
            wordFlags = WordFlagTable(capacityFor: 0)
            negativesByEntity = [:]
        }

        fileprivate init(labels model: Labels, lists: FuzzyWordLists) {
            let cyrillic = CyrillicFold()
            var entries: [Entry] = []
            var labelSymbols = PackedStrings()
            var labelSkeletons = PackedStrings()
            var symbols: [UInt8] = []
            var neighbours: [UInt64] = []
            // What each label is filed under, as (bucket, entry) pairs in entry order.
            var buckets = BucketTable.Pairs()
            var arabicBuckets = BucketTable.Pairs()
            var byFrequentFirstWord = BucketTable.Pairs()
            var longest = 0
            var innerWords = Set<UInt64>()
            var word: [UInt8] = []
            var skeleton: [UInt8] = []
            let keyUnits = model.keyUnits, keyStarts = model.keyStarts, allSpaces = model.spaces
            for (index, payload) in model.payloads.enumerated() {
                let flags = payload.flags
                // A demonym sounds like its country (Chinese, China) but is an adjective: exact spellings only.
                // An inflected form is its label's, which is read already.
                guard !flags.contains(.caseSensitive), !flags.contains(.demonym), !flags.contains(.inflected)
                else { continue }
                let key = keyUnits[Int(keyStarts[index])..<Int(keyStarts[index + 1])]
                guard key.count >= FuzzyIndex.minimumLetters, let first = key.first else { continue }
                let script = PhoneticFold.script(of: first)
                guard script != .other, key.allSatisfy({ PhoneticFold.script(of: $0) == script }) else { continue }
                let spaces = allSpaces[Int(payload.spacesStart)..<Int(payload.spacesStart + payload.spacesCount)]
                let words = spaces.count + 1
                let weak = flags.contains(.weak)
                if weak && (words > 1 || flags.contains(.negative)) { continue }
                let person = model.entityTypes[Int(payload.entity)] == .person
                if words == 1 && person && !flags.contains(.negative) { continue }
                // The label's words, folded one by one.
                var folds: [[UInt8]] = []
                var hashes: [UInt64] = []
                var wordStart = key.startIndex
                var boundaryIndex = spaces.startIndex
                while true {
                    let boundary = boundaryIndex < spaces.endIndex
                        ? key.startIndex + Int(spaces[boundaryIndex]) : key.endIndex
                    if boundary > wordStart {
                        word.removeAll(keepingCapacity: true)
                        FuzzyIndex.fold(key[wordStart..<boundary], script: script, cyrillic: cyrillic, into: &word)
                        folds.append(word)
                        hashes.append(FuzzyWordLists.hash(key[wordStart..<boundary]))
                        wordStart = boundary
                    }
                    if boundaryIndex == spaces.endIndex { break }
                    boundaryIndex += 1
                }
                // Joined by spaces (words that fold to nothing left out); the first two that fold to
                // something are remembered for filing.
                func add(_ kept: [Int], shortened: Bool) {
                    symbols.removeAll(keepingCapacity: true)
                    var firstFolded = 0..<0, secondFolded = 0..<0, foldedWords = 0
                    for position in kept where !folds[position].isEmpty {
                        if !symbols.isEmpty { symbols.append(0x20) }
                        let foldedStart = symbols.count
                        symbols.append(contentsOf: folds[position])
                        if foldedWords == 0 { firstFolded = foldedStart..<symbols.count }
                        if foldedWords == 1 { secondFolded = foldedStart..<symbols.count }
                        foldedWords += 1
                    }
                    let fullSkeleton = FuzzyIndex.skeleton(symbols[...])
                    guard fullSkeleton.count >= 2, let firstWord = kept.first.map({ hashes[$0] }),
                          let lastWord = kept.last.map({ hashes[$0] }) else { return }
                    let entry = Int32(entries.count)
                    entries.append(Entry(payload: Int32(index), entity: payload.entity,
                                         words: UInt8(min(kept.count, 255)),
                                         spaces: UInt8(min(max(foldedWords - 1, 0), 255)), script: script,
                                         negative: flags.contains(.negative), shortened: shortened, weak: weak,
                                         firstWord: firstWord, lastWord: lastWord,
                                         weight: PhoneticDistance.weight(of: symbols[...])))
                    labelSymbols.append(symbols)
                    labelSkeletons.append(fullSkeleton)
                    longest = max(longest, kept.count)
                    // Filed by the first word (by its hash when it is a frequent word), and by the first
                    // two words written together. A Latin or Cyrillic label that starts with a title
                    // that is a frequent word (Mullah Yaqoob, Qari Fasihuddin) is filed by that word's
                    // skeleton too, so that another spelling of the title (mollah, Kari), which is no
                    // frequent word, finds it; its words must still each be near the label's.
                    let frequentFirst = lists.frequentWordHashes.contains(firstWord)
                    if frequentFirst { byFrequentFirstWord.append(firstWord, entry) }
                    if !frequentFirst || script != .arabic && lists.titleHashes.contains(firstWord) {
                        skeleton.removeAll(keepingCapacity: true)
                        FuzzyIndex.appendSkeleton(of: symbols[firstFolded], to: &skeleton)
                        if script == .arabic {
                            arabicBuckets.file(entry, under: skeleton, neighbours: &neighbours)
                        } else {
                            buckets.file(entry, under: skeleton, neighbours: &neighbours)
                        }
                    }
                    if kept.count > 1 {
                        skeleton.removeAll(keepingCapacity: true)
                        FuzzyIndex.appendSkeleton(of: symbols[firstFolded], to: &skeleton)
                        FuzzyIndex.appendSkeleton(of: symbols[secondFolded], to: &skeleton,
                                                  after: symbols[firstFolded].last ?? 0x20)
                        if script == .arabic {
                            arabicBuckets.file(entry, under: skeleton, neighbours: &neighbours)
                        } else {
                            buckets.file(entry, under: skeleton, neighbours: &neighbours)
                        }
                    }
                }
                let all = Array(folds.indices)
                add(all, shortened: false)
                if script == .latin && hashes.count > 2 {
                    for hash in hashes[1..<(hashes.count - 1)]
                    where lists.frequentWordHashes.contains(hash) && !lists.particleHashes.contains(hash) {
                        innerWords.insert(hash)
                    }
                }
                // A person's name of three words or more, also without a word the press leaves out.
                if person && !flags.contains(.negative) && folds.count >= 3 {
                    for position in all.dropLast() where lists.omissibleNameHashes.contains(hashes[position]) {
                        add(all.filter { $0 != position }, shortened: true)
                    }
                }
            }
            self.init(entries: entries, labelSymbols: labelSymbols, labelSkeletons: labelSkeletons,
                      buckets: BucketTable(taking: &buckets), arabicBuckets: BucketTable(taking: &arabicBuckets),
                      byFrequentFirstWord: BucketTable(taking: &byFrequentFirstWord), longestLabel: longest,
                      innerWords: innerWords.sorted(), lists: lists)
            composedNames = ComposedNames(payloads: model.payloads, keyUnits: keyUnits, keyStarts: keyStarts,
                                          spaces: allSpaces, entityCount: model.entityTypes.count, tables: self)
        }

        /// The tables with the composed names an archive holds.
        func with(_ composedNames: ComposedNames) -> Tables {
            var tables = self
            tables.composedNames = composedNames
            return tables
        }

        /// Tables from their labels and buckets (a compiled model's archive keeps these); the rest
        /// is worked out from them and the word lists.
        init(entries: [Entry], labelSymbols: PackedStrings, labelSkeletons: PackedStrings, buckets: BucketTable,
             arabicBuckets: BucketTable, byFrequentFirstWord: BucketTable, longestLabel: Int, innerWords: [UInt64],
             lists: FuzzyWordLists) {
            var negatives: [Int32: [Int32]] = [:]
            for (position, entry) in entries.enumerated() where entry.negative {
                negatives[entry.entity, default: []].append(Int32(position))
            }
            negativesByEntity = negatives
            self.entries = entries
            self.labelSymbols = labelSymbols
            self.labelSkeletons = labelSkeletons
            let packed = (0..<labelSkeletons.count).map { FuzzyIndex.packSkeleton(labelSkeletons[$0]) }
            labelPackedSkeletons = packed
            candidateKeys = entries.indices.map { entry in
                PackedCandidate.key(skeletonLength: labelSkeletons[entry].count, words: Int(entries[entry].words),
                                    entry: Int32(entry))
            }
            // The skeletons of each side gathered first: read through lazy filters and maps, each
            // label cost two closure calls.
            var latinSkeletons: [(packed: UInt64, count: Int)] = [], arabicSkeletons = latinSkeletons
            for (position, entry) in entries.enumerated() {
                let skeleton = (packed: packed[position], count: labelSkeletons[position].count)
                if entry.script == .arabic { arabicSkeletons.append(skeleton) } else { latinSkeletons.append(skeleton) }
            }
            skeletonFilter = SkeletonFilter(latinSkeletons)
            arabicSkeletonFilter = SkeletonFilter(arabicSkeletons)
            self.buckets = buckets
            self.arabicBuckets = arabicBuckets
            self.byFrequentFirstWord = byFrequentFirstWord
            self.longestLabel = longestLabel
            self.innerWords = innerWords
            // Every word flagged is in one of these lists (a label's first or last word only when it
            // is a frequent word).
            var flags = WordFlagTable(capacityFor: lists.particleHashes.count + lists.headNounHashes.count
                + lists.frequentWordHashes.count + lists.titleHashes.count + innerWords.count)
            for hash in lists.particleHashes { flags.insert(.particle, for: hash) }
            for hash in lists.headNounHashes { flags.insert(.headNoun, for: hash) }
            for hash in lists.frequentWordHashes { flags.insert(.frequent, for: hash) }
            for entry in entries where lists.frequentWordHashes.contains(entry.firstWord) {
                flags.insert(.startsLabel, for: entry.firstWord)
            }
            for entry in entries where lists.frequentWordHashes.contains(entry.lastWord) {
                flags.insert(.endsLabel, for: entry.lastWord)
            }
            for hash in lists.titleHashes { flags.insert(.title, for: hash) }
            for hash in innerWords { flags.insert(.insideLabel, for: hash) }
            wordFlags = flags
        }

        func symbols(of entry: Int32) -> ArraySlice<UInt8> { labelSymbols[Int(entry)] }
    }

    static func fold<C: Collection>(_ units: C, script: PhoneticFold.Script, cyrillic: CyrillicFold,
                                    into out: inout [UInt8]) where C.Element == UInt16 {
        switch script {
        case .latin: PhoneticFold.latin(units, into: &out)
        case .arabic: PhoneticFold.arabic(units, into: &out)
        case .cyrillic: cyrillic.fold(units, into: &out)
        case .other: break
        }
    }

    // MARK: skeletons

    /// The sound class of a consonant symbol, 0 for vowels, glides and spaces: b p; t d; k q g gh
    /// kh and Cyrillic г; s z sh zh ch j th dh; f; l; r; m; n; anything else.
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: 10, count: 128)
        // Cyrillic х (`X`) is h as often as kh: no class, like h (its kh reading is looked up too,
        // `FuzzyMatcher.candidates(startingWith:)`).
        for symbol in "aeiouywhX " { table[Int(symbol.asciiValue!)] = 0 }
        for (symbols, value) in [("bp", 1), ("td", 2), ("kqgGxH", 3), ("szSZCjTD", 4), ("f", 5), ("l", 6), ("r", 7),
                                 ("m", 8), ("n", 9)] as [(String, UInt8)] {
            for symbol in symbols { table[Int(symbol.asciiValue!)] = value }
        }
        return table
    }()

    /// The sound classes of the consonants, at most 15; two consonants of one class side by side
    /// count once (tt, td: a doubled letter is written either way), but not two that a vowel or a
    /// glide stands between: Muhammad is m m d and Mukhammad m k m d, one class apart, where
    /// merging the m's around an h that drops out made them two apart.
    static func skeleton(_ symbols: ArraySlice<UInt8>) -> [UInt8] {
        var skeleton: [UInt8] = []
        appendSkeleton(of: symbols, to: &skeleton)
        return skeleton
    }

    /// Appends the skeleton of more symbols written right after `previous` (a space by default: a
    /// word of its own; the last symbol of the word before for two words written together).
    @inline(__always)
    static func appendSkeleton(of symbols: ArraySlice<UInt8>, to skeleton: inout [UInt8],
                               after previous: UInt8 = 0x20) {
        var previousClass = classes[Int(previous & 0x7F)]
        for symbol in symbols {
            let value = classes[Int(symbol & 0x7F)]
            if value != 0, value != previousClass, skeleton.count < 15 { skeleton.append(value) }
            previousClass = value
        }
    }

    /// The skeleton of symbols (`skeleton(_:)`), packed as `packSkeleton` packs it, and its length.
    static func packedSkeleton(of symbols: [UInt8]) -> (UInt64, Int) {
        var packed: UInt64 = 0, count = 0, previousClass: UInt8 = 0
        for symbol in symbols {
            let value = classes[Int(symbol & 0x7F)]
            if value != 0, value != previousClass, count < 15 {
                packed |= UInt64(value) &<< UInt64(4 &* count)  // count < 15: no shift check needed
                count += 1
            }
            previousClass = value
        }
        return (packed, count)
    }

    /// For each unit of U+0600–U+08FF, the classes of its symbols (`PhoneticFold.arabicTable`) as
    /// `skeleton(_:)` takes them, four bits each from the lowest; their number in bits 12-13; bit
    /// 14 when the first symbol is a consonant and bit 15 when the last is (so the classes of two
    /// units side by side merge only where two consonants meet); `silent` for a unit of no symbol
    /// (ع, ء), which leaves the units around it side by side. An Arabic-script word's skeleton is
    /// made from these without folding it.
    static let arabicUnitClasses: [UInt16] = PhoneticFold.arabicTable.map { symbols in
        if symbols.isEmpty { return ArabicSkeleton.silent }
        var packed: UInt16 = 0, count: UInt16 = 0, previousClass: UInt8 = 0
        for symbol in symbols {
            let value = classes[Int(symbol & 0x7F)]
            if value != 0, value != previousClass {
                packed |= UInt16(value) << (4 * count)
                count += 1
            }
            previousClass = value
        }
        let firstIsConsonant: UInt16 = symbols.first.map { classes[Int($0 & 0x7F)] != 0 } == true ? 1 << 14 : 0
        let lastIsConsonant: UInt16 = symbols.last.map { classes[Int($0 & 0x7F)] != 0 } == true ? 1 << 15 : 0
        return packed | count << 12 | firstIsConsonant | lastIsConsonant
    }

    /// The skeleton of an Arabic-script word's key units, packed, and its length: the same as the
    /// skeleton of `PhoneticFold.arabic`'s symbols (the ain it may write first is a vowel).
    static func arabicSkeleton(_ units: ArraySlice<UInt16>) -> (packed: UInt64, count: Int) {
        var skeleton = ArabicSkeleton()
        let table = arabicUnitClasses
        for unit in units { skeleton.append(unit, table: table) }
        return (skeleton.packed, skeleton.count)
    }

    /// An Arabic-script word's skeleton built unit by unit (`arabicSkeleton`), so that the fuzzy
    /// pass can build it in the loop that finds the word's end and hashes it.
    struct ArabicSkeleton {
        var packed: UInt64 = 0
        var count = 0
        /// The class of the last unit's last symbol when it is a consonant, else 0.
        private var lastConsonant: UInt16 = 0
        /// Whether the last unit was گ, ک, ك or ګ: a ه right after one is part of its sound inside a
        /// word (`PhoneticFold.arabic`: Urdu گھ, کھ), and adds nothing at the word's end either.
        private var afterKafOrGaf = false

        /// The entry of a unit with no symbol (no real entry has class 15, the wildcard, thrice).
        static let silent: UInt16 = 0xFFFF

        /// Appends a unit's classes; `table` is `arabicUnitClasses`, held by the caller.
        @inline(__always)
        mutating func append(_ unit: UInt16, table: [UInt16]) {
            guard unit >= 0x0600 && unit < 0x0900 else { return }
            let kafOrGaf = afterKafOrGaf
            afterKafOrGaf = unit == 0x06AF || unit == 0x06A9 || unit == 0x0643 || unit == 0x06AB
            if unit == 0x0647 && kafOrGaf { return }
            let entry = table[Int(unit) - 0x0600]
            guard entry != ArabicSkeleton.silent else { return }
            var unitClasses = entry & 0xFFF
            // Only the unit's first class can meet the last unit's, and only consonant to consonant.
            var previous = entry & 0x4000 != 0 ? lastConsonant : 0
            for _ in 0..<Int((entry >> 12) & 3) {
                let value = unitClasses & 0xF
                unitClasses >>= 4
                if value != previous && count < 15 {
                    packed |= UInt64(value) &<< UInt64(4 &* count)
                    count += 1
                }
                previous = 0
                if entry & 0x8000 != 0 { lastConsonant = value }
            }
            if entry & 0x8000 == 0 { lastConsonant = 0 }
        }
    }

    /// The classes of a packed skeleton (`packSkeleton`) of `count` classes.
    static func unpackSkeleton(_ packed: UInt64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8((packed >> UInt64(4 * $0)) & 0xF) }
    }

    /// A word's skeleton (`skeleton(_:)`: at most 15 classes, each 1...10) packed
    /// four bits a class from the lowest, as the word cache keeps it.
    static func packSkeleton(_ classes: ArraySlice<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for (offset, value) in classes.enumerated() { packed |= UInt64(value & 0xF) << UInt64(4 * offset) }
        return packed
    }

    /// Appends a packed word skeleton of `count` classes to a packed span skeleton of `filled`
    /// classes as `appendSkeleton(of:to:)` appends the next word of a label: the words stand apart,
    /// so no class merges with the last; at most 15 in all, in one shift.
    @inline(__always)
    static func appendPackedSkeleton(_ packed: UInt64, count: Int, to skeleton: inout UInt64, filled: inout Int) {
        guard count > 0, filled < 15 else { return }
        // Shifts of at most 60 bits (`filled` and `taken` are at most 15), written unchecked.
        let taken = min(count, 15 - filled)
        skeleton |= (packed & ((1 &<< UInt64(4 &* taken)) &- 1)) &<< UInt64(4 &* filled)
        filled += taken
    }

    /// Whether two skeletons, packed (`packSkeleton`) with `aCount` and `bCount` classes, are equal
    /// or one change, insertion or deletion apart (a span is scored against a label only then),
    /// without unpacking them: equal lengths differ in at most one nibble; otherwise the longer
    /// must be the shorter with one class put in at their first difference.
    @inline(__always)
    static func withinOneEdit(_ a: UInt64, count aCount: Int, _ b: UInt64, count bCount: Int) -> Bool {
        if aCount == bCount {
            let difference = a ^ b
            let nibbles = (difference | difference >> 1 | difference >> 2 | difference >> 3) & 0x1111_1111_1111_1111
            return nibbles & (nibbles &- 1) == 0
        }
        let (short, long, shortCount) = aCount < bCount ? (a, b, aCount) : (b, a, bCount)
        guard aCount - bCount == 1 || bCount - aCount == 1 else { return false }
        // Classes are 1...10, so the longer has a class where the shorter has none: they differ
        // at `shortCount` at the latest.
        let first = min((short ^ long).trailingZeroBitCount / 4, shortCount)
        return short >> UInt64(4 * first) == long >> UInt64(4 * (first + 1))
    }

    /// The class that stands for any class in a wildcard skeleton.
    static let wildcard: UInt8 = 15

    /// The bucket of a skeleton: its classes four bits each, its length on top; `skipped` is left
    /// out, `wild` written as the wildcard.
    @inline(__always)
    static func bucket(_ skeleton: [UInt8], skipping skipped: Int = -1, wild: Int = -1) -> UInt64 {
        var value: UInt64 = 0
        var length: UInt64 = 0
        for index in skeleton.indices where index != skipped {
            value = value << 4 | UInt64(index == wild ? wildcard : skeleton[index])
            length += 1
        }
        return length << 60 | value
    }

    /// The buckets to file a label under (`label`) or to look a span up in: the skeleton, from four
    /// classes up each wildcard skeleton, and, from three classes up, each one-shorter skeleton for a span or each
    /// one-shorter skeleton of at least three classes for a label. Written into `out`, each once.
    static func neighbourhood(_ skeleton: [UInt8], label: Bool, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        func add(_ bucket: UInt64) { if !out.contains(bucket) { out.append(bucket) } }
        add(bucket(skeleton))
        // Wildcards only from four classes: in shorter words a changed class would gather labels
        // by the dozen for every ordinary word of the text.
        if skeleton.count >= 4 {
            for index in skeleton.indices { add(bucket(skeleton, wild: index)) }
        }
        if skeleton.count >= (label ? 4 : 3) {
            for index in skeleton.indices { add(bucket(skeleton, skipping: index)) }
        }
    }

    /// The buckets a span of `count` classes (packed, `packSkeleton`) is looked up in, as
    /// `neighbourhood(_:label: false, into:)` gives them, worked out in a register from the packed
    /// classes: no arrays, which cost more than the lookups at every new skeleton of the text. A
    /// bucket may come twice (leaving out either of two equal classes side by side), which the
    /// caller's sorted, deduplicated list absorbs.
    @inline(__always)
    static func forEachLookupBucket(_ packed: UInt64, count: Int, _ body: (UInt64) -> Void) {
        guard count > 0 && count <= 15 else { return }
        let length = UInt64(count)
        // The classes first to last from the top nibble down, as `bucket` writes them: the packed
        // word's nibbles reversed (within each byte, then the bytes) and shifted down.
        let swapped = (packed & 0x0F0F_0F0F_0F0F_0F0F) << 4 | (packed >> 4) & 0x0F0F_0F0F_0F0F_0F0F
        let classes = swapped.byteSwapped >> (4 * (16 - length))
        body(length << 60 | classes)
        if count >= 4 {
            for place in 0..<length { body(length << 60 | classes | UInt64(wildcard) << (4 * place)) }
        }
        if count >= 3 {
            var previous = UInt64.max
            for place in 0..<length {
                let low = classes & ((1 << (4 * place)) - 1)
                let shorter = (length - 1) << 60 | (classes >> (4 * (place + 1))) << (4 * place) | low
                if shorter != previous { body(shorter) }
                previous = shorter
            }
        }
    }
}
