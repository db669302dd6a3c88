import BuiltInModel
import LexiconData
@testable import TermLexicon
import TestCorpora
import Testing

/// The compiled model as bytes (TaggingModel+Archive): what the build writes for the built-in
/// lexicon and what `lexalign` reads back at start-up must be the model compiling the files makes.
@Suite struct ModelArchiveTests {
    static let compiled = try! TaggingModel.load(LexiconSources.builtIn())

    /// Rows: a count group, then groups of six bytes (digit `i` is `0` plus bits `6i..<6i+6`).
    @Test("archive text", arguments: [
        ("00000000", [UInt8]?.some([])), ("1000000010000000", [0x01]), ("20000000o3000000", [0xFF, 0x00]),
        ("60000000oooooooo", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        ("70000000oooooooo1000000", nil),
        ("70000000oooooooo10000000", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        // Not an archive text: empty, a length that is not a multiple of eight, a count the length
        // does not match, a byte that is not a digit (in the count, in a group: below `0`, above
        // `o`, a quote, a byte over 0x7F) at each place of a group.
        ("", nil), ("0000000", nil), ("10000000", nil), ("0000000010000000", nil), ("20000000100000001000000", nil),
        ("1000000/10000000", nil), ("10000000p0000000", nil), ("100000000/000000", nil), ("1000000010\"00000", nil),
        ("10000000100\u{0}0000", nil), ("1000000010000\u{7F}00", nil), ("10000000100000\u{FF}", nil),
        ("100000001000000~", nil),
    ] as [(String, [UInt8]?)])
    func archiveText(text: String, bytes: [UInt8]?) {
        #expect(ArchiveText.decode(Array(text.utf8)) == bytes)
        if let bytes { #expect(ArchiveText.encode(bytes) == text) }
    }

    @Test func archiveTextRoundTripsEveryLength() {
        var random = SeededRandom(seed: 7)
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let text = ArchiveText.encode(bytes)
            #expect(ArchiveText.decode(Array(text.utf8)) == bytes, "length \(length)")
            #expect(ArchiveText.decode(text) == bytes, "length \(length), read in place")
            #expect(text.utf8.allSatisfy { (0x30...0x6F).contains($0) })
        }
    }

    /// A restored model writes the same bytes and finds the same mentions as the compiled one, its
    /// fuzzy mentions from restored tables.
    @Test func builtInLexiconRoundTrips() throws {
        let lists = try FuzzyWordLists.builtIn()
        let bytes = Self.compiled.archived(lexiconDigest: "digest", wordLists: lists)
        let tables = try Self.compiled.archivedFuzzyTables(lexiconDigest: "digest")
        let restored = try TaggingModel.restored(from: bytes, lexiconDigest: "digest")
        restored.adoptFuzzyTables(text: ArchiveText.encode(tables), lexiconDigest: "digest")
        #expect(restored.archived(lexiconDigest: "digest", wordLists: lists) == bytes)
        #expect(try restored.archivedFuzzyTables(lexiconDigest: "digest") == tables)
        let compiledFinder = try Self.compiled.makeFinder(), restoredFinder = try restored.makeFinder()
        let options = MatchOptions(fuzzyMinimum: FuzzyLevel.default.minimumScore)
        var lines = 0
        for file in TestCorpora.projectTexts {
            let text = String(decoding: try TestCorpora.projectBytes(file), as: UTF8.self)
            for line in text.split(separator: "\n") {
                let line = String(line)
                #expect(tag(line, with: restoredFinder, options: options) == tag(line, with: compiledFinder, options: options),
                        "\(file): \(line)")
                lines += 1
            }
        }
        #expect(lines > 100)
        for id in ["place:kabul", "person:amir-khan-muttaqi", "org:iskp"] {
            let entity = try #require(Self.compiled.entityIndex[id])
            #expect(restored.broaderChain(of: Int(entity)) == Self.compiled.broaderChain(of: Int(entity)))
            #expect(restored.prefLabel(of: Int(entity), in: "prs") == Self.compiled.prefLabel(of: Int(entity), in: "prs"))
        }
    }

    /// Fuzzy tables that are not this lexicon's, or damaged, are not read: the model builds its own.
    @Test("fuzzy tables that do not fit", arguments: ["other digest", "damaged", "not an archive text"])
    func fuzzyTablesThatDoNotFit(kind: String) throws {
        let tables = try Self.compiled.archivedFuzzyTables(lexiconDigest: "digest")
        var text = ArchiveText.encode(tables), digest = "digest"
        switch kind {
        case "other digest": digest = "other"
        case "damaged":
            var damaged = tables
            damaged[damaged.count / 2] ^= 0x5A
            text = ArchiveText.encode(damaged)
        default: text = "not an archive text!"
        }
        let model = try TaggingModel.load(LexiconSources.builtIn())
        model.adoptFuzzyTables(text: text, lexiconDigest: digest)
        #expect(try model.archivedFuzzyTables(lexiconDigest: "digest") == tables)
    }

    /// The archive is used only for the files and the ICU it was made with, and whole.
    @Test func mismatchesAreRefused() {
        let bytes = Self.compiled.archived(lexiconDigest: "digest")
        func outcome(_ bytes: [UInt8], digest: String = "digest") -> TaggingModel.ArchiveMismatch? {
            do {
                _ = try TaggingModel.restored(from: bytes, lexiconDigest: digest)
                return nil
            } catch {
                return error
            }
        }
        #expect(outcome(bytes) == nil)
        #expect(outcome(bytes, digest: "other") == .otherLexicon)
        #expect(outcome([]) == .unreadable)
        #expect(outcome(Array("LXMODEX".utf8) + bytes.dropFirst(7)) == .unreadable)
        // The format version after the magic.
        var otherFormat = bytes
        otherFormat[7] &+= 1
        #expect(outcome(otherFormat) == .unreadable)
        // Cut anywhere, or followed by more bytes.
        for cut in [8, 20, 100, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(outcome(Array(bytes.prefix(cut))) == .unreadable, "cut at \(cut)")
        }
        #expect(outcome(bytes + [0]) == .unreadable)
    }

    /// The checksum, read eight bytes at a time: any one byte changed, in a whole word or in the
    /// bytes after the last, changes it; a slice counts from its own start; no bytes is the basis.
    @Test(arguments: [0, 1, 7, 8, 9, 23, 24, 29])
    func checksumSeesEveryByte(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let sum = ArchiveWriter.checksum(bytes[...])
        for at in 0..<length {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var changed = bytes
                changed[at] ^= flip
                #expect(ArchiveWriter.checksum(changed[...]) != sum, "byte \(at) ^ \(flip)")
            }
        }
        #expect(ArchiveWriter.checksum(([0xAA, 0xBB, 0xCC] + bytes)[3...]) == sum)
        if length == 0 { #expect(sum == 0xcbf2_9ce4_8422_2325) }
    }

    /// Records are stored column by column; columns of one kind of record that disagree in length
    /// are refused, even in an archive whose checksum holds (what a writer's bug would make): here
    /// the trie steps' second column loses its last entry, for the model, and the entries' entity
    /// column for the fuzzy tables.
    @Test(arguments: ["model", "fuzzy tables"])
    func columnsOfUnequalLengthAreRefused(archive: String) throws {
        let digest = "digest"
        let sealed = archive == "model" ? Self.compiled.archived(lexiconDigest: digest)
            : try Self.compiled.archivedFuzzyTables(lexiconDigest: digest)
        var bytes = Array(sealed.dropLast(8))
        func count(at offset: Int) -> Int {
            (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        // Past the magic, the format and the two strings (the files' digest and ICU's version).
        var offset = 7 + 4
        for _ in 0..<2 { offset += 4 + count(at: offset) }
        // The model: key units, then the steps' first column, then their second (two bytes each).
        // The fuzzy tables: the entries' payload column, then their entity column (four bytes each).
        let width = archive == "model" ? 2 : 4
        if archive == "model" { offset += 4 + 2 * count(at: offset) }
        let first = count(at: offset)
        offset += 4 + width * first
        #expect(count(at: offset) == first)
        let shorter = first - 1
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: shorter >> (8 * index)) }
        bytes.removeSubrange((offset + 4 + width * shorter)..<(offset + 4 + width * first))
        let resealed = ArchiveWriter.sealed(bytes)
        if archive == "model" {
            #expect(throws: TaggingModel.ArchiveMismatch.unreadable) {
                try TaggingModel.restored(from: resealed, lexiconDigest: digest)
            }
        } else {
            let model = try TaggingModel.load(LexiconSources.builtIn())
            let payloads = model.payloads.count, entities = model.entityTypes.count
            let lists = try FuzzyWordLists.builtIn()
            #expect(throws: TaggingModel.ArchiveMismatch.unreadable) {
                try FuzzyIndex.Tables.restored(from: resealed, lexiconDigest: digest, payloads: payloads,
                                               entities: entities, lists: lists)
            }
            #expect(try FuzzyIndex.Tables.restored(from: sealed, lexiconDigest: digest, payloads: payloads,
                                                   entities: entities, lists: lists).entries.count == first)
        }
    }

    /// A damaged archive is refused (its checksum), never half read.
    @Test func damagedArchivesAreRefused() {
        let bytes = Self.compiled.archived(lexiconDigest: "digest")
        var random = SeededRandom(seed: 11)
        for _ in 0..<100 {
            var damaged = bytes
            let at = Int(random.next() % UInt64(bytes.count))
            damaged[at] ^= UInt8(truncatingIfNeeded: random.next() % 255 + 1)
            #expect(throws: TaggingModel.ArchiveMismatch.unreadable) {
                try TaggingModel.restored(from: damaged, lexiconDigest: "digest")
            }
        }
    }

    /// What the build compiled into the binary is read back, and is the model of the embedded files.
    /// It carries the built-in fuzzy word lists' hashes too, as keying the lists' words makes them,
    /// and the fuzzy pass's tables come with it.
    @Test func builtInModelComesFromTheBuild() throws {
        let (model, origin) = try BuiltInModel.loadWithOrigin()
        #expect(origin == .archive)
        let lists = try FuzzyWordLists(frequentWords: EmbeddedLexicon.files[FuzzyWordLists.frequentWordsPath] ?? "",
                                       headNouns: EmbeddedLexicon.files[FuzzyWordLists.headNounsPath] ?? "")
        #expect(!lists.frequentWordHashes.isEmpty && !lists.headNounHashes.isEmpty)
        let expected = Self.compiled.archived(lexiconDigest: EmbeddedLexicon.digest, wordLists: lists)
        #expect(ArchiveText.decode(Array(BuiltInModel.archiveText.utf8)) == expected)
        #expect(model.archived(lexiconDigest: EmbeddedLexicon.digest, wordLists: lists) == expected)
        let tables = try Self.compiled.archivedFuzzyTables(lexiconDigest: EmbeddedLexicon.digest)
        #expect(ArchiveText.decode(Array(BuiltInModel.fuzzyTablesText.utf8)) == tables)
        #expect(try model.archivedFuzzyTables(lexiconDigest: EmbeddedLexicon.digest) == tables)
    }

    /// Word lists go through the archive whole.
    @Test func wordListsRoundTrip() throws {
        let lists = try FuzzyWordLists.builtIn()
        let bytes = Self.compiled.archived(lexiconDigest: "digest", wordLists: lists)
        let restored = try TaggingModel.restored(from: bytes, lexiconDigest: "digest")
        #expect(restored.archived(lexiconDigest: "digest", wordLists: lists) == bytes)
        #expect(bytes.count > Self.compiled.archived(lexiconDigest: "digest").count + 8 * lists.frequentWordHashes.count)
    }
}
