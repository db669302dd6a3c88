import Foundation
import PackagePlugin

/// Compiles the files of the target's Assets/ folder (the review page) into the target.
@main
struct EmbedWebAssetsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = target.sourceModule.map { $0.directoryURL.appending(path: "Assets") }
            ?? context.package.directoryURL.appending(path: "Sources/\(target.name)/Assets")
        let inputs = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { ["html", "css", "js", "svg"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "WebAssets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) Assets/ files into \(target.name)",
                executable: try context.tool(named: "EmbedWebAssets").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
