import Foundation
import Testing
@testable import TextNormalization

/// The segment tables kept in the source (`KeptSegmentTables`) must be the tables built from the
/// running ICU and the orthography rules; when they are not, the test fails and, run with
/// `LEXALIGN_KEPT_TABLES_OUT=FILE`, writes their file's new text there.
@Suite("segment tables kept in the source")
struct SegmentTableRunsTests {
    typealias Built = (key: SegmentTable, dari: SegmentTable, pashto: SegmentTable)

    /// The default options' tables built now: the key form's, the text form's for Dari and Pashto.
    static func builtTables() throws -> Built {
        let key = try NormalizationContext(options: NormalizationOptions(form: .key))
        let text = try NormalizationContext(options: NormalizationOptions(form: .text))
        return (try #require(key.builtSegmentTable(for: .undetermined)),
                try #require(text.builtSegmentTable(for: .dari)),
                try #require(text.builtSegmentTable(for: .pashto)))
    }

    /// With the ICU they were made with (the project's, 72.1), the kept tables must be the ones
    /// built now, and are what a normaliser of the default options reads; with another ICU they are
    /// not read at all, so whatever that ICU answers is what the tables say.
    @Test func keptTablesAreTheBuiltOnes() throws {
        let built = try Self.builtTables()
        let sameICU = KeptSegmentTables.icu == ICUVersion.icu && KeptSegmentTables.unicode == ICUVersion.unicode
        let same = zip([KeptSegmentTables.key, KeptSegmentTables.dari, KeptSegmentTables.pashto],
                       [built.key, built.dari, built.pashto]).allSatisfy { kept, table in
            kept.runs == table.runs && kept.pool == table.pool
        }
        if !(sameICU && same), let path = ProcessInfo.processInfo.environment["LEXALIGN_KEPT_TABLES_OUT"] {
            try Self.source(built).write(toFile: path, atomically: true, encoding: .utf8)
        }
        for (form, slot, table) in [(NormalizationForm.key, Language.undetermined, built.key),
                                    (.text, .dari, built.dari), (.text, .pashto, built.pashto)] {
            let digits = NormalizationOptions(form: form).effectiveDigits
            let read = KeptSegmentTables.table(form: form, digits: digits, slot: slot)
            if sameICU {
                let isBuilt = read == table
                #expect(isBuilt, "\(form) \(slot)")
            } else {
                #expect(read == nil, "\(form) \(slot): read with ICU \(ICUVersion.icu)")
            }
        }
        #expect(!sameICU || same,
                "KeptSegmentTables+Data.swift is stale: run with LEXALIGN_KEPT_TABLES_OUT=FILE to write it anew")
        // Other options build their own.
        #expect(KeptSegmentTables.table(form: .key, digits: .keep, slot: .undetermined) == nil)
        #expect(KeptSegmentTables.table(form: .text, digits: .ascii, slot: .dari) == nil)
        #expect(KeptSegmentTables.table(form: .latin, digits: .ascii, slot: .undetermined) == nil)
    }

    @Test func runsRoundTrip() throws {
        let built = try Self.builtTables()
        for table in [built.key, built.dari, built.pashto] {
            let same = SegmentTable(runs: table.runs, pool: table.pool, readsDecodedLines: table.readsDecodedLines)
                == table
            #expect(same)
            #expect(table.entries.count(where: { $0 != 0 }) > 1_000)
        }
        #expect(built.key.writesASCIILettersInLowerCase && !built.key.writesASCIIAsItself)
        #expect(built.dari.writesASCIIAsItself && built.pashto.writesASCIIAsItself)
    }

    /// Runs that are not a table's, and the entries others read as (unit, raw entry).
    @Test(arguments: [
        ([], [], [(Int, UInt32)]?.some([])),
        ([0x0041_0041, .max], [], [(0x41, 0x4105)]),
        ([0x0020_0021, 2], [], [(0x20, 2), (0x21, 2)]),
        ([0x0628_0628, .max, 0x0629_0629, 0xA8D8_09], [], [(0x0628, 0xA8D809), (0x0629, 0xA8D809)]),
        ([0x0041_0041, 7], [0x61], [(0x41, 7)]),
        // An odd count, a run ending before it starts, runs out of order or overlapping, a
        // surrogate written as itself, a pooled entry past the pool.
        ([0x0041_0041], [], nil), ([0x0042_0041, 2], [], nil), ([0x0042_0042, 2, 0x0041_0041, 2], [], nil),
        ([0x0041_0042, 2, 0x0042_0043, 2], [], nil), ([0xD800_D800, .max], [], nil), ([0x0041_0041, 7], [], nil),
        ([0x0041_0041, 0x0000_040F], [0x61, 0x62, 0x63, 0x64, 0x65, 0x66], nil),
    ] as [([UInt32], [UInt8], [(Int, UInt32)]?)])
    func reads(_ runs: [UInt32], _ pool: [UInt8], _ expected: [(Int, UInt32)]?) {
        let read = SegmentTable(runs: runs, pool: pool, readsDecodedLines: false).map { table in
            table.entries.indices.filter { table.entries[$0] != 0 }.map { "\($0):\(table.entries[$0])" }
        }
        #expect(read == expected.map { $0.map { "\($0.0):\($0.1)" } })
    }

    /// KeptSegmentTables+Data.swift as it should read for `built`: six words (three runs) a line.
    static func source(_ built: Built) -> String {
        func hex(_ value: UInt32, width: Int) -> String { SourceTableTests.hex(Int(value), width: width) }
        func kept(_ table: SegmentTable) -> String {
            let runs = table.runs, pool = table.pool
            var lines = ["Kept(runs: ["]
            for start in stride(from: 0, to: runs.count, by: 6) {
                let words = runs[start..<min(start + 6, runs.count)].enumerated().map { offset, word in
                    offset % 2 == 0 ? "0x" + hex(word >> 16, width: 4) + "_" + hex(word & 0xFFFF, width: 4)
                                    : word == SegmentTable.writtenAsItself ? ".max" : "0x" + hex(word, width: 8)
                }
                lines.append("        " + words.joined(separator: ", ") + ",")
            }
            lines.append("    ], pool: [")
            for start in stride(from: 0, to: pool.count, by: 16) {
                lines.append("        " + pool[start..<min(start + 16, pool.count)]
                    .map { "0x" + hex(UInt32($0), width: 2) }.joined(separator: ", ") + ",")
            }
            lines.append("    ])")
            return lines.joined(separator: "\n")
        }
        return """
            // Written by SegmentTableRunsTests; do not edit (see KeptSegmentTables.swift).
            extension KeptSegmentTables {
                static let icu = "\(ICUVersion.icu)"
                static let unicode = "\(ICUVersion.unicode)"
                static let key = \(kept(built.key))
                static let dari = \(kept(built.dari))
                static let pashto = \(kept(built.pashto))
            }

            """
    }
}
