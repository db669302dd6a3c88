import FoundationEssentials

/// Path arithmetic for naming one file from another's folder (the pins of a bead file).
enum PathNames {
    /// `path` as absolute components, with `.` and `..` resolved against the working directory.
    static func components(_ path: String) -> [Substring] {
        var full = path
        if !path.hasPrefix("/") { full = FileManager.default.currentDirectoryPath + "/" + path }
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts
    }

    /// How `path` is reached from the folder that holds `file`: `prs.txt` beside it,
    /// `../texts/prs.txt` one folder over.
    static func relative(_ path: String, fromFolderOf file: String) -> String {
        let target = components(path)
        let folder = components(file).dropLast()
        var common = 0
        while common < min(folder.count, target.count - 1) && folder[folder.startIndex + common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: folder.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }
}
