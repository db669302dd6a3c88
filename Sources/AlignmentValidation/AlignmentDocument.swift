import SentenceAlignment
import TermLexicon
import TextNormalization

/// A bead file as the rules see it: its text, what the reader made of it, and its sentence files
/// (nil when they could not be read).
public struct AlignmentDocument: Sendable {
    public let path: String
    public let text: String
    public let file: AlignmentFile
    public let readerDiagnostics: [Diagnostic]
    public let pinned: PinnedFiles
    public var source: SentenceFile?
    public var target: SentenceFile?
    /// Why a sentence file could not be attached (missing, not a regular file, too large, outside
    /// the bead file's folder), for the finding that says so.
    public var sourceReadProblem: String?
    public var targetReadProblem: String?
    /// 1-based column where each field of each line starts, by line number (for precise places).
    let fieldColumns: [Int: [Int]]
    /// Line numbers of the pins, for findings about them.
    public var sourcePinLine: Int { file.source?.line ?? 1 }
    public var targetPinLine: Int { file.target?.line ?? 1 }

    /// Reads the bead file; attach the sentence files named by `pinned` before checking.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        let (file, diagnostics) = AlignmentFileReader.read(path: path, text: text)
        self.file = file
        readerDiagnostics = diagnostics
        pinned = PinnedFiles(beadFile: path, file: file)
        var columns: [Int: [Int]] = [:]
        for line in TSVFile(path: path, text: text).lines where !line.fields.isEmpty {
            columns[line.number] = line.columns
        }
        fieldColumns = columns
    }

    /// Column of field `field` (0-based) on `line`; 1 when unknown.
    func column(line: Int, field: Int) -> Int {
        guard let columns = fieldColumns[line], field < columns.count else { return 1 }
        return columns[field]
    }

    /// Whether every bead's refs fall inside its sentence files (both files read).
    var refsInRange: Bool {
        guard let source, let target else { return false }
        return file.rows.allSatisfy {
            $0.bead.source.upperBound <= source.lines.count && $0.bead.target.upperBound <= target.lines.count
        }
    }
}

/// What the rules share across files: the tagger and aligner settings, and what was asked for.
public final class ValidationContext: @unchecked Sendable {
    // Unchecked: the finder and aligner are used by one thread (validation runs file after file).
    public let model: TaggingModel?
    public let realign: Bool
    public let parameters: AlignerParameters
    private var finder: MentionFinder?

    public init(model: TaggingModel?, realign: Bool = false, parameters: AlignerParameters = AlignerParameters()) {
        self.model = model
        self.realign = realign
        self.parameters = parameters
    }

    /// The entities the texts name by a strong label: the support a document's sentences lend
    /// each other (a weak label such as a surname that is also a common word resolves through it).
    func strongEntities(_ texts: [String]) -> Set<Int32> {
        guard let model else { return [] }
        if finder == nil { finder = try? model.makeFinder() }
        guard let finder else { return [] }
        return texts.reduce(into: Set<Int32>()) { support, text in
            let bytes = Array(text.utf8)
            support.formUnion(finder.strongEntities(in: bytes, bytes.indices))
        }
    }

    /// The entity mentions of `text`; empty without a model. `support`: the document's strong
    /// entities (`strongEntities`).
    func mentions(_ text: String,
                  support: Set<Int32> = []) -> [(id: String, surface: String, start: Int, demonym: Bool)] {
        guard let model else { return [] }
        if finder == nil { finder = try? model.makeFinder() }
        guard let finder else { return [] }
        let bytes = Array(text.utf8)
        return finder.mentions(in: bytes, bytes.indices, support: support).map { mention in
            (model.entityID(mention.entity),
             finder.surface(from: mention.start, to: mention.end, bytes: bytes, range: bytes.indices),
             mention.start, mention.demonym)
        }
    }
}
