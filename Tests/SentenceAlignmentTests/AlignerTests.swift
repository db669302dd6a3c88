import Foundation
import Testing
import TestCorpora
import TermLexicon
import TextNormalization
@testable import SentenceAlignment

@Suite struct ConsonantSkeletonTests {
    @Test(arguments: [
        ("Mashwani", "mSn"), ("mushwani", "mSn"), ("mashwanay", "mSn"),
        ("Muttaqi", "mtk"), ("Mateqi", "mtk"), ("Motaqi", "mtk"),
        ("Kabulov", "kblf"), ("Pakistan", "pkstn"), ("Khorasan", "Krsn"), ("Ghazni", "Gzn"),
        ("Zhob", "Jb"), ("Thomas", "tms"), ("aeiou", ""),
    ])
    func skeleton(word: String, expected: String) {
        #expect(String(decoding: ConsonantSkeleton.of(Array(word.utf8)), as: UTF8.self) == expected)
    }
}

@Suite struct FeatureExtractorTests {
    static let model = try! TaggingModel.load(LexiconSources.builtIn())

    static func anchors(_ sentence: String, _ language: Language) throws -> [String] {
        var table = AnchorTable()
        let features = try FeatureExtractor(language: language, model: model).features(of: sentence, anchors: &table)
        return features.anchors.map { table.names[Int($0)] }.sorted()
    }

    // Numbers agree across digit systems and separators; entities become their IDs.
    @Test(arguments: [
        ("In 2024, 1,200 people crossed at Torkham?", Language.english,
         ["e:place:torkham", "n:1200", "n:2024", "p:?", "s:krsd", "s:ppl", "s:trKm", "w:at", "w:crossed", "w:in", "w:people", "w:torkham"]),
        ("در سال ۲۰۲۴، ۱٬۲۰۰ تن از تورخم عبور کردند؟", .dari, ["e:place:torkham", "n:1200", "n:2024", "p:?"]),
        ("It rose 3.5 percent, not 35.", .english, ["n:3.5", "n:35", "s:prknt", "w:it", "w:not", "w:percent", "w:rose"]),
    ])
    func anchors(sentence: String, language: Language, expected: [String]) throws {
        // Skeletons of Dari words depend on the romanisation rules: compare the other classes.
        let found = try Self.anchors(sentence, language).filter { language == .english || !$0.hasPrefix("s:") }
        #expect(found == expected)
    }

    @Test func lengthsLeaveOutSpacesAndCountWords() throws {
        var table = AnchorTable()
        let features = try FeatureExtractor(language: .english, model: nil).features(of: "Two  words", anchors: &table)
        #expect(features.length == 8)
        #expect(features.words == 2)
    }
}

@Suite struct SentenceAlignerTests {
    static func lengths(_ values: [Int]) -> [SentenceFeatures] {
        values.map { SentenceFeatures(length: $0, words: max(1, $0 / 6)) }
    }

    static func shapes(_ source: [Int], _ target: [Int]) -> [String] {
        SentenceAligner().align(source: lengths(source), target: lengths(target), anchors: AnchorTable(),
                                model: .fitted(source: .english, target: .english))
            .map { "\($0.source.lowerBound):\($0.shape)" }
    }

    // Lengths alone: merges, splits and a dropped sentence where the lengths leave no doubt.
    @Test(arguments: [
        ([40, 60, 30, 50], [40, 60, 30, 50], ["0:1-1", "1:1-1", "2:1-1", "3:1-1"]),
        ([40, 60, 30, 50], [40, 91, 50], ["0:1-1", "1:2-1", "3:1-1"]),
        ([40, 90, 50], [40, 62, 29, 50], ["0:1-1", "1:1-2", "2:1-1"]),
        ([40, 120, 35, 50], [40, 35, 50], ["0:1-1", "1:1-0", "2:1-1", "3:1-1"]),
        ([], [30, 40], ["0:0-1", "0:0-1"]),
        ([30], [], ["0:1-0"]),
    ])
    func lengthOnly(source: [Int], target: [Int], expected: [String]) {
        #expect(Self.shapes(source, target) == expected)
    }

    @Test func anchorsDecideWhereLengthsCannot() {
        // Three sentences of one length on each side; the middle source sentence has no
        // counterpart, which only the anchors show (its number is on no target sentence).
        var table = AnchorTable()
        let a = table.id("n:1919"), b = table.id("n:2021"), c = table.id("e:place:kabul"), d = table.id("n:7")
        let source = [SentenceFeatures(length: 50, words: 9, anchors: [a]), SentenceFeatures(length: 50, words: 9, anchors: [d]),
                      SentenceFeatures(length: 50, words: 9, anchors: [b]), SentenceFeatures(length: 50, words: 9, anchors: [c])]
        let target = [SentenceFeatures(length: 50, words: 9, anchors: [a]), SentenceFeatures(length: 50, words: 9, anchors: [b]),
                      SentenceFeatures(length: 50, words: 9, anchors: [c])]
        let beads = SentenceAligner().align(source: source, target: target, anchors: table, model: .fitted(source: .english, target: .english))
        #expect(beads.map { "\($0.source):\($0.target)" } == ["0..<1:0..<1", "1..<2:1..<1", "2..<3:1..<2", "3..<4:2..<3"])
        #expect(beads[0].score > 0.9)
        #expect(beads[1].score == 0)
    }

    @Test func longDocumentsRecurseThroughBandedCoarsePasses() {
        // 6,000 sentences forced through the banded search at every level: before blocks were
        // capped at 16 sentences, the band grew with the document (a 10 MB line ran out of memory).
        var parameters = AlignerParameters()
        parameters.exactCellLimit = 0
        let lengths = (0..<6_000).map { 20 + ($0 * 37) % 90 }
        let beads = SentenceAligner(parameters: parameters).align(
            source: Self.lengths(lengths), target: Self.lengths(lengths), anchors: AnchorTable(),
            model: .fitted(source: .english, target: .english))
        #expect(beads.count == 6_000)
        #expect(beads.allSatisfy { $0.source.count == 1 && $0.source == $0.target })
    }

    @Test func everySentenceOnceInOrder() {
        let beads = SentenceAligner().align(source: Self.lengths([12, 80, 33, 5, 61, 47, 90, 8]), target: Self.lengths([70, 30, 66, 40, 12, 100]),
                                            anchors: AnchorTable(), model: .fitted(source: .dari, target: .english))
        var source = 0, target = 0
        for bead in beads {
            #expect(bead.source.lowerBound == source && bead.target.lowerBound == target)
            #expect((0...1).contains(bead.score))
            source = bead.source.upperBound
            target = bead.target.upperBound
        }
        #expect(source == 8 && target == 6)
    }
}

/// The banded search on long documents finds what the exact search finds: on the project's
/// three reviewed documents run together (always), and on 2,000 NTREX sentences (when the corpora
/// are there, see `TestCorpora`).
@Suite struct BandedSearchTests {
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    @Test func bandAgreesWithExactSearchOnTheShippedDocuments() throws {
        let documents = TestCorpora.projectTexts.filter { $0.hasPrefix("Alignments/") }
        let english = try documents.filter { $0.hasSuffix("/en.txt") }.flatMap { Self.lines(try TestCorpora.projectBytes($0)) }
        let dari = try documents.filter { $0.hasSuffix("/prs.txt") }.flatMap { Self.lines(try TestCorpora.projectBytes($0)) }
        try #require(english.count > 40 && dari.count > 40)
        // Blocks of four, so the coarse pass has something to decide on fifty sentences.
        try Self.compare(english: english, dari: dari, blockSize: 4)
    }

    @Test(.enabled(if: TestCorpora.shouldRun, Comment(rawValue: TestCorpora.skipReason)))
    func bandAgreesWithExactSearchOnTwoThousandSentences() throws {
        var english = Self.lines(try TestCorpora.bytes("ntrex128/newstest2019-src.eng.txt"))
        var dari = Self.lines(try TestCorpora.bytes("ntrex128/newstest2019-ref.prs.txt"))
        // Drop every 97th English and every 89th Dari sentence, so the path leaves the diagonal.
        english = english.enumerated().filter { $0.offset % 97 != 50 }.map(\.element)
        dari = dari.enumerated().filter { $0.offset % 89 != 30 }.map(\.element)
        try Self.compare(english: english, dari: dari, blockSize: 4)
        try Self.compare(english: english, dari: dari, blockSize: 10)
    }

    static func compare(english: [String], dari: [String], blockSize: Int) throws {
        var exact = AlignerParameters()
        exact.exactCellLimit = Int.max
        var banded = AlignerParameters()
        banded.exactCellLimit = 0
        banded.coarseBlockSize = blockSize
        let model = try TaggingModel.load(LexiconSources.builtIn())
        let full = try DocumentAligner(model: model, parameters: exact).align(source: dari, sourceLanguage: .dari, target: english, targetLanguage: .english)
        let band = try DocumentAligner(model: model, parameters: banded).align(source: dari, sourceLanguage: .dari, target: english, targetLanguage: .english)
        let differing = Set(full.map { "\($0.source):\($0.target)" }).symmetricDifference(band.map { "\($0.source):\($0.target)" })
        #expect(differing.count <= full.count / 200, "\(differing.count) of \(full.count) beads differ")
    }
}
