import TextNormalization

/// Where sentences end in one line of text: ICU's sentence breaks, repaired.
///
/// Every run of terminators (. … ! ? ؟ ۔ and the other Unicode sentence terminals), with the
/// closing quotes and brackets after it, is a place where a sentence may end. ICU proposes which of
/// them do; the rules below overrule it where they apply, and ICU's choice stands where none does
/// (a period followed by a symbol, for instance):
///
/// 1. A sentence ends after the closers that follow its terminator (`"Go!" He left` breaks after
///    the quote); an opening quote or bracket after the terminator starts the next sentence. An
///    ASCII `"` closes when an odd number of them came before it in the line (and the line holds
///    an even number), even after a space; when the count is odd, one glued to the terminator
///    closes unless a word follows it directly.
/// 2. Nothing ends before a lower-case letter (`U.S. officials`, `"Why?" she asked`) or a comma,
///    colon, semicolon or dash (`"Why?", he asked`).
/// 3. `!`, `?`, `؟` and `۔` end a sentence before anything else.
/// 4. A period or ellipsis with no space after it does not (3.5, ٣.٥, 1.200.000, U.S, bbc.com,
///    ه.ش, `leak...No`).
/// 5. A period after an abbreviation of the language (`Lexicons/segmentation/abbreviations.txt`),
///    a single capital initial (J.), a single Arabic-script letter (ا.; not و, a Pashto verb that
///    often ends a sentence) or a dotted acronym (U.S., a.m., ب.ظ., اف.بی.آی.) does not end a
///    sentence.
/// 6. Any other period ends a sentence before a capital, a digit or a letter of a script without
///    case, which includes a period followed by a space and an Arabic-script letter in Dari and
///    Pashto.
/// 7. An ellipsis ends an English sentence before a capital only; in Dari and Pashto, with no case
///    to tell, an ellipsis is taken as a pause, not an end.
struct SentenceBreakRules {
    let language: Language
    let abbreviations: Abbreviations

    private enum TerminatorKind { case period, ellipsis, strong }

    /// The positions (scalar offsets into `text`) where a sentence of `text[segment]` ends and the
    /// next begins; `icuBreaks` holds ICU's breaks in the segment.
    ///
    /// - Complexity: O(n) in the length of the segment.
    func breaks(in text: [Unicode.Scalar], _ segment: Range<Int>, icuBreaks: Set<Int>) -> [Int] {
        let quotes = QuoteParity(text, segment)
        var result: [Int] = []
        var index = segment.lowerBound
        while index < segment.upperBound {
            guard SentenceCharacters.isTerminator(text[index]) else {
                index += 1
                continue
            }
            // The run of terminators (invisible marks between them belong to it).
            let runStart = index
            var runEnd = index + 1
            var scan = runEnd
            while scan < segment.upperBound {
                if SentenceCharacters.isTerminator(text[scan]) {
                    scan += 1
                    runEnd = scan
                } else if SentenceCharacters.isInvisible(text[scan]) {
                    scan += 1
                } else {
                    break
                }
            }
            index = runEnd
            // Rule 1: closers stay with the sentence; an opener starts the next one.
            var end = runEnd
            while end < segment.upperBound {
                let scalar = text[end]
                if scalar == SentenceCharacters.straightQuote {
                    // Unknown parity: a quote glued to the terminator closes unless a word follows it.
                    let glued = end + 1 < segment.upperBound && SentenceCharacters.isContent(text[end + 1])
                    guard quotes.closes(at: end) ?? !glued else { break }
                } else if !(SentenceCharacters.isCloser(scalar) || SentenceCharacters.isInvisible(scalar)) {
                    break
                }
                end += 1
            }
            var next = end
            var spaced = false
            while next < segment.upperBound && SentenceCharacters.isBlank(text[next]) {
                if SentenceCharacters.isWhitespace(text[next]) { spaced = true }
                next += 1
            }
            // A straight quote after a space that closes a quotation: `...دې! "هېمیل ...`.
            if spaced, next < segment.upperBound, text[next] == SentenceCharacters.straightQuote,
               quotes.closes(at: next) == true {
                end = next + 1
                while end < segment.upperBound && SentenceCharacters.isCloser(text[end])
                    && text[end] != SentenceCharacters.straightQuote {
                    end += 1
                }
                next = end
                while next < segment.upperBound && SentenceCharacters.isBlank(text[next]) { next += 1 }
            }
            index = max(index, end)
            // The end of the line ends the last sentence anyway.
            if next == segment.upperBound { continue }
            let icuBreak = (runStart + 1...next).contains { icuBreaks.contains($0) }
            let kind = terminatorKind(text[runStart..<runEnd])
            if endsSentence(kind, text, segment, terminators: runStart..<runEnd,
                            next: next, spaced: spaced) ?? icuBreak {
                result.append(end)
            }
        }
        return result
    }

    private func terminatorKind(_ run: ArraySlice<Unicode.Scalar>) -> TerminatorKind {
        if run.contains(where: SentenceCharacters.isStrongTerminator) { return .strong }
        let periods = run.filter(SentenceCharacters.isPeriod).count
        if periods >= 2 || run.contains(where: SentenceCharacters.isEllipsis) { return .ellipsis }
        return .period
    }

    /// Rules 2 to 7: true or false where a rule decides, nil to leave it to ICU.
    private func endsSentence(
        _ kind: TerminatorKind, _ text: [Unicode.Scalar], _ segment: Range<Int>,
        terminators: Range<Int>, next: Int, spaced: Bool
    ) -> Bool? {
        // The first letter or digit of what follows, past opening quotes and brackets.
        var first = next
        while first < segment.upperBound {
            let scalar = text[first]
            guard SentenceCharacters.isOpener(scalar) || scalar == "\"" || scalar == "'"
                || SentenceCharacters.isInvisible(scalar) else { break }
            first += 1
        }
        let following: Unicode.Scalar? = first < segment.upperBound ? text[first] : nil
        // Rule 2.
        if let following, SentenceCharacters.isLowercase(following) { return false }
        if SentenceCharacters.isContinuation(text[next]) { return false }
        // Rule 3.
        if kind == .strong { return true }
        // Rule 4: glued to the next letter or digit.
        if !spaced && next < segment.upperBound && SentenceCharacters.isContent(text[next]) { return false }
        guard let following else { return nil }
        let startsSentence = SentenceCharacters.isLetter(following) || SentenceCharacters.isDigit(following)
        switch kind {
        case .strong:
            return true
        case .ellipsis:
            // Rule 7.
            if language == .dari || language == .pashto { return false }
            return SentenceCharacters.isUppercase(following)
        case .period:
            // Rule 5.
            if isAbbreviation(before: terminators.lowerBound, in: text, segment) { return false }
            // Rule 6.
            return startsSentence ? true : nil
        }
    }

    /// Whether the word before the period at `period` is an abbreviation, an initial or a dotted
    /// acronym.
    private func isAbbreviation(before period: Int, in text: [Unicode.Scalar], _ segment: Range<Int>) -> Bool {
        var start = period
        while start > segment.lowerBound && !SentenceCharacters.isBlank(text[start - 1]) { start -= 1 }
        // Opening quotes and brackets are not part of the word: `(Gen.`, `"Dr.`.
        while start < period
            && (SentenceCharacters.isOpener(text[start]) || text[start] == "\"" || text[start] == "'") {
            start += 1
        }
        let word = text[start..<period]
        if word.isEmpty { return false }
        if abbreviations.contains(word, in: language) { return true }
        // A single letter: a capital initial or an Arabic-script letter other than و.
        if word.count == 1, let letter = word.first {
            return SentenceCharacters.isUppercase(letter)
                || (SentenceCharacters.isArabicLetter(letter) && letter != "\u{0648}")
        }
        // Letters joined by periods: single letters (U.S, N.F.L, a.m, e.g, ه.ش), or in Arabic script
        // the names of Latin letters, of at most three letters each (اف.بی.آی for F.B.I.).
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { $0.count == 1 && SentenceCharacters.isLetter($0.first!) }
            || parts.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(SentenceCharacters.isArabicLetter) }
    }
}

/// Which ASCII quotation marks of a line close a quotation: those after an odd number of them.
/// When the line holds an odd number, a quote is missing and nothing is known.
struct QuoteParity {
    /// Offsets of the line's `"`, in order.
    private let positions: [Int]

    init(_ text: [Unicode.Scalar], _ segment: Range<Int>) {
        positions = segment.filter { text[$0] == SentenceCharacters.straightQuote }
    }

    /// Whether the `"` at `position` closes a quotation; nil when the count is odd.
    ///
    /// - Complexity: O(log q) for q quotation marks in the line.
    func closes(at position: Int) -> Bool? {
        guard positions.count % 2 == 0 else { return nil }
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        guard low < positions.count, positions[low] == position else { return nil }
        return low % 2 == 1
    }
}
