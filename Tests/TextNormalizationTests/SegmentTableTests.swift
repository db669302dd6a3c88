import Testing
import TestCorpora
@testable import TextNormalization

/// The key and text forms through `SegmentTable` must write what the pipeline alone writes, byte
/// for byte, with the same decoding issues and language: on chosen cases, on every line of the
/// corpora and on random text of every script.
@Suite("key and text forms through the segment tables")
struct SegmentTableTests {
    struct Result: Equatable {
        var output: [UInt8]
        var issues: [DecodingIssue]
        var language: Language
    }

    /// `bytes` as a line through `normalizer`, with the tables or not.
    static func run(_ bytes: [UInt8], table: Bool, normalizer: TextNormalizer) throws -> Result {
        normalizer.usesSegmentTable = table
        var output: [UInt8] = []
        var issues: [DecodingIssue] = []
        let language = try normalizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues)
        return Result(output: output, issues: issues, language: language)
    }

    /// `bytes` through the tables with the key form's table held by the caller, as
    /// `NormalizeLineProcessor` holds it for a chunk (`keyFormSegmentTable`).
    static func runHeld(_ bytes: [UInt8], normalizer: TextNormalizer) throws -> Result {
        normalizer.usesSegmentTable = true
        var output: [UInt8] = []
        var issues: [DecodingIssue] = []
        let language = try normalizer.normalize(bytes, bytes.indices, appendingTo: &output, issues: &issues,
                                                keyTable: normalizer.keyFormSegmentTable())
        return Result(output: output, issues: issues, language: language)
    }

    /// The key form as `normalize` writes text (no language), or the text form.
    static func makeNormalizer(_ form: NormalizationForm = .key, lang: Language? = nil) throws -> TextNormalizer {
        let context = try NormalizationContext(options: NormalizationOptions(form: form, language: lang))
        let normalizer = try context.makeNormalizer()
        normalizer.reportsLanguage = form != .key
        return normalizer
    }

    /// Both ways, and the lines of `lines` where they differ.
    static func differing(_ lines: [[UInt8]], _ normalizer: TextNormalizer) throws -> [Int] {
        var numbers: [Int] = []
        for (number, line) in lines.enumerated()
        where try run(line, table: true, normalizer: normalizer) != run(line, table: false, normalizer: normalizer) {
            numbers.append(number + 1)
        }
        return numbers
    }

    @Test("chosen lines", arguments: [
        ("Kabul  and KANDAHAR", "kabul and kandahar"),
        ("  Amir Khan Muttaqi  ", "amir khan muttaqi"),
        ("متقي و كابل", "متقی و کابل"),  // Arabic yeh and kaf: one character each, from the table
        ("مـــتقی", "متقی"),  // tatweel dropped
        ("بَ", "ب"),  // a mark: the letter and its mark go through the pipeline together
        ("a بَ", "a ب"),  // the letter taken back had a space before it
        ("a ـَb", "a b"),  // the character taken back (tatweel) wrote nothing
        ("x ﷺ y", "x صلی الله علیه وسلم y"),  // one character, four words
        ("x \u{0301}y", "x y"),  // a run starting on a space keeps the space
        ("Cafe\u{0301} Z", "cafe z"),
        ("ﻻ ﷲ", "لا الله"),  // presentation forms
        ("۱۲۳ ١٢٣", "123 123"),
        ("می\u{200C}روم", "میروم"),  // ZWNJ
        ("a\u{00A0}-\u{2013}b", "a b"),
        ("Ｔａｌｉｂａｎ", "taliban"),
        ("Д'Есть", "десть"),
        ("\u{1F600} x", "\u{1F600} x"),
        ("a\u{0000}b", "a b"),  // NUL: reported, the line through the pipeline
    ])
    func chosen(input: String, expected: String) throws {
        let normalizer = try Self.makeNormalizer()
        let bytes = Array(input.utf8)
        let fast = try Self.run(bytes, table: true, normalizer: normalizer)
        #expect(String(decoding: fast.output, as: UTF8.self) == expected)
        #expect(fast == (try Self.run(bytes, table: false, normalizer: normalizer)))
        #expect(normalizer.keyFormSegmentTable() != nil)
        #expect(fast == (try Self.runHeld(bytes, normalizer: normalizer)))
    }

    @Test("chosen lines, text form", arguments: [
        ("  Kabul   and KANDAHAR ", "Kabul and KANDAHAR"),
        ("متقي و كابل", "متقی و کابل"),
        ("د ښار ويب پاڼه", "د ښار ويب پاڼه"),  // Pashto keeps its yeh
        ("می\u{200C}روم", "می\u{200C}روم"),
        ("بَ x²", "بَ x²"),  // a mark: through the pipeline with its letter; ² kept by the text form
        ("a بَ", "a بَ"),  // the letter taken back had a space before it
        ("a ـَb", "a َb"),  // the character taken back (tatweel) wrote nothing; its mark stays
        ("x ﷺ y", "x صلی الله علیه وسلم y"),  // one character, four words
        ("ﻻ", "لا"),
        ("x \u{0301}y", "x \u{0301}y"),
        // Lines of printable ASCII skip decoding: tabs are spaces, a line of digits has no language,
        // and a control or DEL sends the line the long way.
        ("\tNo.  1 \t(of 2) ", "No. 1 (of 2)"),
        ("2026 - 12", "2026 - 12"),
        // A line that is its own text form is appended whole.
        ("The Taliban's acting Foreign Minister, Amir Khan Muttaqi, met them.",
         "The Taliban's acting Foreign Minister, Amir Khan Muttaqi, met them."),
        ("12345678 12345678", "12345678 12345678"),
        ("   ", ""),
        ("a\u{000B}b", "a b"),
        ("a\u{007F}b", "ab"),
        ("a\rb", "a b"),
        ("Kabul\u{2019}s", "Kabul\u{2019}s"),
    ])
    func chosenText(input: String, expected: String) throws {
        let normalizer = try Self.makeNormalizer(.text)
        let bytes = Array(input.utf8)
        let fast = try Self.run(bytes, table: true, normalizer: normalizer)
        #expect(String(decoding: fast.output, as: UTF8.self) == expected)
        #expect(fast == (try Self.run(bytes, table: false, normalizer: normalizer)))
    }

    @Test("every line of the project's texts", arguments: [NormalizationForm.key, .text], TestCorpora.projectTexts)
    func projectLines(form: NormalizationForm, file: String) throws {
        try Self.checkLines(try TestCorpora.projectBytes(file), form: form, name: file)
    }

    @Test("every line of the corpora", .enabled(if: TestCorpora.shouldRun, Comment(rawValue: TestCorpora.skipReason)),
          arguments: [NormalizationForm.key, .text], TestCorpora.all)
    func corpusLines(form: NormalizationForm, file: String) throws {
        try Self.checkLines(try TestCorpora.bytes(file), form: form, name: file)
    }

    static func checkLines(_ bytes: [UInt8], form: NormalizationForm, name: String) throws {
        try #require(!bytes.isEmpty, "\(name) is empty")
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        let differing = try Self.differing(lines, try Self.makeNormalizer(form))
        #expect(differing.isEmpty, "\(name), \(form): lines \(differing.prefix(10))")
    }

    /// Characters to draw random text from, script by script: letters and their marks, the
    /// characters the pipeline treats specially, and some it has no table entry for.
    static let scripts: [(String, [ClosedRange<UInt32>])] = [
        ("Latin", [0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF]),
        ("Arabic", [0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x200C...0x200F]),
        ("Cyrillic and Greek", [0x370...0x52F, 0x300...0x36F, 0x20...0x40]),
        ("punctuation, spaces and controls", [0x0...0x20, 0x2000...0x206F, 0x3000...0x3003, 0xFF00...0xFFEF]),
        ("other scripts", [0x900...0x97F, 0x1100...0x11FF, 0xAC00...0xAC40, 0x4E00...0x4E40, 0x1F600...0x1F64F]),
        ("ASCII, with a few controls", Array(repeating: 0x20...0x7E, count: 12) + [0x9...0x9, 0x0...0x1F, 0x7F...0x7F]),
    ]

    @Test("random text of every script, and of all of them mixed",
          arguments: [(NormalizationForm.key, nil), (.text, nil), (.text, Language.pashto)], 0...6)
    func random(form: (NormalizationForm, Language?), script: Int) throws {
        var generator = SeededRandom(seed: UInt64(script) &* 0x1234_5678 &+ 1)
        let ranges = script < Self.scripts.count ? Self.scripts[script].1 : Self.scripts.flatMap(\.1)
        var lines: [[UInt8]] = []
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                let range = ranges.randomElement(using: &generator)!
                if Int.random(in: 0..<200, using: &generator) == 0 {
                    bytes.append(0xC3)  // a byte that is not UTF-8 here
                    continue
                }
                guard let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)), scalar != "\n"
                else { continue }
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
            lines.append(bytes)
        }
        let differing = try Self.differing(lines, try Self.makeNormalizer(form.0, lang: form.1))
        let examples = differing.prefix(3).map { number in
            String(decoding: lines[number - 1], as: UTF8.self).unicodeScalars.map { String($0.value, radix: 16) }
        }
        #expect(differing.isEmpty, "\(differing.count) lines differ, as: \(examples)")
    }
}
