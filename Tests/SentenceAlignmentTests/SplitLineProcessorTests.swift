import Dispatch
import Synchronization
import Testing
import TextNormalization
@testable import SentenceAlignment

/// The processor behind `lexalign split`: paragraphs, languages, and where problems are reported.
@Suite("split line processor")
struct SplitLineProcessorTests {
    static func run(_ input: [UInt8], _ options: SplitLineProcessor.Options, firstLine: Int = 1,
                    byteOffset: Int = 0) throws -> ChunkResult {
        let processor = try SplitLineProcessor(options: options, abbreviations: try Abbreviations.builtIn())
        var result = ChunkResult()
        processor.process(LineChunk(bytes: input, firstLine: firstLine, byteOffset: byteOffset), into: &result)
        return result
    }

    @Test(arguments: [
        ("One. Two\nthree.\n\nFour\n", false, "One.\nTwo\nthree.\nFour\n"),
        ("One. Two\nthree.\n\nFour\n", true, "One.\nTwo three.\nFour\n"),
        ("\n \t\n\u{200E}\n", false, ""),
        ("\n \t\n\u{200E}\n", true, ""),
        ("a\r\nb", true, "a b\n"),
    ])
    func paragraphs(input: String, joinLines: Bool, expected: String) throws {
        let result = try SplitLineProcessorTests.run(Array(input.utf8), .init(joinLines: joinLines))
        #expect(String(decoding: result.output, as: UTF8.self) == expected)
        #expect(result.lineCount == input.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
            - (input.hasSuffix("\n") ? 1 : 0))
    }

    @Test func issuesNameTheLineTheyAreOnWhenLinesAreJoined() throws {
        let input: [UInt8] = Array("First line,\nthen a".utf8) + [0xFF] + Array(" byte.\n".utf8)
        let result = try SplitLineProcessorTests.run(input, .init(joinLines: true), firstLine: 7, byteOffset: 100)
        #expect(String(decoding: result.output, as: UTF8.self) == "First line, then a\u{FFFD} byte.\n")
        #expect(result.issues == [LineIssue(line: 8, column: 7, byteOffset: 118, severity: .warning,
                                            message: "invalid UTF-8 (0xFF) replaced by U+FFFD", ruleID: "invalid-utf8")])
    }

    @Test func theLanguageIsDecidedPerLine() throws {
        // وی. is an abbreviation (v.) in Dari only.
        let input = "پرونده روی وی. وید باقی است.\nد پرونده روی وی. وید په کې دی.\n"
        let result = try SplitLineProcessorTests.run(Array(input.utf8), .init())
        #expect(String(decoding: result.output, as: UTF8.self)
            == "پرونده روی وی. وید باقی است.\nد پرونده روی وی.\nوید په کې دی.\n")
    }

    @Test(arguments: [
        ("." as Unicode.Scalar, SentenceCharacters.Flags.period),
        ("…", .ellipsis),
        ("؟", .strongTerminator),
        ("۔", .strongTerminator),
        ("»", .closer),
        ("«", .opener),
        ("،", .continuation),
        ("\u{200E}", .ignorable),
        ("\u{00A0}", .whitespace),
        ("\u{2028}", .lineBreak),
        ("ګ", .arabicLetter),
        ("۵", .digit),
        ("é", .lowercase),
    ])
    func characterClasses(scalar: Unicode.Scalar, flag: SentenceCharacters.Flags) {
        #expect(SentenceCharacters.flags(scalar).contains(flag))
        #expect(SentenceCharacters.flags(scalar) == SentenceCharacters.flags(computedFor: scalar))
    }

    /// The table's pages, worked out when first asked about, hold what the properties say for every
    /// character of the plane (and nothing is kept beyond it), also when threads ask for the same
    /// pages at once: four readers each start at another page and go round the plane.
    @Test func keptFlagsAreTheComputedOnes() {
        let differing = Mutex<[UInt32]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { reader in
            var found: [UInt32] = []
            for step in UInt32(0)..<0x1_0100 {
                let value = (step + UInt32(reader) * 0x4000) % 0x1_0100
                guard let scalar = Unicode.Scalar(value) else { continue }
                if SentenceCharacters.flags(scalar) != SentenceCharacters.flags(computedFor: scalar) {
                    found.append(value)
                }
            }
            differing.withLock { $0 += found }
        }
        #expect(differing.withLock { $0 } == [])
    }
}
