import Testing
import TermLexicon
import TextNormalization

/// Every spelling in the default lexicon resolves to its entity, and so do the variants that are
/// not listed: case, Arabic-keyboard letters, tatweel, joined and ZWNJ-joined words, diacritics.
@Suite("every label resolves")
struct ShippedLexiconTests {
    static var finder: MentionFinder { try! builtInModel.makeFinder() }
    static let options = MatchOptions(includeWeak: true)

    /// Labels that cannot resolve alone by design: a weak spelling two entities share.
    static let ambiguous: Set<String> = {
        let keys = try! LabelKeys()
        var owners: [String: Set<String>] = [:]
        for label in builtInLexicon.labels { owners[keys.keyString(label.text), default: []].insert(label.id) }
        return Set(builtInLexicon.labels.filter { $0.flags.contains(.weak) && owners[keys.keyString($0.text)]!.count > 1 }
            .map { $0.id + "\t" + $0.text })
    }()

    /// Whether `text`, tagged alone, is one mention of `id` covering all of it.
    static func resolves(_ text: String, to id: String, finder: MentionFinder) -> Bool {
        let bytes = Array(text.utf8)
        let mentions = finder.mentions(in: bytes, bytes.indices, options: options)
        return mentions.count == 1 && mentions[0].start == 0 && mentions[0].end == text.unicodeScalars.count
            && builtInModel.entityID(mentions[0].entity) == id
    }

    @Test func everyLabelResolves() {
        let finder = ShippedLexiconTests.finder
        var failures: [String] = []
        for label in builtInLexicon.labels where !ShippedLexiconTests.ambiguous.contains(label.id + "\t" + label.text) {
            // A negative label must do the opposite: never name its entity.
            if ShippedLexiconTests.resolves(label.text, to: label.id, finder: finder) == (label.kind == .negative) {
                failures.append("\(label.id) \(label.lang) \(label.kind) '\(label.text)' -> \(tag(label.text, with: finder, options: ShippedLexiconTests.options))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) labels do not resolve: \(failures.prefix(20))")
    }

    /// Every shipped label says in its note where the spelling was seen (or, for a form kept
    /// though not found in print, what was searched): lexicon data is researched, not invented.
    @Test func everyLabelHasItsSource() {
        let unsourced = builtInLexicon.labels.filter { $0.note.allSatisfy(\.isWhitespace) }
            .map { "labels.tsv:\($0.line): \($0.id) \($0.lang) '\($0.text)'" }
        #expect(unsourced.isEmpty, "\(unsourced.count) labels have no note: \(unsourced.prefix(20))")
    }

    /// Spellings of a label the lexicon does not list but must still resolve.
    static func variants(of label: Label) -> [String] {
        let text = label.text
        var variants: [String] = []
        let isArabic = text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
        if isArabic {
            variants.append(String(String.UnicodeScalarView(text.unicodeScalars.map {
                $0 == "\u{06CC}" ? "\u{064A}" : ($0 == "\u{06A9}" ? "\u{0643}" : $0)
            })))
            // Joined with no break, a written ezafe (ه‌ی) would run into the next word, which no
            // writer does: the ی would read as that word's first letter.
            if text.contains(" ") && !text.contains("\u{0647}\u{200C}\u{06CC} ") {
                variants.append(text.replacingSpaces(with: ""))
            }
            if text.contains(" ") {
                variants.append(text.replacingSpaces(with: "\u{200C}"))
            }
            // a tatweel after the first letter, as headline typesetting stretches words
            var scalars = Array(text.unicodeScalars)
            if scalars.count > 2 { scalars.insert("\u{0640}", at: 1) }
            variants.append(String(String.UnicodeScalarView(scalars)))
        } else if !label.flags.contains(.caseSensitive) {
            variants.append(text.uppercased())
            variants.append(text.lowercased())
            variants.append(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "a" ? "á" : ($0 == "i" ? "ī" : $0) })))
        }
        return variants.filter { $0 != text }
    }

    @Test func unlistedVariantsResolve() {
        let finder = ShippedLexiconTests.finder
        var failures: [String] = []
        var checked = 0
        for label in builtInLexicon.labels where !ShippedLexiconTests.ambiguous.contains(label.id + "\t" + label.text) && label.kind != .negative {
            for variant in ShippedLexiconTests.variants(of: label) {
                checked += 1
                if !ShippedLexiconTests.resolves(variant, to: label.id, finder: finder) {
                    failures.append("\(label.id) '\(label.text)' as '\(variant)' -> \(tag(variant, with: finder, options: ShippedLexiconTests.options))")
                }
            }
        }
        #expect(checked > 2000)
        #expect(failures.isEmpty, "\(failures.count) variants do not resolve: \(failures.prefix(20))")
    }
}

extension String {
    func replacingSpaces(with replacement: String) -> String {
        split(separator: " ", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
