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
let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path
let inputs = arguments.dropFirst(3).sorted()

/// Lines that are neither blank nor comments: the records of a lexicon TSV.
func recordCount(_ text: String?) -> Int {
    text.map { $0.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }.count } ?? 0
}

var files: [String: String] = [:]
var bytesByPath: [String: [UInt8]] = [:]
for input in inputs {
    let path = URL(fileURLWithPath: input).standardizedFileURL.path
    var relative = path
    if relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
    guard let data = FileManager.default.contents(atPath: path),
          let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): error: not readable as UTF-8\n".utf8))
        exit(1)
    }
    files[relative] = text
    bytesByPath[relative] = [UInt8](data)
}

var source = """
    // Generated at build time by EmbedLexiconData from the files under Lexicons/. Do not edit.

    /// The data files of Lexicons/ as they were when this binary was built, keyed by their path
    /// relative to Lexicons/ (for example "romanization/prs-Latn.txt").
    public enum EmbeddedLexicon {
        /// `FileSetDigest.hex` of the files: compare with a folder's to tell whether they differ.
        public static let digest = \(swiftLiteral(FileSetDigest.hex(of: bytesByPath)))
        public static let entityCount = \(recordCount(files["entities.tsv"]))
        public static let labelCount = \(recordCount(files["labels.tsv"]))

        public static let files: [String: String] = [

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
