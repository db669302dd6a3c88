import TextNormalization

/// Where a bead file's sentence files are, and their languages.
public struct PinnedFiles: Equatable, Sendable {
    public var sourcePath: String
    public var targetPath: String
    public var sourceLanguage: Language
    public var targetLanguage: Language
    /// Why a pinned name may not be read (absolute, outside the bead file's folder); its path is
    /// then empty, so no caller reads it.
    public var sourceProblem: String?
    public var targetProblem: String?

    /// From the pins, read relative to the bead file's folder; without pins, from the bead file's
    /// name (`prs-en.tsv` pairs `prs.txt` with `en.txt`). Languages come from the file names'
    /// stems (`prs.txt` is Dari), `.undetermined` when a stem is not a language code.
    public init(beadFile path: String, file: AlignmentFile) {
        let folderEnd = path.lastIndex(of: "/")
        let folder = folderEnd.map { String(path[...$0]) } ?? ""
        let name = folderEnd.map { String(path[path.index(after: $0)...]) } ?? path
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let pair = stem.split(separator: "-").map(String.init)
        let sourceName = file.source?.name ?? (pair.count == 2 ? pair[0] + ".txt" : "")
        let targetName = file.target?.name ?? (pair.count == 2 ? pair[1] + ".txt" : "")
        sourceProblem = PinName.problem(sourceName)
        targetProblem = PinName.problem(targetName)
        sourcePath = sourceProblem == nil ? folder + sourceName : ""
        targetPath = targetProblem == nil ? folder + targetName : ""
        func language(_ name: String) -> Language {
            let file = name.split(separator: "/").last.map(String.init) ?? name
            return Language(code: file.split(separator: ".").first.map(String.init) ?? "") ?? .undetermined
        }
        sourceLanguage = language(sourceName)
        targetLanguage = language(targetName)
    }
}
