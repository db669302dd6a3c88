import Foundation
import PackagePlugin

/// Compiles the built-in lexicon to its tagging model when the package is built (BuiltInModel).
@main
struct CompileLexiconModelPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Lexicons")
        // The files the model is compiled from, chosen as EmbedLexiconPlugin chooses them (plugins
        // cannot share code).
        let inputs = (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? [])
            .filter { ["tsv", "txt"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "CompiledLexiconModel.swift")
        return [
            .buildCommand(
                displayName: "Compiling the built-in lexicon's model into \(target.name)",
                executable: try context.tool(named: "CompileLexiconModel").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
