// Build tool: turns the data files under Lexicons/ into one Swift source file, so the lexicon and
// the romanisation rules are compiled into the binary and the tool works far from the repository.
//
// usage: EmbedLexiconData OUTPUT.swift ROOT FILE...
// Each FILE is recorded under its path relative to ROOT, with its bytes unchanged, beside the
// digest of the whole set and the number of entities and labels, for `lexalign --version`.
import BuildSupport
import ContentHash
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedLexiconData OUTPUT.swift ROOT FILE...\n".utf8))
    exit(64)
}
let outputPath = arguments[1]
let folder = LexiconFolder(root: arguments[2], inputs: Array(arguments.dropFirst(3)))
let files = folder.texts
let bytesByPath = folder.bytes

/// Lines that are neither blank nor comments: the records of a lexicon TSV.
func recordCount(_ text: String?) -> Int {
    text.map { $0.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }.count } ?? 0
}

var source = """
    // Generated at build time by EmbedLexiconData from the files under Lexicons/. Do not edit.

    /// The members `EmbeddedLexicon` answers with (LexiconData.swift).
    extension EmbeddedLexicon {
        static let generatedDigest = \(swiftLiteral(FileSetDigest.hex(of: bytesByPath)))
        static let generatedEntityCount = \(recordCount(files["entities.tsv"]))
        static let generatedLabelCount = \(recordCount(files["labels.tsv"]))

        static let generatedFiles: [String: String] = [

    """
for relative in files.keys.sorted() {
    source += "        \(swiftLiteral(relative)): \(swiftLiteral(files[relative]!)),\n"
}
source += files.isEmpty ? "        :]\n}\n" : "    ]\n}\n"

do {
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(outputPath): error: \(error)\n".utf8))
    exit(1)
}
