import TermLexicon
import TextNormalization

/// Where `tag` and `lexicon` find their lexicon: `--lexicon DIR`, else `$LEXALIGN_LEXICON`,
/// else (for tag) the copy built into the binary.
enum LexiconLocation {
    static var environmentDirectory: String? {
        guard let value = getenv("LEXALIGN_LEXICON") else { return nil }
        let path = String(cString: value)
        return path.isEmpty ? nil : path
    }

    /// The three files of `directory`; a missing affixes.tsv reads as empty.
    static func sources(in directory: String) throws(InputError) -> LexiconSources {
        guard TextFiles.isDirectory(directory) else { throw InputError(path: directory, reason: "not a directory") }
        func file(_ kind: LexiconFileKind, optional: Bool = false) throws(InputError) -> LexiconText {
            let path = directory.hasSuffix("/") ? directory + kind.fileName : directory + "/" + kind.fileName
            if optional && !TextFiles.exists(path) { return LexiconText(path: path, text: "") }
            return LexiconText(path: path, text: try TextFiles.read(path))
        }
        return LexiconSources(entities: try file(.entities), labels: try file(.labels), affixes: try file(.affixes, optional: true))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
