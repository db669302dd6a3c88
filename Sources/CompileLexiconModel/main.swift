// Build tool: compiles the lexicon built into the binary to its tagging model and writes it as one
// Swift source file, so `lexalign` reads the model instead of compiling the files at every start.
//
// usage: CompileLexiconModel OUTPUT.swift ROOT FILE...
// FILE... are the data files under ROOT (Lexicons/), as EmbedLexiconData takes them: they are read
// and installed as the embedded lexicon before anything is compiled, because SwiftPM builds a
// plugin's tool before it runs any plugin, so this tool's own LexiconData may be empty. The model is
// recorded with the files' digest, which `lexalign` compares with the digest of the files it embeds.
// A lexicon that does not compile gives an empty archive: `lexalign` then compiles the files
// itself and reports their errors, as it would without this tool.
import BuildSupport
import ContentHash
import Foundation
import LexiconData
import TermLexicon

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: CompileLexiconModel OUTPUT.swift ROOT FILE...\n".utf8))
    exit(64)
}
let outputPath = arguments[1]
let folder = LexiconFolder(root: arguments[2], inputs: Array(arguments.dropFirst(3)))
let digest = FileSetDigest.hex(of: folder.bytes)
EmbeddedLexicon.install(files: folder.texts, digest: digest)

var archive = "", fuzzyTables = ""
do {
    let model = try TaggingModel.load(LexiconSources.builtIn())
    archive = TaggingModel.textArchive(of: model, wordLists: try FuzzyWordLists.builtIn(), lexiconDigest: digest)
    fuzzyTables = try model.textFuzzyTables(lexiconDigest: digest)
} catch {
    let message = "warning: the lexicon does not compile; lexalign will compile it at run time: \(error)\n"
    FileHandle.standardError.write(Data(message.utf8))
}

let source = """
    // Generated at build time by CompileLexiconModel from the files under Lexicons/. Do not edit.

    /// The built-in lexicon's tagging model (`TaggingModel.archived`) and its fuzzy pass's tables
    /// (`TaggingModel.archivedFuzzyTables`) as archive texts (raw literals: the digits hold a
    /// backslash but no quote or `#`); empty when the lexicon did not compile.
    enum CompiledLexiconModel {
        static let archive = #"\(archive)"#
        static let fuzzyTables = #"\(fuzzyTables)"#
    }

    """
do {
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(outputPath): error: \(error)\n".utf8))
    exit(1)
}
