import Foundation
import Testing
import ContentHash
import TermLexicon
import TextNormalization
@testable import SentenceAlignment

/// The reviewed documents in Alignments/: every bead file reads cleanly, pins the sentence files
/// as they are, covers every sentence once in order with the sentences' own text, and has been
/// reviewed; and the aligner still finds most of what the reviewers confirmed.
@Suite("shipped alignments")
struct ShippedAlignmentsTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Alignments"
    }()

    static let beadFiles: [(document: String, language: String)] = {
        let documents = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return documents.sorted().flatMap { document in ["prs", "ps"].map { (document, $0) } }
    }()

    static func sentences(_ path: String) throws -> [String] {
        SentenceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))).lines
    }

    @Test func threeDocumentsInThreeLanguages() throws {
        #expect(Set(Self.beadFiles.map(\.document)).count >= 3)
        for (document, _) in Self.beadFiles {
            for language in ["en", "prs", "ps"] {
                #expect(FileManager.default.fileExists(atPath: "\(Self.root)/\(document)/\(language).txt"), "\(document)/\(language).txt")
            }
        }
    }

    @Test(arguments: beadFiles.map { "\($0.document)/\($0.language)" })
    func beadFileIsConsistentAndReviewed(name: String) throws {
        let (document, language) = (String(name.split(separator: "/")[0]), String(name.split(separator: "/")[1]))
        let path = "\(Self.root)/\(document)/\(language)-en.tsv"
        let (file, diagnostics) = AlignmentFileReader.read(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let sourcePath = "\(Self.root)/\(document)/\(language).txt", targetPath = "\(Self.root)/\(document)/en.txt"
        #expect(file.source?.name == "\(language).txt")
        #expect(file.target?.name == "en.txt")
        let sourceBytes = Array(try Data(contentsOf: URL(fileURLWithPath: sourcePath)))
        let targetBytes = Array(try Data(contentsOf: URL(fileURLWithPath: targetPath)))
        #expect(file.source?.sha256 == SHA256.hex(of: sourceBytes), "stale source pin")
        #expect(file.target?.sha256 == SHA256.hex(of: targetBytes), "stale target pin")
        let source = try Self.sentences(sourcePath), target = try Self.sentences(targetPath)
        #expect(source.count >= 12 && target.count >= 12)
        #expect(file.rows.count >= 12)
        var nextSource = 0, nextTarget = 0
        for row in file.rows {
            #expect(row.bead.source.lowerBound == nextSource && row.bead.target.lowerBound == nextTarget, "line \(row.line)")
            nextSource = row.bead.source.upperBound
            nextTarget = row.bead.target.upperBound
            guard nextSource <= source.count, nextTarget <= target.count else { break }
            #expect(row.sourceText == row.bead.source.map { source[$0] }.joined(separator: " "), "line \(row.line)")
            #expect(row.targetText == row.bead.target.map { target[$0] }.joined(separator: " "), "line \(row.line)")
            #expect(row.status == .reviewed, "line \(row.line)")
        }
        #expect(nextSource == source.count && nextTarget == target.count)
        // Real translations merge, split and leave out: each file has all three.
        let shapes = Set(file.rows.map { $0.bead.shape })
        #expect(shapes.contains("1-2") && shapes.contains("2-1") && (shapes.contains("1-0") || shapes.contains("0-1")), "\(shapes)")
    }

    @Test func theAlignerFindsNineInTenReviewedBeads() throws {
        let model = try TaggingModel.load(LexiconSources.builtIn())
        var found = 0, total = 0
        for (document, language) in Self.beadFiles {
            let path = "\(Self.root)/\(document)/\(language)-en.tsv"
            let reviewed = AlignmentFileReader.read(path: path, text: try String(contentsOfFile: path, encoding: .utf8)).file.rows.map(\.bead)
            let beads = try DocumentAligner(model: model).align(
                source: try Self.sentences("\(Self.root)/\(document)/\(language).txt"), sourceLanguage: Language(code: language)!,
                target: try Self.sentences("\(Self.root)/\(document)/en.txt"), targetLanguage: .english)
            let proposed = Set(beads.map { "\($0.source):\($0.target)" })
            found += reviewed.filter { proposed.contains("\($0.source):\($0.target)") }.count
            total += reviewed.count
        }
        #expect(total > 0 && found * 10 >= total * 9, "\(found) of \(total)")
    }
}
