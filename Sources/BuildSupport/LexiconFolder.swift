import Foundation

/// The data files under Lexicons/ as the build tools read them: each by its path relative to the
/// folder, as text and as its bytes unchanged (the digest is over the bytes).
public struct LexiconFolder {
    public var texts: [String: String] = [:]
    public var bytes: [String: [UInt8]] = [:]

    /// Reads `inputs` (paths under `root`); a file that cannot be read as UTF-8 ends the tool.
    public init(root: String, inputs: [String]) {
        let root = URL(fileURLWithPath: root).standardizedFileURL.path
        for input in inputs.sorted() {
            let path = URL(fileURLWithPath: input).standardizedFileURL.path
            var relative = path
            if relative.hasPrefix(root + "/") { relative.removeFirst(root.count + 1) }
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else {
                FileHandle.standardError.write(Data("\(path): error: not readable as UTF-8\n".utf8))
                exit(1)
            }
            texts[relative] = text
            bytes[relative] = [UInt8](data)
        }
    }
}
