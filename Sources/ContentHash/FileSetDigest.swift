/// One digest for a set of files, so two copies of a folder can be told apart by a short string
/// (the lexicon built into the binary against `./Lexicons`).
///
/// Files are taken in order of their relative paths; each contributes its path, its length and
/// its bytes, with separators, so that moving bytes between files or renaming one changes the
/// digest.
public enum FileSetDigest {
    /// The lowercase hex SHA-256 over `files` (relative path -> bytes).
    public static func hex(of files: [String: [UInt8]]) -> String {
        var hasher = SHA256()
        for path in files.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let bytes = files[path]!
            hasher.update(Array(path.utf8) + [0] + Array(String(bytes.count).utf8) + [0])
            hasher.update(bytes)
        }
        return hasher.finalizeHex()
    }

    /// The first 12 hex digits, as `--version` and warnings show a digest.
    public static func short(_ hex: String) -> String { String(hex.prefix(12)) }

    /// Whether a file under a lexicon folder is data the binary embeds (.tsv and .txt files).
    public static func isLexiconDataFile(_ relativePath: String) -> Bool {
        relativePath.hasSuffix(".tsv") || relativePath.hasSuffix(".txt")
    }
}
