import TestCorpora
import Testing
@testable import TermLexicon

/// The data structures under the fuzzy pass: what they answer must be what the plain forms they
/// stand for would answer.
@Suite("fuzzy structures")
struct FuzzyStructuresTests {
    /// Entries of a key in pair order, an entry repeated under one key kept once.
    @Test func bucketTableFromPairs() {
        var pairs = BucketTable.Pairs()
        for (key, entry) in [(7, 1), (9, 1), (7, 1), (7, 2), (9, 3), (1 << 61, 3), (7, 4), (9, 4), (9, 4)] {
            pairs.append(UInt64(key), Int32(entry))
        }
        let table = BucketTable(pairs)
        #expect(Array(table.entries(7)) == [1, 2, 4])
        #expect(Array(table.entries(9)) == [1, 3, 4])
        #expect(Array(table.entries(1 << 61)) == [3])
        #expect(table.entries(8).isEmpty)
    }

    /// The same for many pairs, against a dictionary of each key's entries: keys from a small pool
    /// (so that keys repeat and entries repeat under a key), some of them with hashes that share
    /// their top 32 bits (which the table's sort orders by), tables of several sizes, and none.
    @Test(arguments: [(0, 1), (1, 2), (40, 3), (5_000, 4), (60_000, 5)])
    func bucketTableAgreesWithADictionary(pairCount: Int, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        // Keys made from chosen hashes (the table hashes by multiplying with an odd constant, so a
        // key is its hash times that constant's inverse): eight hashes per top half.
        var inverse: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5 { inverse &*= 2 &- 0x9E37_79B9_7F4A_7C15 &* inverse }
        let pool: [UInt64] = (0..<max(pairCount / 3, 1)).map { index in
            let top = UInt64(index / 8) &* 0x9E37_79B9 &+ random.next() % 3
            return (top << 32 | UInt64(index % 8) << 7 | random.next() % 128) &* inverse
        }
        var pairs = BucketTable.Pairs()
        var expected: [UInt64: [Int32]] = [:]
        for _ in 0..<pairCount {
            let key = pool[Int(random.next() % UInt64(pool.count))]
            let entry = Int32(random.next() % 6)
            pairs.append(key, entry)
            if expected[key]?.last != entry { expected[key, default: []].append(entry) }
        }
        let table = BucketTable(pairs)
        for (key, entries) in expected {
            #expect(Array(table.entries(key)) == entries, "key \(key)")
        }
        for key in pool where expected[key] == nil { #expect(table.entries(key).isEmpty) }
        #expect(table.entries(12_345).isEmpty == (expected[12_345] == nil))
        #expect(table.values.count == expected.values.reduce(0) { $0 + $1.count })
    }

    /// Whether any mention's span overlaps a neighbouring word: the same answer as asking every
    /// span, for spans in any order, nested, touching or empty.
    @Test(arguments: [
        ([0..<5, 6..<10, 12..<20], [5..<6, 4..<6, 10..<12, 19..<25, 20..<25, 0..<1, 21..<22]),
        ([12..<20, 0..<30, 40..<41], [30..<40, 29..<31, 41..<50, 39..<41, 35..<36]),
        ([3..<3, 5..<9, 5..<7], [3..<4, 2..<5, 9..<10, 6..<7, 0..<3]),
        ([], [0..<1, 5..<9]),
        ([1..<2, 2..<3, 3..<4], [0..<1, 4..<5, 0..<2, 3..<9, 2..<2]),
    ] as [([Range<Int>], [Range<Int>])])
    func occupiedSpans(spans: [Range<Int>], queries: [Range<Int>]) {
        let occupied = LongerNames.OccupiedSpans(spans)
        for query in queries {
            #expect(occupied.overlaps(query) == spans.contains { $0.overlaps(query) }, "\(query)")
        }
    }

    @Test func packedStrings() {
        var strings = PackedStrings()
        strings.append(Array("kabul".utf8))
        strings.append([UInt8]())
        strings.append(Array("herat".utf8))
        #expect(strings.count == 3)
        #expect(Array(strings[0]) == Array("kabul".utf8))
        #expect(strings[1].isEmpty && strings.length(1) == 0)
        #expect(Array(strings[2]) == Array("herat".utf8) && strings.length(2) == 5)
    }

    /// The packed form agrees with the plain one, in both directions: chosen pairs, then 20,000
    /// random pairs of up to 15 classes (lengths equal or one apart, each class of 1...10, few
    /// classes so that near pairs are common).
    @Test(arguments: [([2, 3, 9], [2, 3, 9]), ([2, 3, 9], [2, 4, 9]), ([2, 3, 9], [4, 3, 8]), ([2, 3, 9], [2, 9]),
                      ([2, 3, 9], [2, 3, 9, 1]), ([2, 3, 9], [1, 2, 3, 9]), ([2, 3], [3, 2, 1]), ([], [5]), ([], []),
                      ([1, 2, 1, 2], [2, 1, 2, 1]), ([10, 10], [10]), (Array(repeating: 10, count: 15), [10])])
    func withinOneEditPacked(a: [UInt8], b: [UInt8]) {
        expectPackedEditAgrees(a, b)
    }

    @Test func withinOneEditPackedOnRandomSkeletons() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<20_000 {
            let length = Int(random.next() % 15)
            let a = (0..<length).map { _ in UInt8(random.next() % 3 + 1) }
            var b = a
            switch random.next() % 4 {
            case 0: if !b.isEmpty { b[Int(random.next() % UInt64(b.count))] = UInt8(random.next() % 3 + 1) }
            case 1: if b.count < 15 { b.insert(UInt8(random.next() % 10 + 1), at: Int(random.next() % UInt64(b.count + 1))) }
            case 2: if !b.isEmpty { b.remove(at: Int(random.next() % UInt64(b.count))) }
            default: b = (0..<length).map { _ in UInt8(random.next() % 3 + 1) }
            }
            expectPackedEditAgrees(a, b)
        }
    }

    /// The buckets a span is looked up in, worked out from its packed skeleton, are those of
    /// `neighbourhood` (each at least once; the lookup deduplicates what it gathers).
    @Test(arguments: [[UInt8](), [7], [2, 3], [2, 3, 9], [2, 2, 2], [1, 2, 2, 1], [10, 1, 10, 1, 10],
                      Array(repeating: 10, count: 15), (1...15).map { UInt8($0 % 10 + 1) }])
    func lookupBucketsFromPackedSkeleton(skeleton: [UInt8]) {
        expectLookupBucketsAgree(skeleton)
    }

    @Test func lookupBucketsOnRandomSkeletons() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<5_000 {
            let length = Int(random.next() % 16)
            expectLookupBucketsAgree((0..<length).map { _ in UInt8(random.next() % (length < 8 ? 3 : 10) + 1) })
        }
    }

    func expectLookupBucketsAgree(_ skeleton: [UInt8]) {
        var expected: [UInt64] = []
        if !skeleton.isEmpty { FuzzyIndex.neighbourhood(skeleton, label: false, into: &expected) }
        var found: [UInt64] = []
        FuzzyIndex.forEachLookupBucket(FuzzyIndex.packSkeleton(skeleton[...]), count: skeleton.count) { found.append($0) }
        #expect(Set(found) == Set(expected), "\(skeleton)")
        #expect(found.count <= expected.count + skeleton.count, "\(skeleton)")
    }

    /// The skeleton filter never says "no" to a skeleton within one edit of a label's (it may say
    /// "maybe" to others): labels of up to 15 classes in, spans of up to 15 asked.
    @Test func skeletonFilterNeverMissesANearLabel() {
        var random = SeededRandom(seed: 9)
        var labels: [[UInt8]] = []
        for _ in 0..<500 {
            labels.append((0..<Int(random.next() % 15 + 2)).map { _ in UInt8(random.next() % 10 + 1) })
        }
        let filter = SkeletonFilter(labels.map { (FuzzyIndex.packSkeleton($0[...]), $0.count) })
        var rejected = 0
        for _ in 0..<5_000 {
            let label = labels[Int(random.next() % UInt64(labels.count))]
            var span = label
            switch random.next() % 4 {
            case 0: span[Int(random.next() % UInt64(span.count))] = UInt8(random.next() % 10 + 1)
            case 1:
                if span.count < 15 {
                    span.insert(UInt8(random.next() % 10 + 1), at: Int(random.next() % UInt64(span.count + 1)))
                }
            case 2: span.remove(at: Int(random.next() % UInt64(span.count)))
            default: span = (0..<Int(random.next() % 15 + 1)).map { _ in UInt8(random.next() % 10 + 1) }
            }
            let near = labels.contains { FuzzyStructuresTests.withinOneEdit($0, span) }
            let maybe = filter.mayBeNear(FuzzyIndex.packSkeleton(span[...]), count: span.count)
            #expect(maybe || !near, "\(span)")
            if !maybe { rejected += 1 }
        }
        // And it does say "no": to most of the random spans (a quarter of them), far from 500 labels.
        #expect(rejected > 600)
    }

    /// Spelled out: a label's own skeleton, one change, insertion and deletion away (in each third)
    /// are "maybe"; two changes away "no", at both ends or side by side in the middle; an empty
    /// filter and a 15-class span always "maybe".
    @Test(arguments: [
        ([3, 1, 4, 1, 5], true), ([3, 1, 9, 1, 5], true), ([3, 1, 4, 2, 1, 5], true), ([3, 4, 1, 5], true),
        ([3, 1, 4, 1, 5, 9], true), ([9, 1, 4, 1, 7], false), ([2, 6, 5, 3], false),
        ([7, 3, 1, 4, 1, 5], true), ([1, 4, 1, 5], true), ([3, 1, 4, 1], true), ([3, 1, 4, 1, 9], true),
        ([3, 1, 9, 9, 5], false), ([3, 9, 9, 1, 5], false),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3, 4, 5], true),
    ] as [([UInt8], Bool)])
    func skeletonFilterSpelledOut(span: [UInt8], maybe: Bool) {
        let filter = SkeletonFilter([(FuzzyIndex.packSkeleton([3, 1, 4, 1, 5][...]), 5)])
        #expect(filter.mayBeNear(FuzzyIndex.packSkeleton(span[...]), count: span.count) == maybe)
        #expect(SkeletonFilter().mayBeNear(FuzzyIndex.packSkeleton(span[...]), count: span.count))
    }

    /// A candidate list's span shapes: a label of 3 words and 6 classes admits spans of 2 to 4
    /// words and 5 to 7 classes, nothing else; a label of 1 word admits spans of 1 and 2 words;
    /// a label of 9 words, spans of 8; 0 classes, spans of 0 and 1; 17 classes, none (spans stop at 15).
    @Test(arguments: [
        ((3, 6), (2, 5), true), ((3, 6), (4, 7), true), ((3, 6), (3, 6), true), ((3, 6), (1, 6), false),
        ((3, 6), (5, 6), false), ((3, 6), (3, 4), false), ((3, 6), (3, 8), false), ((1, 9), (2, 10), true),
        ((1, 9), (3, 9), false), ((9, 12), (8, 12), true), ((9, 12), (7, 12), false), ((2, 0), (2, 1), true),
        ((2, 0), (2, 2), false), ((2, 16), (2, 15), true), ((2, 17), (2, 15), false), ((8, 15), (8, 14), true),
    ] as [((Int, Int), (Int, Int), Bool)])
    func spanShapes(label: (words: Int, classes: Int), span: (words: Int, classes: Int), admitted: Bool) {
        var shapes = SpanShapes()
        #expect(!shapes.admits(words: span.words, classes: span.classes))
        shapes.admit(labelWords: label.words, classes: label.classes)
        #expect(shapes.admits(words: span.words, classes: span.classes) == admitted)
    }

    /// Whether any longer span may still fit, against a test of every shape from the span's up:
    /// labels of (3 words, 6 classes) and (1 word, 2 classes) admit spans of 2 words and 3 classes
    /// (the first, later) but none of 2 words and 8 classes, or of 5 words.
    @Test(arguments: [
        ((2, 3), true), ((2, 7), true), ((2, 8), false), ((4, 7), true), ((4, 0), true), ((5, 0), false),
        ((1, 0), true), ((1, 15), false), ((8, 0), false), ((3, 5), true), ((3, 4), true), ((2, 1), true),
    ] as [((Int, Int), Bool)])
    func spanShapesAdmitLonger(span: (words: Int, classes: Int), expected: Bool) {
        var shapes = SpanShapes()
        shapes.admit(labelWords: 3, classes: 6)
        shapes.admit(labelWords: 1, classes: 2)
        #expect(shapes.admitsLonger(words: span.words, classes: span.classes) == expected)
        let reference = (span.words...8).contains { words in
            (span.classes...15).contains { shapes.admits(words: words, classes: $0) }
        }
        #expect(reference == expected)
    }

    /// The same with a label of 5 words and 12 classes alone (Ministry of Energy and Water): a span
    /// of 2 words and 6 classes may grow into it, though no label fits 2 words; one of 7 words or of
    /// 14 classes may not.
    @Test(arguments: [
        ((2, 6), true), ((1, 5), true), ((3, 13), true), ((6, 0), true), ((2, 14), false), ((7, 0), false),
    ] as [((Int, Int), Bool)])
    func spanShapesAdmitLongerThroughLaterRows(span: (words: Int, classes: Int), expected: Bool) {
        var shapes = SpanShapes()
        shapes.admit(labelWords: 5, classes: 12)
        #expect(shapes.admitsLonger(words: span.words, classes: span.classes) == expected)
        let reference = (span.words...8).contains { words in
            (span.classes...15).contains { shapes.admits(words: words, classes: $0) }
        }
        #expect(reference == expected)
    }

    /// The reference: two class arrays equal, or one change, insertion or deletion apart.
    static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count == b.count { return zip(a, b).filter { $0 != $1 }.count <= 1 }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        return long.indices.contains { index in
            var shortened = long
            shortened.remove(at: index)
            return shortened == short
        }
    }

    private func expectPackedEditAgrees(_ a: [UInt8], _ b: [UInt8]) {
        let (packedA, packedB) = (FuzzyIndex.packSkeleton(a[...]), FuzzyIndex.packSkeleton(b[...]))
        #expect(FuzzyIndex.withinOneEdit(packedA, count: a.count, packedB, count: b.count)
                == Self.withinOneEdit(a, b), "\(a) \(b)")
        #expect(FuzzyIndex.withinOneEdit(packedB, count: b.count, packedA, count: a.count)
                == Self.withinOneEdit(b, a), "\(b) \(a)")
    }

    /// A span's skeleton made of its words' own skeletons (packed, as the word cache keeps them) is
    /// the skeleton of its symbols.
    @Test(arguments: [["kandahar"], ["abdul", "Gani"], ["tat", "tut"], ["mmm", "m"], ["aeiou", "kabul"],
                      ["bdgkl", "mnprs", "tbdgk", "lmnpr"]])
    func spanSkeletonFromWordSkeletons(words: [String]) {
        var fromSymbols: [UInt8] = []
        var fromWords: UInt64 = 0, filled = 0
        for (index, word) in words.enumerated() {
            let symbols = Array(((index > 0 ? " " : "") + word).utf8)
            FuzzyIndex.appendSkeleton(of: symbols[...], to: &fromSymbols)
            let (packed, count) = FuzzyIndex.packedSkeleton(of: Array(word.utf8))
            FuzzyIndex.appendPackedSkeleton(packed, count: count, to: &fromWords, filled: &filled)
        }
        #expect(FuzzyIndex.unpackSkeleton(fromWords, count: filled) == fromSymbols)
    }

    /// The same over 5,000 random spans of one to eight words of consonants (doubled ones, and a
    /// word starting with the class the one before ends with, included).
    @Test func spanSkeletonFromRandomWordSkeletons() {
        var generator = SeededRandom(seed: 11)
        let letters = Array("bptdkgqxlrmnszfj".utf8)
        for _ in 0..<5_000 {
            var fromSymbols: [UInt8] = []
            var fromWords: UInt64 = 0, filled = 0
            for index in 0..<Int.random(in: 1...8, using: &generator) {
                let word = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
                FuzzyIndex.appendSkeleton(of: ((index > 0 ? [0x20] : []) + word)[...], to: &fromSymbols)
                let (packed, count) = FuzzyIndex.packedSkeleton(of: word)
                FuzzyIndex.appendPackedSkeleton(packed, count: count, to: &fromWords, filled: &filled)
            }
            #expect(FuzzyIndex.unpackSkeleton(fromWords, count: filled) == fromSymbols)
        }
    }

    /// Skeletons of symbol strings: consonant classes (b p 1, t d 2, k q g gh kh 3, s z sh ... 4,
    /// l 6, r 7, m 8, n 9), two consonants of one class side by side once, but not two with a vowel
    /// or a glide between them, nor across a space.
    @Test(arguments: [
        ("muhamad", [8, 8, 2]),  // h is a glide: the m's stay two
        ("muxamad", [8, 3, 8, 2]),  // kh (x) is a consonant: one class more, not two
        ("mutaqi", [8, 2, 3]),
        ("mutdaqi", [8, 2, 3]),  // t and d side by side: one class
        ("mll", [8, 6]),  // ملل: the l's side by side
        ("milal", [8, 6, 6]),
        ("abdul Gani", [1, 2, 6, 3, 9]),
        ("tat tat", [2, 2, 2, 2]),
    ] as [(String, [UInt8])])
    func skeletonOfSymbols(symbols: String, expected: [UInt8]) {
        #expect(FuzzyIndex.skeleton(Array(symbols.utf8)[...]) == expected)
        #expect(FuzzyIndex.packedSkeleton(of: Array(symbols.utf8)) == (FuzzyIndex.packSkeleton(expected[...]), expected.count))
    }

    /// An Arabic-script word's skeleton read from its units is the skeleton of its folded symbols:
    /// chosen words (doubled letters, an initial ain, letters of two symbols, units outside the
    /// block), then every letter of U+0600–U+08FF alone and in 5,000 random words.
    @Test(arguments: ["متقی", "ملل", "عمر", "ډیورنډ", "ښځه", "خثعم", "ٹھیکیدار", "کابل\u{200C}ها", "ءاا", "ـ",
                      "محمد", "سعس", "ممنوع", "میمنه"])
    func arabicSkeletonFromUnits(word: String) {
        expectArabicSkeletonAgrees(Array(word.utf16))
    }

    @Test func arabicSkeletonOfEveryLetterAndRandomWords() {
        for unit in UInt16(0x0600)..<0x0900 { expectArabicSkeletonAgrees([unit, unit, 0x0628, unit]) }
        var random = SeededRandom(seed: 11)
        for _ in 0..<5_000 {
            let count = Int(random.next() % 24) + 1
            let word = (0..<count).map { _ in UInt16(0x05F8 + random.next() % 0x310) }
            expectArabicSkeletonAgrees(word)
        }
    }

    private func expectArabicSkeletonAgrees(_ units: [UInt16]) {
        var symbols: [UInt8] = []
        PhoneticFold.arabic(units, into: &symbols)
        let expected = FuzzyIndex.skeleton(symbols[...])
        let (packed, count) = FuzzyIndex.arabicSkeleton(units[...])
        #expect(FuzzyIndex.unpackSkeleton(packed, count: count) == expected, "\(units)")
        #expect(FuzzyIndex.packedSkeleton(of: symbols) == (FuzzyIndex.packSkeleton(expected[...]), expected.count))
    }

    /// A word met again gets its profile back, and another word with the same hash does not; its
    /// symbols and a Latin word's skeleton wait for the fold, an Arabic-script word's skeleton is
    /// read from its units at once.
    @Test func wordCacheTellsWordsApart() {
        var cache = FuzzyWordCache()
        let cyrillic = CyrillicFold()
        let kabul = Array("kabul".utf16)[...], herat = Array("herat".utf16)[...], arabic = Array("کابل".utf16)[...]
        let first = cache.profile(of: kabul, hash: 42, script: .latin)
        let other = cache.profile(of: herat, hash: 42, script: .latin)
        #expect(first != other)
        #expect(cache.profile(of: kabul, hash: 42, script: .latin) == first)
        #expect(cache.profiles.count == 2)
        #expect(cache.profiles[first].symbols == nil && cache.profiles[first].skeletonLength == -1)
        cache.fold(first, cyrillic: cyrillic)
        #expect(Array(cache.symbols[cache.profiles[first].symbols!]) == Array("kabul".utf8))
        let profile = cache.profiles[first]
        #expect(FuzzyIndex.unpackSkeleton(profile.packedSkeleton, count: profile.skeletonLength)
                == FuzzyIndex.skeleton(Array("kabul".utf8)[...]))
        let third = cache.profile(of: arabic, hash: 7, script: .arabic)
        let known = cache.profiles[third]
        #expect(known.symbols == nil)
        var symbols: [UInt8] = []
        PhoneticFold.arabic(Array(arabic), into: &symbols)
        #expect(FuzzyIndex.unpackSkeleton(known.packedSkeleton, count: known.skeletonLength)
                == FuzzyIndex.skeleton(symbols[...]))
        // A skeleton the caller already has is taken as given.
        let given = cache.profile(of: Array("هرات".utf16)[...], hash: 9, script: .arabic, arabicSkeleton: (0x321, 3))
        #expect(cache.profiles[given].packedSkeleton == 0x321 && cache.profiles[given].skeletonLength == 3)
    }

    /// One word as the fuzzy pass reads it: units, hash, script, punctuation before it.
    struct WalkedWord: Equatable {
        var first: Int, last: Int, hash: UInt64, script: PhoneticFold.Script, afterPunctuation: Bool
    }

    /// The words of `text` through `forEachWord` (buffer pointers) and through the checked accessors
    /// it stands for.
    static func walks(_ bytes: [UInt8]) throws -> (pointers: [WalkedWord], checked: [WalkedWord]) {
        var keys = try CharacterKeys()
        var text = KeyedText()
        text.read(bytes, bytes.indices, keys: &keys)
        var pointers: [WalkedWord] = []
        text.forEachWord { first, last, hash, script, punctuation in
            pointers.append(WalkedWord(first: first, last: last, hash: hash, script: script, afterPunctuation: punctuation))
        }
        var checked: [WalkedWord] = []
        var unit = 0, punctuation = false
        while unit < text.count {
            if text.isPunctuation(unit) {
                punctuation = true
                unit += 1
                continue
            }
            guard text.startsWord(unit) else {
                unit += 1
                continue
            }
            let last = text.wordEnd(from: unit)
            let units = Array(text.units[unit...last])
            checked.append(WalkedWord(first: unit, last: last, hash: FuzzyWordLists.hash(units),
                                      script: PhoneticFold.script(of: units[0]), afterPunctuation: punctuation))
            punctuation = false
            unit = last + 1
        }
        return (pointers, checked)
    }

    /// The pointer walk finds the words the checked accessors find, on chosen texts and random ones.
    @Test(arguments: [
        "Muttaqi met Dostum in Kabul.",
        "متقی با دوستم در کابل، ملاقات کرد؛ ISIS-K و لهCBS ۱۲۳",
        "می‌شود، ‏ISIS-K‎ ... (Kabul) «کابل» ,,, 😀 𝐊𝐚𝐛𝐮𝐥 ـــ ﻛﺎﺑﻞ",
        ".", "", "a",
    ])
    func wordWalkEqualsCheckedWalk(text: String) throws {
        let (pointers, checked) = try FuzzyStructuresTests.walks(Array(text.utf8))
        #expect(pointers == checked)
    }

    @Test func wordWalkEqualsCheckedWalkOnRandomText() throws {
        var generator = SeededRandom(seed: 5)
        let pieces = ["کابل", "د", "Kabul", " ", ", ", ".", "-", "\u{200C}", "ISIS", "۱۲", "Мутаки", "ـ", "(", "x"]
        for _ in 0..<300 {
            let text = (0..<Int(generator.next() % 30)).map { _ in
                pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            let (pointers, checked) = try FuzzyStructuresTests.walks(Array(text.joined().utf8))
            #expect(pointers == checked, "\(text)")
        }
    }

    /// A candidate list's support bits: bit `e & 63` of the entity of each label of one or two
    /// words (entities 3 and 67 share a bit), none for a label of three words or more.
    @Test(arguments: [
        ([(words: 1, entity: Int32(3))], UInt64(1) << 3),
        ([(2, 5), (3, 9)], UInt64(1) << 5),
        ([(1, 3), (2, 67), (4, 1)], UInt64(1) << 3),
        ([(3, 9), (5, 10)], 0),
        ([], 0),
    ] as [([(words: Int, entity: Int32)], UInt64)])
    func candidateListSupportBits(labels: [(words: Int, entity: Int32)], expected: UInt64) {
        var cache = FuzzyWordCache()
        // Entry n is labels[n]; keys sorted as the matcher hands them over.
        let keys = labels.enumerated().map { PackedCandidate.key(skeletonLength: 3, words: $1.words, entry: Int32($0)) }
            .sorted()
        let entries = labels.map {
            FuzzyIndex.Entry(payload: 0, entity: $0.entity, words: UInt8($0.words), spaces: UInt8($0.words - 1),
                             script: .latin, negative: false, shortened: false, firstWord: 0, lastWord: 0, weight: 1)
        }
        let list = cache.appendCandidates(keys, skeletons: labels.map { _ in 0 }, entries: entries,
                                          nearNegativeWord: false)
        #expect(list.supportBits == expected)
        #expect(list.range.count == labels.count)
    }

    static let sameSlot: UInt64 = (43...).first { WordMemo.slot(of: $0) == WordMemo.slot(of: 42) }!

    /// The word memo gives back what was filed under a hash at its slot, and nothing for an empty
    /// slot, another hash (also one of the same slot: `sameSlot` stands for the first hash after 42
    /// filed at 42's slot) or a hash of zero never filed; a later word filed at the slot replaces it.
    @Test(arguments: [
        (filed: [UInt64](), asked: UInt64(0), found: false),
        (filed: [42], asked: 42, found: true),
        (filed: [42], asked: 43, found: false),
        (filed: [42], asked: FuzzyStructuresTests.sameSlot, found: false),
        (filed: [42, FuzzyStructuresTests.sameSlot], asked: 42, found: false),
        (filed: [42, FuzzyStructuresTests.sameSlot], asked: FuzzyStructuresTests.sameSlot, found: true),
        (filed: [0], asked: 0, found: true),
        (filed: [42, 42], asked: 42, found: true),
    ])
    func wordMemoFindsWhatWasFiled(filed: [UInt64], asked: UInt64, found: Bool) {
        #expect(WordMemo.slot(of: FuzzyStructuresTests.sameSlot) == WordMemo.slot(of: 42))
        var memo = WordMemo()
        for (number, hash) in filed.enumerated() {
            memo.file(WordMemo.Entry(hash: hash, skeleton: UInt64(number), skeletonCount: 1, flags: .frequent),
                      at: WordMemo.slot(of: hash))
        }
        let entry = memo.entry(asked, at: WordMemo.slot(of: asked))
        #expect((entry != nil) == found)
        if found { #expect(entry?.skeleton == UInt64(filed.count - 1) && entry?.flags == .frequent) }
    }

    /// Spelled out: where the words are and which follow punctuation.
    @Test func wordWalkSpelledOut() throws {
        let (words, _) = try FuzzyStructuresTests.walks(Array("Ab, c-d. کابل".utf8))
        #expect(words.map { [$0.first, $0.last] } == [[0, 1], [3, 3], [4, 4], [6, 9]])
        #expect(words.map(\.afterPunctuation) == [false, true, false, true])
        #expect(words.map(\.script) == [.latin, .latin, .latin, .arabic])
    }

    /// The words of one language in a word list, as the longer-name rule reads them: the header
    /// and comments skipped, other languages and lines without a language left out.
    @Test(arguments: [
        ("word\tlang\tper_million\tnote\nthe\ten\t50000\t\nاز\tprs\t9000\t\nof\ten\t30000\tx\n", "en", ["the", "of"]),
        ("# a comment\nword\tlang\nprovince\ten\nولایت\tprs\n", "prs", ["ولایت"]),
        ("lonely\nword\tlang\nworld\ten\n\ten\n", "en", ["world"]),
        ("", "en", []),
        ("word\tlang\nx\ten\ny\tenx\t1\nz\te\n\n#\ten\nw\ten", "en", ["x", "w"]),
    ])
    func wordsOfOneLanguage(text: String, lang: String, expected: [String]) {
        #expect(FuzzyWordLists.words(text, lang: lang) == expected)
    }
}
