import Synchronization

/// The data files of Lexicons/ as they were when this binary was built, keyed by their path
/// relative to Lexicons/ (for example "romanization/prs-Latn.txt"). The build writes them into this
/// module (Plugins/EmbedLexiconPlugin, as `GeneratedLexicon`'s members).
///
/// A build tool can be built without them: SwiftPM builds the tools that plugins run before it
/// runs any plugin, so in a tool this module has only the defaults below. A tool that needs the
/// files (CompileLexiconModel) reads them from the folder and installs them here first.
public enum EmbeddedLexicon {
    /// The files, by path relative to Lexicons/.
    public static var files: [String: String] { installed.withLock { $0?.files } ?? generatedFiles }
    /// `FileSetDigest.hex` of the files: compare with a folder's to tell whether they differ.
    public static var digest: String { installed.withLock { $0?.digest } ?? generatedDigest }
    public static var entityCount: Int { generatedEntityCount }
    public static var labelCount: Int { generatedLabelCount }

    /// Whether the build wrote the files into this module.
    public static var isGenerated: Bool { !generatedFiles.isEmpty }

    private static let installed = Mutex<(files: [String: String], digest: String)?>(nil)

    /// For build tools: `files` and `digest` answer these from now on.
    public static func install(files: [String: String], digest: String) {
        installed.withLock { $0 = (files, digest) }
    }
}

/// What the build writes (an extension of `EmbeddedLexicon` with these members); the defaults are
/// what a module built without it has.
protocol GeneratedLexicon {
    static var generatedFiles: [String: String] { get }
    static var generatedDigest: String { get }
    static var generatedEntityCount: Int { get }
    static var generatedLabelCount: Int { get }
}

extension GeneratedLexicon {
    static var generatedFiles: [String: String] { [:] }
    static var generatedDigest: String { "" }
    static var generatedEntityCount: Int { 0 }
    static var generatedLabelCount: Int { 0 }
}

extension EmbeddedLexicon: GeneratedLexicon {}
