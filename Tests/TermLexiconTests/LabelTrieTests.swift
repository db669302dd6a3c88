import TestCorpora
import Testing
@testable import TermLexicon

/// The trie walk of the exact pass: every key of the trie that the text has at the start, no
/// other, each with its payloads; the same from a trie built from keys and from one restored.
@Suite("label trie")
struct LabelTrieTests {
    /// A trie of `keys` (payload k for key k) and the same trie restored from its arrays.
    static func tries(_ keys: [[UInt16]]) -> [LabelTrie] {
        var units: [UInt16] = [], starts: [Int32] = [0]
        for key in keys {
            units += key
            starts.append(Int32(units.count))
        }
        let built = LabelTrie(units: units, starts: starts, payloads: keys.indices.map(Int32.init))
        let restored = LabelTrie(keyUnits: built.keyUnits, steps: built.steps, terminals: built.terminals,
                                 rootEdges: built.rootEdges, payloadCount: keys.count)
        return [built, restored!]
    }

    /// The keys the walk from `start` finds: each as its length and its payloads, shortest first.
    static func walk(_ trie: LabelTrie, _ text: [UInt16], from start: Int) -> [(length: Int, payloads: [Int32])] {
        var ends: [LabelTrie.LabelEnd] = []
        text.withUnsafeBufferPointer { units in
            trie.withBuffers { LabelTrie.walk($0, units.baseAddress!, count: text.count, from: start, into: &ends) }
        }
        return ends.map { end in
            (end.lastUnit - start + 1, Array(trie.payloads(after: trie.steps[Int(end.step)])).sorted())
        }
    }

    static func units(_ text: String) -> [UInt16] { Array(text.utf16) }

    @Test(arguments: [
        // (keys, text, start, expected: key lengths found, shortest first, with their payloads)
        (["kabul", "kabul university", "ka", "kandahar", "herat"], "kabul university press", 0,
         [(2, [2]), (5, [0]), (16, [1])]),
        (["kabul", "kabul university", "ka", "kandahar", "herat"], "kandahari", 0, [(2, [2]), (8, [3])]),
        (["kabul", "kabul university", "ka", "kandahar", "herat"], "to herat", 3, [(5, [4])]),
        (["kabul", "kabul university", "ka", "kandahar", "herat"], "to herat", 2, []),
        (["kabul", "kabul university", "ka", "kandahar", "herat"], "kab", 0, [(2, [2])]),
        (["kabul", "kabul university", "ka", "kandahar", "herat"], "kabul universit", 0, [(2, [2]), (5, [0])]),
        // Equal keys share their node and keep every payload.
        (["who", "who", "whom"], "whom", 0, [(3, [0, 1]), (4, [2])]),
        (["کابل", "کابل بانک"], "کابل بانک", 0, [(4, [0]), (9, [1])]),
        ([], "anything", 0, []),
    ] as [([String], String, Int, [(Int, [Int32])])])
    func walkFindsEveryKeyAtTheStart(keys: [String], text: String, start: Int, expected: [(Int, [Int32])]) {
        for trie in Self.tries(keys.map(Self.units)) {
            let found = Self.walk(trie, Self.units(text), from: start)
            #expect(found.map(\.length) == expected.map(\.0))
            #expect(found.map(\.payloads) == expected.map(\.1))
        }
    }

    /// Random keys over a small alphabet (so that keys share prefixes and nodes have many edges,
    /// above and below the eight where a node's edges are searched by halves), random texts: the
    /// walk finds exactly the keys a comparison of every key finds.
    @Test func walkAgreesWithComparingEveryKey() {
        var random = SeededRandom(seed: 13)
        for round in 0..<40 {
            let alphabet = UInt16(round % 2 == 0 ? 3 : 24)
            let keys: [[UInt16]] = (0..<Int.random(in: 1...60, using: &random)).map { _ in
                (0..<Int.random(in: 1...6, using: &random)).map { _ in
                    0x61 + UInt16.random(in: 0..<alphabet, using: &random)
                }
            }
            for trie in Self.tries(keys) {
                for _ in 0..<30 {
                    let text = (0..<Int.random(in: 1...10, using: &random)).map { _ in
                        0x61 + UInt16.random(in: 0..<alphabet, using: &random)
                    }
                    let start = Int.random(in: 0..<text.count, using: &random)
                    var expected: [Int: [Int32]] = [:]
                    for (number, key) in keys.enumerated() where text[start...].starts(with: key) {
                        expected[key.count, default: []].append(Int32(number))
                    }
                    let found = Self.walk(trie, text, from: start)
                    #expect(found.map(\.length) == expected.keys.sorted(), "\(keys) \(text) \(start)")
                    #expect(found.map(\.payloads) == expected.keys.sorted().map { expected[$0]! })
                }
            }
        }
    }

    /// Where the exact pass stops in a record: the next word start, not punctuation, from which a
    /// key is found or whose first unit may start a joined prefix (here د); `nil` for none. Places
    /// are key units: spaces are not kept, a dash is read as a space.
    @Test(arguments: [
        ("the kabul times", 0, 3, true),
        ("the kabul times", 4, nil, false),  // inside "kabul": no word start after it holds a key
        ("xkabul, kabul", 0, 7, true),  // a key inside a word is not at a word start
        ("the دکابل news", 0, 3, false),  // a joined prefix may start here
        ("-kabul", 0, 0, true),
        ("(kabul", 0, 1, true),  // punctuation is passed over
        ("", 0, nil, false),
    ] as [(String, Int, Int?, Bool)])
    func nextStart(text: String, from: Int, expected: Int?, labelEnds: Bool) throws {
        let trie = Self.tries([Self.units("kabul"), Self.units("kandahar")])[0]
        var keys = try CharacterKeys()
        var keyed = KeyedText()
        let bytes = Array(text.utf8)
        keyed.read(bytes, bytes.indices, keys: &keys)
        var ends: [LabelTrie.LabelEnd] = [LabelTrie.LabelEnd(lastUnit: 99, step: 0)]
        let found = keyed.units.withUnsafeBufferPointer { units in
            keyed.edges.withUnsafeBufferPointer { edges in
                trie.withBuffers { buffers in
                    LabelTrie.nextStart(buffers, units.baseAddress!, edges.baseAddress!, count: keyed.count, from: from,
                                        prefixStarts: [0x062F], into: &ends)
                }
            }
        }
        #expect(found.index == (expected ?? keyed.count))
        #expect(found.labelEnds == labelEnds)
        #expect(ends.map { $0.lastUnit } == (labelEnds ? [found.index + 4] : []))
    }
}
