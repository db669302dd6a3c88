/// The case endings of `affixes.tsv` (kind `ending`): in a language that declines names, a name's
/// last letters give way to another ending (Russian Москва, в Москве; Индия, из Индии; Китай, из
/// Китая). A suffix cannot say this: it is written after the whole name, which these forms do not
/// contain. Each label whose key ends in a replaced ending gets the inflected keys as further keys
/// of the trie, so the matcher finds them like any spelling, with nothing to do per word of text;
/// the mention is the whole inflected word.
///
/// In a name of two words both words decline (Северный альянс, Северного альянса; Ашраф Гани,
/// Ашрафа Гани): the first word takes the endings and the suffixes of the languages that have
/// endings (those suffixes are checked at the end of a name as the text is read, but a first
/// word's must be spelled out here). Every combination is made, not only the grammatical ones:
/// a form no text writes (Северному альянса) costs a key and never matches, while sorting the
/// rows by case would need the file to say which case each ending is.
struct CaseEndings {
    struct Rule {
        /// The ending written in the text, as a key.
        var ending: [UInt16]
        /// The endings of a label's key it takes the place of.
        var replaced: [[UInt16]]
    }

    struct Suffix {
        var text: [UInt16]
        /// The endings a word must have for the suffix to follow it (empty: any).
        var after: [[UInt16]]
    }

    /// An inflected key; `spaces` are its own when its first word changed (nil: the label's).
    struct Form: Equatable {
        var key: [UInt16]
        var spaces: [Int32]?
    }

    let rules: [Rule]
    /// Suffixes a name's first word takes.
    let innerSuffixes: [Suffix]
    /// The languages of the ending rows: their titles decline too (`wordForms`).
    let languages: Set<String>

    /// A stem shorter than this keeps its ending: a name of one or two letters is an acronym or
    /// an initial, which are not declined by changing their last letter.
    static let shortestStem = 2

    init(rules: [Rule], innerSuffixes: [Suffix] = [], languages: Set<String> = []) {
        self.rules = rules.filter { !$0.ending.isEmpty }
        self.innerSuffixes = self.rules.isEmpty ? [] : innerSuffixes.filter { !$0.text.isEmpty }
        self.languages = languages
        replacedEndingsEnd = LastUnits(self.rules.flatMap(\.replaced))
        suffixedWordsEnd = self.innerSuffixes.contains { $0.after.isEmpty }
            ? LastUnits(any: true) : LastUnits(self.innerSuffixes.flatMap(\.after))
    }

    /// The last units of the endings the rules replace, and of the endings inner suffixes follow:
    /// a word that ends in none has no forms, known without comparing it with every ending (a
    /// lexicon of a million labels, nearly none of them Russian, spent more than half of its load
    /// doing so).
    private let replacedEndingsEnd: LastUnits
    private let suffixedWordsEnd: LastUnits

    /// A set of code units as bits, one per BMP unit.
    private struct LastUnits {
        private var bits: [UInt64]

        init(_ endings: [[UInt16]]) {
            bits = [UInt64](repeating: 0, count: 1024)
            for ending in endings {
                guard let last = ending.last else { continue }
                bits[Int(last) >> 6] |= 1 << UInt64(last & 63)
            }
        }

        init(any: Bool) {
            bits = [UInt64](repeating: any ? ~0 : 0, count: 1024)
        }

        func mayEnd(_ word: ArraySlice<UInt16>) -> Bool {
            guard let last = word.last else { return false }
            return bits[Int(last) >> 6] & 1 << UInt64(last & 63) != 0
        }
    }

    /// The endings of `affixes`, and the suffixes of the languages that have endings, as keys.
    init(_ affixes: Affixes, keys: LabelKeys) {
        let endingRows = affixes.entries.filter { $0.kind == .ending }
        let decliningLanguages = Set(endingRows.map(\.lang))
        self.init(
            rules: endingRows.map {
                Rule(ending: keys.key($0.text), replaced: $0.after.map { keys.key($0) })
            },
            innerSuffixes: affixes.entries.filter { $0.kind == .suffix && decliningLanguages.contains($0.lang) }.map {
                Suffix(text: keys.key($0.text), after: $0.after.map { keys.key($0) })
            },
            languages: decliningLanguages)
    }

    /// The case forms of a word that stands alone, a title (мулла: муллы, мулле, муллу, муллой;
    /// генерал: генерала, генералом): its endings swapped and the suffixes it takes.
    func wordForms(of word: [UInt16]) -> [[UInt16]] {
        guard !rules.isEmpty else { return [] }
        return endingForms(of: word[...]) + suffixForms(of: word[...])
    }

    /// The inflected forms of a label's key whose words start at `spaces` (key positions): of a
    /// name of two words, every combination of the first word's forms and the last word's; of
    /// any other, the last word's forms alone, the name's other words as they are.
    func forms(of key: ArraySlice<UInt16>, spaces: ArraySlice<Int32>) -> [Form] {
        guard !rules.isEmpty else { return [] }
        let lastStart = key.startIndex + Int(spaces.last ?? 0)
        guard lastStart <= key.endIndex else { return [] }
        let lastWord = key[lastStart...]
        let lastEndings = endingForms(of: lastWord)
        let firstWord = key[..<lastStart]
        let firstForms = spaces.count == 1 ? endingForms(of: firstWord) + suffixForms(of: firstWord) : []
        // Most labels have no form: nothing is allocated for them.
        if lastEndings.isEmpty && firstForms.isEmpty { return [] }
        let lastForms = [Array(lastWord)] + lastEndings
        var forms: [Form] = []
        func add(_ form: Form) { if !forms.contains(form) { forms.append(form) } }
        for last in lastForms.dropFirst() { add(Form(key: Array(key[..<lastStart]) + last, spaces: nil)) }
        guard spaces.count == 1 else { return forms }
        for first in firstForms where !first.elementsEqual(firstWord) {
            for last in lastForms {
                add(Form(key: first + last, spaces: [Int32(first.count)]))
            }
        }
        return forms
    }

    /// A word with each replaced ending it has swapped for its rule's, a stem of `shortestStem`
    /// units or more left before it.
    private func endingForms(of word: ArraySlice<UInt16>) -> [[UInt16]] {
        guard replacedEndingsEnd.mayEnd(word) else { return [] }
        var forms: [[UInt16]] = []
        for rule in rules {
            for replaced in rule.replaced where !replaced.isEmpty {
                let stemLength = word.count - replaced.count
                guard stemLength >= CaseEndings.shortestStem, word.suffix(replaced.count).elementsEqual(replaced)
                else { continue }
                let form = Array(word.prefix(stemLength)) + rule.ending
                if !form.elementsEqual(word) && !forms.contains(form) { forms.append(form) }
            }
        }
        return forms
    }

    /// A word with each inner suffix that may follow it.
    private func suffixForms(of word: ArraySlice<UInt16>) -> [[UInt16]] {
        guard word.count >= CaseEndings.shortestStem, suffixedWordsEnd.mayEnd(word) else { return [] }
        return innerSuffixes.filter { suffix in
            suffix.after.isEmpty || suffix.after.contains { !$0.isEmpty && word.suffix($0.count).elementsEqual($0) }
        }.map { Array(word) + $0.text }
    }
}
