import TextNormalization

/// Finds person mentions that are part of a longer capitalised name the lexicon does not know:
/// "Ismail Khan" in "Dera Ismail Khan" (a district), "Karzai" in "Ahmed Wali Karzai" (his brother).
/// Such a mention names someone or something else, so `tag` leaves it out unless asked for it
/// (`MatchOptions.partial`).
///
/// Only persons: a place or organisation next to capitalised words mostly names what an
/// institution belongs to ("United States Holocaust Memorial Museum", "Radio Afghanistan"), and is
/// still a mention of it; translations keep it (د متحده ایالاتو ...).
///
/// The rule reads English capitals, so it applies to Latin mentions in English running text only:
/// a line with a word of five letters or more in lower case and a lower-case frequent English word
/// of two letters or more (a is French and Spanish too; German capitalises its nouns, and headlines
/// in capitals or title case capitalise every word: neither says anything about names). There, a
/// mention is part of a longer name when the word right next to it (spaces only between, no
/// punctuation) starts with a capital and is not
/// - a frequent English word, a title or a head noun (President Ashraf Ghani, Kunduz Province,
///   `Lexicons/fuzzy/frequent-words.tsv`, `head-nouns.tsv`, the titles of `affixes.tsv`), or a
///   hyphenated office that ends in one (Secretary-General António Guterres),
/// - an acronym in capitals (NATO, US) or a possessive (Pakistan's Imran Khan),
/// - the text of another mention (the Herat Ismail Khan governed),
/// - a word that sounds like a word of the entity's own Latin labels: the rest of the same name
///   (Abdoul before a fuzzy match of "Ghani Baradar").
/// Arabic script has no capitals: there only a negative label can say that a span names something
/// else.
struct LongerNames: Sendable {
    /// Key hashes (`FuzzyWordLists.hash`) of the words that never extend a name.
    let boundaryWords: Set<UInt64>
    /// Key hashes of the frequent English words: one in lower case makes a line English.
    let englishWords: Set<UInt64>
    /// Each entity's labels (not negative, not inflected).
    private let labelsOfEntity: GroupedValues
    /// The model that owns this rule (unowned: the model holds the rule).
    private unowned let model: TaggingModel

    /// A neighbour scoring this near a word of the entity's labels is part of the same name.
    static let sameNameMinimum = 0.7

    init(model: TaggingModel, lists: FuzzyWordLists) throws(NormalizationSetupError) {
        var keys = try CharacterKeys()
        let english = lists.frequentWords(lang: "en").map { FuzzyWordLists.hash(FuzzyWordLists.key($0, keys: &keys)) }
        englishWords = Set(english)
        var words = Set(english)
        words.formUnion(lists.headNouns(lang: "en").map { FuzzyWordLists.hash(FuzzyWordLists.key($0, keys: &keys)) })
        // One-word titles; a longer title's last word is also a frequent word (Prime Minister).
        for title in model.titles { words.insert(FuzzyWordLists.hash(title)) }
        boundaryWords = words
        let other: LabelFlags = [.negative, .inflected]
        labelsOfEntity = GroupedValues(keyCount: model.entityCount, pairs: model.payloads
            .filter { $0.flags.isDisjoint(with: other) }.map { ($0.entity, $0.label) })
        self.model = model
    }

    /// For each mention (in text order), whether it is part of a longer unknown name.
    func partOfLongerName(_ mentions: [Mention], text: KeyedText, bytes: [UInt8], range: Range<Int>,
                          keys: inout CharacterKeys) -> [Bool] {
        var result = [Bool](repeating: false, count: mentions.count)
        // Whether the line is English running text: looked at only when a neighbour asks.
        var english: Bool?
        // The mentions' spans, made at the first person's name in Latin letters (most lines with
        // a mention have none, and made for every one they were five arrays a line).
        var occupied: OccupiedSpans?
        for (index, mention) in mentions.enumerated() where model.entityType(mention.entity) == .person {
            let span = byteSpan(of: mention, text: text, range: range)
            guard Self.startsWithLatinLetter(bytes, span.lowerBound) else { continue }
            if occupied == nil { occupied = OccupiedSpans(mentions.map { byteSpan(of: $0, text: text, range: range) }) }
            for neighbour in [Self.wordBefore(span.lowerBound, bytes, range),
                              Self.wordAfter(span.upperBound, bytes, range)] {
                guard let neighbour, !occupied!.overlaps(neighbour),
                      extendsName(bytes[neighbour], of: mentions[index].entity, keys: &keys) else { continue }
                if english == nil { english = isEnglishRunningText(bytes, range) }
                if english! { result[index] = true }
                break
            }
        }
        return result
    }

    /// The mentions' byte spans, asked whether any overlaps a range in O(log n): a line with
    /// thousands of mentions must not compare every neighbour with every mention.
    struct OccupiedSpans {
        /// Spans by lower bound, and the largest upper bound among the first k of them.
        private let starts: [Int]
        private let furthestEnds: [Int]

        init(_ spans: [Range<Int>]) {
            let sorted = spans.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
            starts = sorted.map(\.lowerBound)
            var furthest = Int.min
            furthestEnds = sorted.map { span in
                furthest = max(furthest, span.upperBound)
                return furthest
            }
        }

        /// Whether a non-empty span overlaps `range`: among the spans starting before its end, the
        /// one reaching furthest must end after its start.
        func overlaps(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty else { return false }
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < range.upperBound { low = middle + 1 } else { high = middle }
            }
            return low > 0 && furthestEnds[low - 1] > range.lowerBound
        }
    }

    private func byteSpan(of mention: Mention, text: KeyedText, range: Range<Int>) -> Range<Int> {
        range.lowerBound + Int(text.utf8Offsets[mention.start])..<range.lowerBound + Int(text.utf8Offsets[mention.end])
    }

    /// Whether a neighbouring word makes the name of `entity` longer.
    private func extendsName(_ word: ArraySlice<UInt8>, of entity: Int, keys: inout CharacterKeys) -> Bool {
        let string = String(decoding: word, as: UTF8.self)
        let scalars = Array(string.unicodeScalars)
        guard let first = scalars.first, first.properties.isUppercase else { return false }
        let letters = scalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2 && letters.allSatisfy({ $0.properties.isUppercase }) { return false }
        if Self.isPossessive(scalars) { return false }
        let key = FuzzyWordLists.key(string, keys: &keys)
        if boundaryWords.contains(FuzzyWordLists.hash(key)) { return false }
        // An office joined by a hyphen ends in its title (Secretary-General, Director-General).
        if let hyphen = string.lastIndex(of: "-"),
           boundaryWords.contains(FuzzyWordLists.hash(FuzzyWordLists.key(String(string[hyphen...].dropFirst()),
                                                                           keys: &keys))) {
            return false
        }
        return !soundsLikePartOfLabel(key, of: entity, keys: &keys)
    }

    /// Whether a word sounds like a word of one of the entity's Latin labels.
    private func soundsLikePartOfLabel(_ key: [UInt16], of entity: Int, keys: inout CharacterKeys) -> Bool {
        var word: [UInt8] = []
        PhoneticFold.latin(key, into: &word)
        guard !word.isEmpty else { return false }
        var labelWord: [UInt8] = []
        for label in labelsOfEntity[Int32(entity)] {
            for part in model.labelText(Int(label)).split(whereSeparator: { $0 == " " || $0 == "-" }) {
                let partKey = FuzzyWordLists.key(String(part), keys: &keys)
                guard let firstUnit = partKey.first, PhoneticFold.script(of: firstUnit) == .latin else { continue }
                labelWord.removeAll(keepingCapacity: true)
                PhoneticFold.latin(partKey, into: &labelWord)
                if PhoneticDistance.score(word, labelWord, crossScript: false) >= Self.sameNameMinimum { return true }
            }
        }
        return false
    }

    /// 's, ’s or a final apostrophe: the word ends its own name (Pakistan's, Taliban').
    private static func isPossessive(_ scalars: [Unicode.Scalar]) -> Bool {
        let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]
        guard let last = scalars.last else { return false }
        if apostrophes.contains(last) { return true }
        return scalars.count >= 2 && (last == "s" || last == "S") && apostrophes.contains(scalars[scalars.count - 2])
    }

    /// English running text: some word of five letters or more starts in lower case, and some
    /// lower-case word of two letters or more is a frequent English word.
    func isEnglishRunningText(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var long = false, english = false
        var index = range.lowerBound
        while index < range.upperBound && !(long && english) {
            let byte = bytes[index]
            guard Self.isASCIILetter(byte), index == range.lowerBound || !Self.isWordByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < range.upperBound && Self.isASCIILetter(bytes[end]) { end += 1 }
            if byte >= 0x61 {
                if end - index >= 5 { long = true }
                // A lower-case ASCII word is its own key. A word of one letter says nothing: French
                // and Spanish have a too (Le mollah Baradar a signé, Hier Ashraf Ghani a quitté).
                if !english && end - index >= 2 && (end == range.upperBound || !Self.isWordByte(bytes[end])) {
                    english = englishWords.contains(FuzzyWordLists.hash(bytes[index..<end].lazy.map { UInt16($0) }))
                }
            }
            index = end
        }
        return long && english
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// An ASCII letter or a letter of the Latin-1 Supplement and Latin Extended blocks (lead bytes
    /// C3-C9: U+00C0-U+024F).
    private static func startsWithLatinLetter(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        return isASCIILetter(bytes[index]) || (bytes[index] >= 0xC3 && bytes[index] <= 0xC9)
    }

    /// Letters, digits, apostrophes and hyphens, and every byte of a non-ASCII character.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 || byte == 0x2D || byte >= 0x80
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The word before `start`, when only spaces stand between.
    static func wordBefore(_ start: Int, _ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var index = start - 1
        while index >= range.lowerBound && isSpace(bytes[index]) { index -= 1 }
        guard index < start - 1, index >= range.lowerBound else { return nil }
        let end = index + 1
        while index >= range.lowerBound && isWordByte(bytes[index]) && !isNonBreakingSpaceEnd(bytes, index) {
            index -= 1
        }
        return index + 1 < end ? (index + 1)..<end : nil
    }

    /// The word after `end`, when only spaces stand between.
    static func wordAfter(_ end: Int, _ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var index = end
        while index < range.upperBound && isSpace(bytes[index]) { index += 1 }
        guard index > end, index < range.upperBound else { return nil }
        let start = index
        while index < range.upperBound && isWordByte(bytes[index]) && !isNonBreakingSpaceStart(bytes, index) {
            index += 1
        }
        return start < index ? start..<index : nil
    }

    /// U+00A0 is C2 A0: a space, though its bytes are non-ASCII.
    private static func isNonBreakingSpaceStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        bytes[index] == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
    }

    private static func isNonBreakingSpaceEnd(_ bytes: [UInt8], _ index: Int) -> Bool {
        bytes[index] == 0xA0 && index > 0 && bytes[index - 1] == 0xC2
    }
}
