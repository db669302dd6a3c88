// Build tool: turns the review page's files (HTML, CSS, JavaScript) into one Swift source file,
// so `lexalign serve` carries its page and needs no files, CDN or network.
//
// usage: EmbedWebAssets OUTPUT.swift FILE...
// Each FILE is recorded under its file name, its text unchanged.
import BuildSupport
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EmbedWebAssets OUTPUT.swift FILE...\n".utf8))
    exit(64)
}
var source = """
    // Generated at build time by EmbedWebAssets from Sources/ReviewService/Assets. Do not edit.

    /// The review page's files, keyed by file name ("review.js").
    enum WebAssets {
        static let files: [String: String] = [

    """
for input in arguments.dropFirst(2).sorted() {
    guard let data = FileManager.default.contents(atPath: input), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(input): error: not readable as UTF-8\n".utf8))
        exit(1)
    }
    let name = URL(fileURLWithPath: input).lastPathComponent
    source += "        \(swiftLiteral(name)): \(swiftLiteral(text)),\n"
}
source += arguments.count == 2 ? "        :]\n}\n" : "    ]\n}\n"
do {
    try source.write(toFile: arguments[1], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(arguments[1]): error: \(error)\n".utf8))
    exit(1)
}
