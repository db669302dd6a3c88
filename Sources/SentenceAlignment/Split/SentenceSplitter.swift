import TextNormalization

/// Splits a paragraph of English, Dari or Pashto into sentences: ICU's sentence break iterator for
/// the language, repaired by `SentenceBreakRules` (abbreviations, initials, numbers, Arabic-script
/// punctuation, quotes), then cleaned by `SentencePieces` (no empty sentence, white space trimmed
/// and collapsed). A line break always ends a sentence.
///
/// Locales: `en` for English and anything undetermined, `fa` for Dari, `ps` for Pashto. ICU 72 has
/// no sentence rules of its own for `fa` or `ps` (both fall back to the root rules, which already
/// end sentences at ؟ and ۔), and the suppression list of `en@ss=standard` is not used: it holds
/// words that end sentences in news ("Act.", "Up.", "Long.", "Job.") and lacks "Dr.", "Gen.",
/// "St.", "No."; the abbreviations come from `Lexicons/segmentation/abbreviations.txt` instead.
///
/// Thread safety: owns an ICU break iterator, so one instance serves one thread.
public final class SentenceSplitter {
    public let language: Language
    private let iterator: ICUBreakIterator
    private let rules: SentenceBreakRules

    /// The ICU locale used for `language`.
    public static func locale(for language: Language) -> String {
        switch language {
        case .dari: return "fa"
        case .pashto: return "ps"
        case .english, .undetermined: return "en"
        }
    }

    public init(language: Language, abbreviations: Abbreviations) throws(ICUError) {
        self.language = language
        iterator = try ICUBreakIterator(.sentence, locale: SentenceSplitter.locale(for: language))
        rules = SentenceBreakRules(language: language, abbreviations: abbreviations)
    }

    /// The sentences of `paragraph`, each as written except for white space (trimmed, and each run
    /// of it inside a sentence one space); none is empty.
    ///
    /// - Complexity: O(n) in the length of the paragraph.
    public func sentences(in paragraph: String) throws(ICUError) -> [String] {
        let text = Array(paragraph.unicodeScalars)
        return try sentenceRanges(in: text).map { SentencePieces.string($0, in: text) }
    }

    /// Where the sentences of `paragraph` are: half-open ranges of Unicode scalar offsets, in
    /// order, without white space at either end.
    public func sentenceRanges(in paragraph: String) throws(ICUError) -> [Range<Int>] {
        try sentenceRanges(in: Array(paragraph.unicodeScalars))
    }

    func sentenceRanges(in text: [Unicode.Scalar]) throws(ICUError) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0...text.count where index == text.count || SentenceCharacters.isLineBreak(text[index]) {
            if index > start {
                let segment = start..<index
                let breaks = rules.breaks(in: text, segment, icuBreaks: try icuBreaks(in: text, segment))
                result += SentencePieces.ranges(in: text, segment, breaks: breaks)
            }
            start = index + 1
        }
        return result
    }

    /// ICU's sentence breaks inside `text[segment]`, as scalar offsets into `text`.
    private func icuBreaks(in text: [Unicode.Scalar], _ segment: Range<Int>) throws(ICUError) -> Set<Int> {
        var units: [UInt16] = []
        units.reserveCapacity(segment.count)
        for index in segment {
            let value = text[index].value
            if value < 0x1_0000 {
                units.append(UInt16(value))
            } else {
                units.append(UInt16(0xD800 + ((value - 0x1_0000) >> 10)))
                units.append(UInt16(0xDC00 + (value & 0x3FF)))
            }
        }
        // Boundaries come in order: walk the scalars once to turn UTF-16 offsets into scalar offsets.
        var result = Set<Int>()
        var scalar = segment.lowerBound
        var offset = 0
        for boundary in try iterator.boundaries(in: units) where boundary.offset < units.count {
            while offset < boundary.offset {
                offset += text[scalar].value < 0x1_0000 ? 1 : 2
                scalar += 1
            }
            result.insert(scalar)
        }
        return result
    }
}
