import LexiconData
import TermLexicon

/// The tagging model of the lexicon built into the binary. It was compiled when the binary was
/// built (Plugins/CompileLexiconModelPlugin) and is read back here, its fuzzy pass's tables when
/// the pass first needs them; should that archive be missing,
/// made from other files or with another ICU, the embedded files are compiled instead, so the
/// result is the same model either way.
public enum BuiltInModel {
    /// Where the model came from, for `--version` and the tests.
    public enum Origin: Equatable, Sendable {
        case archive
        case compiled(because: TaggingModel.ArchiveMismatch)
    }

    public static func load() throws(LexiconLoadError) -> TaggingModel { try loadWithOrigin().model }

    /// The archive the build wrote (empty when the lexicon did not compile then), for the tests.
    public static var archiveText: String { CompiledLexiconModel.archive }
    public static var fuzzyTablesText: String { CompiledLexiconModel.fuzzyTables }

    public static func loadWithOrigin() throws(LexiconLoadError) -> (model: TaggingModel, origin: Origin) {
        do {
            let digest = EmbeddedLexicon.digest
            let model = try TaggingModel.restored(fromText: CompiledLexiconModel.archive, lexiconDigest: digest)
            model.adoptFuzzyTables(text: CompiledLexiconModel.fuzzyTables, lexiconDigest: digest)
            return (model, .archive)
        } catch {
            return (try TaggingModel.load(LexiconSources.builtIn()), .compiled(because: error))
        }
    }
}
