#if canImport(Glibc)
import ProjectFiles
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// What `lexalign validate` checks under the paths it is given: lexicon folders (a folder holding
/// entities.tsv) and bead files (`<lang>-<lang>.tsv` anywhere else).
struct ValidationTargets {
    var lexiconFolders: [String] = []
    var beadFiles: [String] = []
    /// Paths that do not exist or cannot be listed.
    var unreadable: [String] = []
    /// Folders given on the command line under which there is nothing to check.
    var empty: [String] = []
    /// `.tsv` files found in the folders that are neither lexicon nor bead files (outside lexicon
    /// folders, whose subfolders hold other data: romanisation word lists).
    var skipped: [String] = []
    /// Folders already walked, by device and inode: a symbolic link back up the tree is walked once.
    private var visited: Set<[UInt64]> = []

    static let lexiconFileNames: Set<String> = ["entities.tsv", "labels.tsv", "affixes.tsv", "identifiers.tsv"]

    init(paths: [String]) {
        for path in paths {
            guard TextFiles.exists(path) else {
                unreadable.append(path)
                continue
            }
            if TextFiles.isDirectory(path) {
                let found = lexiconFolders.count + beadFiles.count
                walk(path)
                if lexiconFolders.count + beadFiles.count == found && !unreadable.contains(path) { empty.append(path) }
            } else {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                if Self.lexiconFileNames.contains(name) {
                    let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
                    if !lexiconFolders.contains(folder) { lexiconFolders.append(folder) }
                } else {
                    beadFiles.append(path)
                }
            }
        }
    }

    private mutating func walk(_ folder: String, insideLexicon: Bool = false) {
        var info = stat()
        guard stat(folder, &info) == 0 else { return }
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
            unreadable.append(folder)
            return
        }
        let base = folder == "." ? "" : folder.hasSuffix("/") ? folder : folder + "/"
        let isLexicon = names.contains("entities.tsv")
        let lexiconTree = insideLexicon || isLexicon
        if isLexicon { lexiconFolders.append(folder) }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base + name
            if TextFiles.isDirectory(path) {
                walk(path, insideLexicon: lexiconTree)
            } else if isLexicon && Self.lexiconFileNames.contains(name) {
                continue
            } else if !isLexicon && Self.isBeadFileName(name) {
                beadFiles.append(path)
            } else if name.hasSuffix(".tsv") && !lexiconTree {
                skipped.append(path)
            }
        }
    }

    /// `prs-en.tsv`, `ps-en.tsv`: two language codes joined by a hyphen.
    static func isBeadFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".tsv") else { return false }
        let parts = name.dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy { (2...3).contains($0.count) && $0.allSatisfy { $0.isLetter && $0.isLowercase } }
    }
}
