import TermLexicon
import TextNormalization

/// What the aligner knows about one sentence.
public struct SentenceFeatures: Sendable, Equatable {
    /// Characters after key-form normalisation, spaces excluded: the unit of the length model.
    public var length: Int
    /// Words (space-separated runs of the key form): the length model's second measure.
    public var words: Int
    /// Anchor ids (see `AnchorTable`), sorted, with repeats.
    public var anchors: [Int32]

    public init(length: Int, words: Int = 0, anchors: [Int32] = []) {
        self.length = length
        self.words = words
        self.anchors = anchors
    }
}

/// Interns anchors to small integers so sentences compare them as sorted integer lists. An anchor
/// is a string with a one-letter class prefix: `e:` entity, `n:` number, `w:` Latin-script word,
/// `p:` punctuation.
public struct AnchorTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    public mutating func id(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public var count: Int { names.count }
}

/// Works out lengths and anchors for the sentences of one language. One per thread.
///
/// Anchors are what a translator carries over unchanged: the entities the tagger resolves to
/// canonical IDs, numbers once digits are ASCII and separators gone (۱٬۲۰۰ = 1,200 = 1200), words
/// in Latin script (COVID, WHO), question marks, exclamation marks and quotes, and the consonant
/// skeletons of names: capitalised English words, and every word of the other script romanised
/// (مشواني → mashwanay → mSn = Mushwani).
public final class FeatureExtractor {
    public let language: Language
    private let normalizer: TextNormalizer
    private let finder: MentionFinder?
    /// Romanises Dari and Pashto for the name skeletons; nil for English.
    private let romanizer: TextNormalizer?
    private var output: [UInt8] = []
    private var issues: [DecodingIssue] = []

    /// - Parameter model: the lexicon's tagging model; nil aligns without entity anchors.
    public init(language: Language, model: TaggingModel?) throws(NormalizationSetupError) {
        self.language = language
        let context = try NormalizationContext.shared(
            NormalizationOptions(form: .key, language: language == .undetermined ? nil : language))
        normalizer = try context.makeNormalizer()
        normalizer.reportsLanguage = false
        finder = try model?.makeFinder()
        if language == .english {
            romanizer = nil
        } else {
            let latin = try NormalizationContext.shared(
                NormalizationOptions(form: .latin, language: language == .undetermined ? nil : language))
            romanizer = try latin.makeNormalizer()
            romanizer?.reportsLanguage = false
        }
    }

    public func features(of sentences: [String], anchors table: inout AnchorTable) -> [SentenceFeatures] {
        sentences.map { features(of: $0, anchors: &table) }
    }

    public func features(of sentence: String, anchors table: inout AnchorTable) -> SentenceFeatures {
        let bytes = Array(sentence.utf8)
        output.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        do {
            try normalizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)
        } catch {
            // ICU failing on one sentence leaves it with its raw bytes: a rough length, no words.
            output = bytes
        }
        var anchors: [Int32] = []
        let length = Self.scanKeyForm(output, into: &anchors, table: &table)
        let words = output.isEmpty ? 0 : output.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
        Self.scanPunctuation(sentence, into: &anchors, table: &table)
        if let romanizer {
            output.removeAll(keepingCapacity: true)
            if (try? romanizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)) != nil {
                Self.scanSkeletons(output, capitalisedOnly: false, into: &anchors, table: &table)
            }
        } else {
            Self.scanSkeletons(bytes, capitalisedOnly: true, into: &anchors, table: &table)
        }
        if let finder {
            for mention in finder.mentions(in: bytes, bytes.indices) {
                anchors.append(table.id("e:" + finder.model.entityID(mention.entity)))
            }
        }
        anchors.sort()
        return SentenceFeatures(length: length, words: words, anchors: anchors)
    }

    /// Counts the non-space characters of the key form and collects its numbers and Latin words.
    /// - Returns: the length.
    private static func scanKeyForm(_ key: [UInt8], into anchors: inout [Int32], table: inout AnchorTable) -> Int {
        var length = 0
        var index = 0
        let count = key.count
        while index < count {
            let byte = key[index]
            if byte == 0x20 { index += 1; continue }
            if isDigit(byte) {
                // A number: digits, with '.' or ',' between digits (a separator before a
                // group of three is dropped, a decimal point kept: 3.5 and 35 differ, 1,200 and 1200 agree).
                var digits: [UInt8] = []
                while index < count {
                    let unit = key[index]
                    if isDigit(unit) {
                        digits.append(unit)
                    } else if unit == 0x2E || unit == 0x2C, !digits.isEmpty, index + 1 < count,
                              isDigit(key[index + 1]) {
                        if hasThreeDigits(key, after: index) {
                            // A thousands separator: dropped.
                        } else if unit == 0x2E {
                            digits.append(unit)
                        } else {
                            break
                        }
                    } else {
                        break
                    }
                    length += 1
                    index += 1
                }
                anchors.append(table.id("n:" + String(decoding: digits, as: UTF8.self)))
                continue
            }
            if isLatinLetter(byte) {
                let start = index
                while index < count, isLatinLetter(key[index]) || isDigit(key[index]) { index += 1 }
                length += index - start
                if index - start >= 2 {
                    anchors.append(table.id("w:" + String(decoding: key[start..<index], as: UTF8.self)))
                }
                continue
            }
            // One character of another kind: count its lead byte only.
            if byte & 0xC0 != 0x80 { length += 1 }
            index += 1
        }
        return length
    }

    /// Whether exactly three digits follow `key[index]` and then a non-digit or the end: a
    /// thousands group ("1.200" in European style), not a decimal part.
    private static func hasThreeDigits(_ key: [UInt8], after index: Int) -> Bool {
        let end = index + 4
        guard end <= key.count else { return false }
        for position in (index + 1)..<end where !isDigit(key[position]) { return false }
        return end == key.count || !isDigit(key[end])
    }

    private static func scanPunctuation(_ sentence: String, into anchors: inout [Int32], table: inout AnchorTable) {
        var question = false, exclamation = false, quote = false
        for scalar in sentence.unicodeScalars {
            switch scalar.value {
            case 0x3F, 0x61F, 0xFF1F: question = true
            case 0x21, 0xFF01: exclamation = true
            case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E: quote = true
            default: break
            }
        }
        if question { anchors.append(table.id("p:?")) }
        if exclamation { anchors.append(table.id("p:!")) }
        if quote { anchors.append(table.id("p:\"")) }
    }

    /// Adds an `s:` anchor for each ASCII word of three letters or more whose skeleton has three
    /// consonants or more.
    private static func scanSkeletons(_ text: [UInt8], capitalisedOnly: Bool, into anchors: inout [Int32],
                                      table: inout AnchorTable) {
        var index = 0
        while index < text.count {
            guard isLatinLetter(text[index]) else { index += 1; continue }
            let start = index
            while index < text.count, isLatinLetter(text[index]) { index += 1 }
            guard index - start >= 3,
                  !capitalisedOnly || (text[start] >= 0x41 && text[start] <= 0x5A) || index - start >= 4
            else { continue }
            let skeleton = ConsonantSkeleton.of(text[start..<index])
            if skeleton.count >= 3 { anchors.append(table.id("s:" + String(decoding: skeleton, as: UTF8.self))) }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLatinLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
