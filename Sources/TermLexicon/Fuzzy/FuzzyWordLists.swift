import LexiconData
import Synchronization
import TextNormalization

/// The word lists of `Lexicons/fuzzy/`, built into the binary like the romanisation rules:
/// - `frequent-words.tsv` (`word lang per_million note`): frequent words of each language, which
///   never start or end a fuzzy match, and which lint reports when a single-word Arabic-script
///   label is one of them (دوستم 'my friend', متقی 'pious');
/// - `head-nouns.tsv` (`word lang note`): words such as ولایت or شهر that, right before a single
///   Arabic-script word, make it a name worth matching fuzzily.
/// Words are compared by their matching key, so spelling variants of a listed word are listed too.
public struct FuzzyWordLists: Sendable {
    public static let frequentWordsPath = "fuzzy/frequent-words.tsv"
    public static let headNounsPath = "fuzzy/head-nouns.tsv"

    /// A listed word: its text, language and the evidence the file gives.
    public struct Word: Sendable {
        public var text: String
        public var lang: String
        public var evidence: String
        /// A frequent word's occurrences per million words (0: not in the counted corpora).
        public var perMillion: Int? = nil
    }

    /// The listed words with their evidence, read from the file text on each call: lint and suggest
    /// ask once, and tagging, which needs only the hashes, does not pay for them at start-up.
    public var frequentWords: [Word] { FuzzyWordLists.read(frequentWordsText, evidenceColumns: 2..<4) }
    public var headNouns: [Word] { FuzzyWordLists.read(headNounsText, evidenceColumns: 2..<3) }
    /// The words alone, of one language.
    func frequentWords(lang: String) -> [String] { FuzzyWordLists.words(frequentWordsText, lang: lang) }
    func headNouns(lang: String) -> [String] { FuzzyWordLists.words(headNounsText, lang: lang) }
    private let frequentWordsText: String
    private let headNounsText: String
    let frequentWordHashes: Set<UInt64>
    let headNounHashes: Set<UInt64>
    /// Hashes of `FuzzyIndex.particleWords`, keyed here with the lists' character keys.
    let particleHashes: Set<UInt64>
    /// Hashes of `FuzzyIndex.omissibleNameWords`.
    let omissibleNameHashes: Set<UInt64>
    /// Hashes of the lexicon's one-word titles (`affixes.tsv`), which the index adds (`with(titles:)`):
    /// they are the lexicon's, not these files', and empty until then.
    private(set) var titleHashes: Set<UInt64> = []

    /// The lists with the titles of a lexicon (`TaggingModel.titles`, key units).
    func with(titles: [[UInt16]]) -> FuzzyWordLists {
        var lists = self
        lists.titleHashes = Set(titles.map { FuzzyWordLists.hash($0) })
        return lists
    }

    /// The built-in lists (empty when a file is missing), made once per process: the fuzzy index
    /// and the longer-name rule both read them, and keying their words costs milliseconds.
    public static func builtIn() throws(NormalizationSetupError) -> FuzzyWordLists {
        if let lists = builtInLists.withLock({ $0 }) { return lists }
        let lists = try FuzzyWordLists(frequentWords: EmbeddedLexicon.files[frequentWordsPath] ?? "",
                                       headNouns: EmbeddedLexicon.files[headNounsPath] ?? "")
        return builtInLists.withLock { stored in
            if stored == nil { stored = lists }
            return stored!
        }
    }

    private static let builtInLists = Mutex<FuzzyWordLists?>(nil)

    /// Takes `lists` as the built-in ones unless they were made already: the model compiled at build
    /// time carries the built-in lists' hashes (TaggingModel+Archive), so keying the words is left to
    /// the build.
    static func adoptBuiltIn(_ lists: FuzzyWordLists) {
        builtInLists.withLock { stored in
            if stored == nil { stored = lists }
        }
    }

    /// Lists from their texts and the hashes keying them gives (an archive's).
    init(frequentWordsText: String, headNounsText: String, frequentWordHashes: Set<UInt64>, headNounHashes: Set<UInt64>,
         particleHashes: Set<UInt64>, omissibleNameHashes: Set<UInt64>) {
        self.frequentWordsText = frequentWordsText
        self.headNounsText = headNounsText
        self.frequentWordHashes = frequentWordHashes
        self.headNounHashes = headNounHashes
        self.particleHashes = particleHashes
        self.omissibleNameHashes = omissibleNameHashes
    }

    public init(frequentWords: String, headNouns: String) throws(NormalizationSetupError) {
        var keys = try CharacterKeys()
        frequentWordsText = frequentWords
        headNounsText = headNouns
        frequentWordHashes = Set(FuzzyWordLists.listedWords(frequentWords).map {
            FuzzyWordLists.hash(FuzzyWordLists.key($0, keys: &keys))
        })
        headNounHashes = Set(FuzzyWordLists.listedWords(headNouns).map {
            FuzzyWordLists.hash(FuzzyWordLists.key($0, keys: &keys))
        })
        particleHashes = Set(FuzzyIndex.particleWords.map { FuzzyWordLists.hash(FuzzyWordLists.key($0, keys: &keys)) })
        omissibleNameHashes = Set(FuzzyIndex.omissibleNameWords.map {
            FuzzyWordLists.hash(FuzzyWordLists.key($0, keys: &keys))
        })
    }

    /// The words of a list's lines as `read` takes them (first field of a line of two fields or
    /// more, the first `word` line a header), without the rest of each line.
    static func listedWords(_ text: String) -> [String] {
        var words: [String] = []
        var headerSeen = false
        // Lines of an array of bytes: splitting the string's UTF-8 view costs milliseconds here.
        for line in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: true) {
            if line.first == 0x23 { continue }
            let tab = line.firstIndex(of: 0x09)
            let first = line[..<(tab ?? line.endIndex)]
            if !headerSeen && first.elementsEqual("word".utf8) {
                headerSeen = true
                continue
            }
            guard tab != nil, !first.isEmpty else { continue }
            words.append(String(decoding: first, as: UTF8.self))
        }
        return words
    }

    /// The words of one language in a list's text, without their evidence: what the rules that
    /// only need the words read (building every evidence string costs more than the rest).
    static func words(_ text: String, lang: String) -> [String] {
        let language = Array(lang.utf8)
        var words: [String] = []
        var headerSeen = false
        // Line and field ends found in place: splitting every line into an array of fields cost
        // about 2.5 M instructions a call, at the start of every run that has a mention.
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart, bytes[lineStart] != 0x23 else { continue }
            let line = bytes[lineStart..<lineEnd]
            let wordEnd = line.firstIndex(of: 0x09) ?? lineEnd
            let word = bytes[lineStart..<wordEnd]
            if !headerSeen && word.elementsEqual("word".utf8) {
                headerSeen = true
                continue
            }
            guard wordEnd < lineEnd, !word.isEmpty else { continue }
            let languageEnd = bytes[(wordEnd + 1)..<lineEnd].firstIndex(of: 0x09) ?? lineEnd
            guard bytes[(wordEnd + 1)..<languageEnd].elementsEqual(language) else { continue }
            words.append(String(decoding: word, as: UTF8.self))
        }
        return words
    }

    /// The listed words with their evidence.
    private static func read(_ text: String, evidenceColumns: Range<Int>) -> [Word] {
        // Split as bytes: a Character-wise split of a thousand lines costs milliseconds.
        var words: [Word] = []
        var headerSeen = false
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            if line.first == 0x23 { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            if !headerSeen && fields.first == "word" {
                headerSeen = true
                continue
            }
            guard fields.count >= 2, !fields[0].isEmpty else { continue }
            var evidence = fields.indices.filter { evidenceColumns.contains($0) }.map { fields[$0] }
                .filter { !$0.isEmpty }.joined(separator: "; ")
            var frequency: Int?
            if evidenceColumns.count == 2, fields.count > 2, let perMillion = Int(fields[2]) {
                // The frequency, then the note.
                evidence = "\(perMillion) per million words in the counted corpora"
                    + (fields.count > 3 && !fields[3].isEmpty ? "; \(fields[3])" : "")
                frequency = perMillion
            }
            words.append(Word(text: fields[0], lang: fields[1], evidence: evidence, perMillion: frequency))
        }
        return words
    }

    /// A word's key as the text's words get theirs: character by character (`KeyedText`), spaces
    /// left out.
    static func key(_ word: String, keys: inout CharacterKeys) -> [UInt16] {
        // Appended unit by unit: an array per character made this most of the lists' start-up.
        var units: [UInt16] = []
        units.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            if scalar.value < 0x1_0000 {
                let entry = keys.entry(of: scalar.value)
                if entry & CharacterKeys.singleFlag != 0 {
                    let unit = UInt16(truncatingIfNeeded: entry)
                    if unit != 0x20 { units.append(unit) }
                } else {
                    let start = Int((entry & ~CharacterKeys.slowFlag) >> 8)
                    for unit in keys.pool[start..<(start + Int(entry & 0xFF))] where unit != 0x20 { units.append(unit) }
                }
            } else {
                for unit in keys.astralImage(of: scalar) where unit != 0x20 { units.append(unit) }
            }
        }
        return units
    }

    /// FNV-1a over key units.
    @inline(__always)
    static func hash<C: Collection>(_ units: C) -> UInt64 where C.Element == UInt16 {
        var hash = hashStart
        for unit in units { hash = hashStep(hash, unit) }
        return hash
    }

    /// `hash` one unit at a time (FNV-1a over the units), for loops that read the units anyway.
    static let hashStart: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func hashStep(_ hash: UInt64, _ unit: UInt16) -> UInt64 { (hash ^ UInt64(unit)) &* 0x100_0000_01b3 }
}
