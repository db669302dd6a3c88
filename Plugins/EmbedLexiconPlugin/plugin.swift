import Foundation
import PackagePlugin

/// Compiles every data file under the package's Lexicons/ folder into the target it is applied to.
@main
struct EmbedLexiconPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Lexicons")
        let inputs = dataFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicon.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) Lexicons/ files into \(target.name)",
                executable: try context.tool(named: "EmbedLexiconData").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// Data files are the .tsv and .txt files; README and other notes stay out of the binary.
    private func dataFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { ["tsv", "txt"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
