/// The case endings of `affixes.tsv` (kind `ending`): in a language that declines names, a name's
/// last letters give way to another ending (Russian Москва, в Москве; Индия, из Индии; Китай, из
/// Китая). A suffix cannot say this: it is written after the whole name, which these forms do not
/// contain. Each label whose key ends in a replaced ending gets the inflected keys as further keys
/// of the same payload in the trie, so the matcher finds them like any spelling, with nothing
/// to do per word of text; the mention is the whole inflected word.
struct CaseEndings {
    struct Rule {
        /// The ending written in the text, as a key.
        var ending: [UInt16]
        /// The endings of a label's key it takes the place of.
        var replaced: [[UInt16]]
    }

    /// The rules, as keys.
    let rules: [Rule]

    /// A stem shorter than this keeps its ending: a name of one or two letters is an acronym or
    /// an initial, which are not declined by changing their last letter.
    static let shortestStem = 2

    init(rules: [Rule]) { self.rules = rules.filter { !$0.ending.isEmpty } }

    /// The inflected forms of a label's key: for each rule, the key with a replaced ending swapped
    /// for the rule's, provided a stem of `shortestStem` units or more of the label's last word
    /// (from key position `lastWordStart`, 0 for a label of one word) stays before it, so the
    /// label's spaces stay where they were.
    func forms(of key: ArraySlice<UInt16>, lastWordStart: Int) -> [[UInt16]] {
        var forms: [[UInt16]] = []
        for rule in rules {
            for replaced in rule.replaced where !replaced.isEmpty {
                let stemLength = key.count - replaced.count
                guard stemLength - lastWordStart >= CaseEndings.shortestStem,
                      key.suffix(replaced.count).elementsEqual(replaced) else { continue }
                let form = Array(key.prefix(stemLength)) + rule.ending
                if !form.elementsEqual(key) && !forms.contains(form) { forms.append(form) }
            }
        }
        return forms
    }
}
