import Testing
@testable import TextNormalization

/// The romaniser's word map against a `Dictionary` doing the same: words that share prefixes,
/// the empty word, enough words to grow the index several times, and forgetting everything.
@Suite("word map")
struct WordMapTests {
    @Test(arguments: [
        ([["کابل"], ["کابل", "کابلی"], ["", "a"]], 0),
        ([(0..<3000).map { "w\($0)" }], 1),
        ([(0..<50).map { String(repeating: "ب", count: $0) }], 2),
    ])
    func agreesWithADictionary(groups: [[String]], seed: Int) {
        var map = WordMap()
        var reference: [[UInt16]: [UInt16]] = [:]
        for group in groups {
            for word in group {
                let units = Array(word.utf16)
                let hash = WordMap.hash(units[...])
                #expect((map.find(units[...], hash: hash) != nil) == (reference[units] != nil), "\(word)")
                if reference[units] == nil {
                    let value = Array("\(word.count)-\(seed)".utf16)
                    map.insert(units[...], hash: hash, value: value)
                    reference[units] = value
                }
            }
        }
        #expect(map.count == reference.count)
        for (key, value) in reference {
            let found = map.find(key[...], hash: WordMap.hash(key[...]))
            #expect(found.map { Array(map.value($0)) } == value)
        }
        map.removeAll()
        #expect(map.count == 0)
        for key in reference.keys { #expect(map.find(key[...], hash: WordMap.hash(key[...])) == nil) }
    }
}
