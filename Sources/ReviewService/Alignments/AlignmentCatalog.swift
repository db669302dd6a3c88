import FoundationEssentials
import ProjectFiles

/// The bead files under `ROOT/Alignments`: `DOCUMENT/PAIR.tsv`, where PAIR names the two
/// languages (`prs-en`). Names from a URL are checked before they become paths, and a file is used
/// only when it resolves (through any symbolic link) to a regular file inside that folder.
struct AlignmentCatalog: Sendable {
    /// ROOT without trailing slashes ("/" stays "/").
    let root: String

    init(root: String) {
        var trimmed = root
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    var folder: String { root == "/" ? "/Alignments" : root + "/Alignments" }

    struct Entry: Sendable, Equatable {
        var document: String
        var pair: String
        /// Where the bead file is read and written.
        var file: String
        /// The path shown to clients: relative to ROOT (`Alignments/DOCUMENT/PAIR.tsv`), so answers
        /// do not show where the server's folders are.
        var path: String
    }

    /// `path` relative to ROOT when it lies under it (the paths of findings).
    func shown(_ path: String) -> String {
        let prefix = root == "/" ? "/" : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Every document and pair, sorted.
    func entries() -> [Entry] {
        let manager = FileManager.default
        guard let documents = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        var found: [Entry] = []
        for document in documents.sorted() where Self.isDocumentName(document) {
            guard let files = try? manager.contentsOfDirectory(atPath: folder + "/" + document) else { continue }
            for file in files.sorted() where file.hasSuffix(".tsv") {
                let pair = String(file.dropLast(4))
                if let entry = entry(document: document, pair: pair) { found.append(entry) }
            }
        }
        return found
    }

    /// The entry of `document`/`pair` when both names are valid and the file is a regular file
    /// inside the Alignments folder.
    func entry(document: String, pair: String) -> Entry? {
        guard Self.isDocumentName(document), Self.isPairName(pair) else { return nil }
        let path = folder + "/" + document + "/" + pair + ".tsv"
        guard let real = AlignmentDocuments.realPath(path), let realFolder = AlignmentDocuments.realPath(folder),
              AlignmentDocuments.isInside(real, realFolder), TextFiles.isRegularFile(real) else { return nil }
        return Entry(document: document, pair: pair, file: path, path: shown(path))
    }

    /// A folder name of letters, digits, `.`, `_` and `-`, not starting with a dot.
    static func isDocumentName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= 200 else { return false }
        return name.utf8.allSatisfy { isNameByte($0) || $0 == UInt8(ascii: ".") }
    }

    /// Two language codes joined by `-`: `prs-en`, `ps-en`.
    static func isPairName(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            (2...8).contains(part.utf8.count) && part.utf8.allSatisfy { isNameByte($0) && $0 != UInt8(ascii: "-") }
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
