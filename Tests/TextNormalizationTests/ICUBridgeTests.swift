import Testing
@testable import TextNormalization

@Suite("ICU bridge")
struct ICUBridgeTests {
    @Test func versionsComeFromTheLinkedLibrary() {
        #expect(ICUVersion.icu.split(separator: ".").allSatisfy { Int($0) != nil })
        #expect(Int(ICUVersion.icu.split(separator: ".")[0])! >= 60)
        #expect(ICUVersion.unicode.split(separator: ".").count >= 2)
    }

    @Test(arguments: [
        (ICUNormalizer.Kind.nfc, "e\u{301}", "\u{E9}"),
        (.nfc, "\u{FEDB}\u{FE8E}", "\u{FEDB}\u{FE8E}"),  // presentation forms survive NFC
        (.nfkc, "\u{FEDB}\u{FE8E}", "\u{0643}\u{0627}"),  // ... and become letters under NFKC
        (.nfkc, "\u{FF29}\u{FF33}\u{FF2B}", "ISK"),
        (.nfkcCasefold, "ISK", "isk"),
        (.nfkcCasefold, "Stra\u{DF}e", "strasse"),
        (.nfkcCasefold, "\u{0645}\u{06CC}\u{200C}\u{0631}\u{0648}\u{062F}", "\u{0645}\u{06CC}\u{0631}\u{0648}\u{062F}"),
    ])
    func normalizers(kind: ICUNormalizer.Kind, input: String, expected: String) throws {
        #expect(try ICUNormalizer(kind).normalize(input) == expected)
    }

    @Test func filteredNormalizerLeavesCharactersOutsideTheFilter() throws {
        let normalizer = try ICUNormalizer(.nfkc, onlyIn: "[^[:Decomposition_Type=Super:]]")
        #expect(try normalizer.normalize("x\u{B2} \u{FF21}") == "x\u{B2} A")
    }

    @Test func normalizerGrowsItsOutputBuffer() throws {
        // U+FDFA expands to 18 code units: far more than the buffer the first call allocates.
        let input = [UInt16](repeating: 0xFDFA, count: 40)
        var output: [UInt16] = []
        let count = try ICUNormalizer(.nfkc).normalize(input, count: input.count, into: &output)
        #expect(count == 18 * 40)
    }

    @Test func systemTransliterator() throws {
        #expect(try ICUTransliterator(id: "Latin-ASCII").transliterate("Mazār-i-Sharīf, Ürümqi") == "Mazar-i-Sharif, Urumqi")
    }

    @Test func ruleTransliteratorAndItsClone() throws {
        let rules = "# letters\nک > k ;\nا > a ;\nب > b ;\nل > l ;\n"
        let transliterator = try ICUTransliterator(rules: rules, name: "Test-Latn", path: "test.txt")
        #expect(try transliterator.transliterate("کابل") == "kabl")
        #expect(try transliterator.clone().transliterate("بابا") == "baba")
    }

    @Test func ruleSyntaxErrorNamesLineAndColumn() throws {
        let rules = "# a comment\nک > k ;\nا > a\nب > [b ;\n"
        #expect {
            _ = try ICUTransliterator(rules: rules, name: "Broken-Latn", path: "Lexicons/broken.txt")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.location.path == "Lexicons/broken.txt" && diagnostic.location.line >= 3
                && diagnostic.ruleID == "transform-rule-syntax" && diagnostic.severity == .error
        }
    }

    @Test(arguments: [
        // Plain ICU breaks after "Mr."; the suppression list of `@ss=standard` knows the title
        // (ICU 72's list lacks "Dr.", which sentence splitting has to add itself).
        ("en", "Mr. Smith arrived in Kabul. He met officials! Did they agree?", 4),
        ("en@ss=standard", "Mr. Smith arrived in Kabul. He met officials! Did they agree?", 3),
        ("fa_AF", "طالبان گفتند که مذاکره ادامه دارد. آیا توافق می‌شود؟ هنوز معلوم نیست.", 3),
        ("ps", "طالبانو وویل چې خبرې روانې دي. ایا جوړجاړی کېږي؟", 2),
    ])
    func sentenceBreaks(locale: String, text: String, sentences: Int) throws {
        let segments = try ICUBreakIterator(.sentence, locale: locale).segments(of: text)
        #expect(segments.count == sentences)
        #expect(segments.map(\.text).joined() == text)
    }

    @Test func wordBreaksMarkWordsAndPunctuation() throws {
        let segments = try ICUBreakIterator(.word, locale: "fa_AF").segments(of: "امیر خان متقی، وزیر.")
        #expect(segments.filter(\.isWord).map(\.text) == ["امیر", "خان", "متقی", "وزیر"])
    }

    @Test(arguments: [
        ("Kabul", ICUSpoofChecker.Findings()),
        ("K\u{0430}bul", ICUSpoofChecker.Findings.mixedScript),  // Cyrillic а
        ("کابل", ICUSpoofChecker.Findings()),
        ("کابلKabul", ICUSpoofChecker.Findings.mixedScript),
        ("۱۲3", ICUSpoofChecker.Findings.mixedNumbers),
    ])
    func spoofChecks(label: String, expected: ICUSpoofChecker.Findings) throws {
        #expect(try ICUSpoofChecker().check(label) == expected)
    }

    @Test func confusables() throws {
        let checker = try ICUSpoofChecker()
        #expect(try checker.areConfusable("Kabul", "K\u{0430}bul"))
        #expect(try checker.areConfusable("Kabul", "Kandahar") == false)
        #expect(try checker.skeleton("K\u{0430}bul") == checker.skeleton("Kabul"))
    }

    @Test func scriptProperties() {
        #expect(UnicodeProperties.scriptCode(of: "ک") == "Arab")
        #expect(UnicodeProperties.scriptCode(of: "K") == "Latn")
        #expect(UnicodeProperties.scriptCode(of: "\u{0430}") == "Cyrl")
        #expect(UnicodeProperties.isAlphabetic("ښ"))
        #expect(!UnicodeProperties.isAlphabetic("،"))
    }
}
