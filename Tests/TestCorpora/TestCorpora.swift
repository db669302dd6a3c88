import Foundation

/// Where the tests find text to check properties on: the project's own texts, always there, and
/// the external parallel corpora (NTREX-128, TICO-19, FLORES v1), which a clone may not have.
///
/// The corpora are looked for in `$LEXALIGN_CORPORA`, else in `../shared/corpora` beside the
/// repository. Tests over them are skipped with a visible reason when they are missing, unless
/// `LEXALIGN_REQUIRE_CORPORA=1` (CI sets it), which makes those tests run and fail instead.
public enum TestCorpora {
    /// The repository root, found from this file's path (Tests/TestCorpora/<this file>).
    public static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The corpora folder the tests read: `$LEXALIGN_CORPORA`, else `../shared/corpora`.
    public static let directory: String = {
        if let value = ProcessInfo.processInfo.environment["LEXALIGN_CORPORA"], !value.isEmpty { return value }
        return repositoryRoot + "/../shared/corpora"
    }()

    /// Whether a missing corpora folder is a failure rather than a reason to skip.
    public static let required: Bool = ProcessInfo.processInfo.environment["LEXALIGN_REQUIRE_CORPORA"] == "1"

    public static let isAvailable: Bool = {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) && isFolder.boolValue
    }()

    /// Whether tests over the corpora run: they are there, or they must be.
    public static let shouldRun = isAvailable || required

    /// The reason shown when the corpus tests are skipped.
    public static let skipReason = "no corpora at \(directory): set LEXALIGN_CORPORA to the folder holding "
        + "ntrex128/, tico19/ and flores-v1-ps/ (LEXALIGN_REQUIRE_CORPORA=1 makes this a failure)"

    /// One corpus file, by its path inside the corpora folder.
    public static func path(_ relative: String) -> String { directory + "/" + relative }

    /// The bytes of a corpus file; throws with the folder named when it cannot be read.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        let file = path(relative)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw MissingCorpus(path: file, reason: required
                ? "LEXALIGN_REQUIRE_CORPORA=1 requires the corpora; set LEXALIGN_CORPORA to their folder"
                : "set LEXALIGN_CORPORA to the corpora folder")
        }
        return [UInt8](data)
    }

    /// The bytes of a project text, by its path from the repository root.
    public static func projectBytes(_ relative: String) throws -> [UInt8] {
        let file = repositoryRoot + "/" + relative
        guard let data = FileManager.default.contents(atPath: file) else { throw MissingCorpus(path: file, reason: "a project file is missing") }
        return [UInt8](data)
    }

    /// The corpus files by language, as the property tests use them.
    public static let english = [
        "ntrex128/newstest2019-src.eng.txt", "tico19/tico19.eng.txt",
        "flores-v1-ps/wikipedia.dev.ps-en.en", "flores-v1-ps/wikipedia.devtest.ps-en.en",
    ]
    public static let dari = ["ntrex128/newstest2019-ref.prs.txt", "tico19/tico19.prs.txt"]
    public static let pashto = [
        "ntrex128/newstest2019-ref.pus.txt", "tico19/tico19.pus.txt",
        "flores-v1-ps/wikipedia.dev.ps-en.ps", "flores-v1-ps/wikipedia.devtest.ps-en.ps",
    ]
    public static let all = english + dari + pashto

    /// The project's own running text: the sentence files of every shipped alignment and the
    /// examples, by path from the repository root. Found by listing, so new documents count.
    public static let projectTexts: [String] = {
        var files: [String] = []
        let manager = FileManager.default
        let alignments = repositoryRoot + "/Alignments"
        for document in ((try? manager.contentsOfDirectory(atPath: alignments)) ?? []).sorted() {
            for name in ((try? manager.contentsOfDirectory(atPath: alignments + "/" + document)) ?? []).sorted()
            where name.hasSuffix(".txt") {
                files.append("Alignments/\(document)/\(name)")
            }
        }
        for name in ((try? manager.contentsOfDirectory(atPath: repositoryRoot + "/Examples")) ?? []).sorted()
        where name.hasSuffix(".txt") {
            files.append("Examples/\(name)")
        }
        return files
    }()

    /// The language of a project text from its file name (`prs.txt`, `ps.txt`), else nil (mixed).
    public static func projectLanguageCode(_ relative: String) -> String? {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        switch name {
        case "en.txt": return "en"
        case "prs.txt": return "prs"
        case "ps.txt": return "ps"
        default: return nil
        }
    }
}

/// A text file a test needed and could not read.
public struct MissingCorpus: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot read \(path): \(reason)" }
}
