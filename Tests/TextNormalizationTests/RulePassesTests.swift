import Testing
@testable import TextNormalization

/// A rule file of several passes compiled pass by pass (`RulePasses`) romanises as ICU's compound
/// of the whole file does, and says where a broken rule is.
@Suite("rule passes")
struct RulePassesTests {
    static let words = ["کابل", "پښتو", "ننګرهار", "اوبه", "ایران", "آمو", "متقی", "عبدالغنی", "دری", "په", "ښځه",
                        "کندهار", "خوست", "غزنی", "ولسوالۍ", "زابل", "ستانکزی", "ۍ", "ئ", "کور", "و"]

    @Test(arguments: [RomanizationData.dariRulesPath, RomanizationData.pashtoRulesPath])
    func passesRomaniseAsTheWholeFileDoes(path: String) throws {
        let data = try RomanizationData.builtIn(keyFolding: CodeUnitMap())
        let rules = path == RomanizationData.dariRulesPath ? data.dariRules : data.pashtoRules
        #expect(rules.contains(":: Null ;"), "the shipped file has two passes")
        let passes = try RulePasses(rules: rules, name: "test-passes", path: path)
        let whole = try ICUTransliterator(rules: rules, name: "test-whole", path: path)
        for word in RulePassesTests.words {
            var a = Array(word.utf16), b = a
            var countA = a.count, countB = b.count
            try passes.transliterate(&a, count: &countA)
            try whole.transliterate(&b, count: &countB)
            #expect(Array(a[0..<countA]) == Array(b[0..<countB]), "\(word)")
        }
    }

    @Test(arguments: [
        (":: Null ;", true), ("  ::Null;", true), (":: NFC ;", false), ("$a = [ab] ;", false),
    ])
    func separators(line: String, expected: Bool) {
        #expect(RulePasses.isSeparator(line[...]) == expected)
    }

    @Test(arguments: [
        ("$boundary = [^[:L:][:M:]] ;", true), ("  $v_1 = x ;", true), ("$boundary { a > b ;", false),
        ("a > b ;", false), ("$x = [ab]", false),
    ])
    func variables(line: String, expected: Bool) {
        #expect(RulePasses.isVariable(line[...]) == expected)
    }

    /// A broken rule in the second pass is reported at its line in the file.
    @Test func errorsKeepTheirLine() {
        let rules = "$v = [ab] ;\n$v > x ;\n:: Null ;\n# pass two\nx > ;;;( ;\n"
        #expect {
            try RulePasses(rules: rules, name: "broken", path: "broken.txt")
        } throws: { error in
            String(describing: error).contains("broken.txt:5:")
        }
    }
}
