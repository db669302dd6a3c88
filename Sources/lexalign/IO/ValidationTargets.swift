import FoundationEssentials

/// What `lexalign validate` checks under the paths it is given: lexicon folders (a folder holding
/// entities.tsv) and bead files (`<lang>-<lang>.tsv` anywhere else).
struct ValidationTargets {
    var lexiconFolders: [String] = []
    var beadFiles: [String] = []
    /// Paths that do not exist or cannot be listed.
    var unreadable: [String] = []

    static let lexiconFileNames: Set<String> = ["entities.tsv", "labels.tsv", "affixes.tsv"]

    init(paths: [String]) {
        for path in paths {
            guard TextFiles.exists(path) else {
                unreadable.append(path)
                continue
            }
            if TextFiles.isDirectory(path) {
                walk(path)
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

    private mutating func walk(_ folder: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
            unreadable.append(folder)
            return
        }
        let base = folder == "." ? "" : folder.hasSuffix("/") ? folder : folder + "/"
        if names.contains("entities.tsv") { lexiconFolders.append(folder) }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base + name
            if TextFiles.isDirectory(path) {
                walk(path)
            } else if !names.contains("entities.tsv"), Self.isBeadFileName(name) {
                beadFiles.append(path)
            }
        }
    }

    /// `prs-en.tsv`, `ps-en.tsv`: two language codes joined by a hyphen.
    static func isBeadFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".tsv") else { return false }
        let parts = name.dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { (2...3).contains($0.count) && $0.allSatisfy { $0.isLetter && $0.isLowercase } }
    }
}
