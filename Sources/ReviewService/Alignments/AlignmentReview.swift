import AlignmentValidation
import ContentHash
import FoundationEssentials
import ProjectFiles
import SentenceAlignment
import Synchronization
import TermLexicon
import TextNormalization

/// The alignment endpoints: the list of bead files, one bead file as JSON, and saving a reviewed one.
final class AlignmentReview: Sendable {
    let catalog: AlignmentCatalog
    let lexicon: LexiconService
    /// Held from reading a bead file's hash to renaming its new version over it, so of two saves
    /// based on the same version one wins and the other finds the file changed (409).
    private let saving = Mutex<Void>(())

    init(catalog: AlignmentCatalog, lexicon: LexiconService) {
        self.catalog = catalog
        self.lexicon = lexicon
    }

    // MARK: GET /api/alignments

    func listing() -> ServiceResponse {
        var summaries: [AlignmentSummary] = []
        for entry in catalog.entries() {
            guard let document = try? AlignmentDocuments.read(entry.file) else { continue }
            var statuses = Dictionary(uniqueKeysWithValues: BeadStatus.allCases.map { ($0.rawValue, 0) })
            for row in document.file.rows { statuses[row.status.rawValue, default: 0] += 1 }
            let findings = validate(document)
            summaries.append(AlignmentSummary(
                document: entry.document, pair: entry.pair, path: entry.path,
                sourceLanguage: document.pinned.sourceLanguage.rawValue,
                targetLanguage: document.pinned.targetLanguage.rawValue,
                beads: document.file.rows.count, statuses: statuses,
                errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning }))
        }
        return .json(AlignmentListing(alignments: summaries))
    }

    // MARK: GET /api/alignments/{document}/{pair}

    func view(document name: String, pair: String) -> ServiceResponse {
        guard let entry = catalog.entry(document: name, pair: pair) else { return notFound(name, pair) }
        let bytes: [UInt8]
        do {
            bytes = try TextFiles.readBytes(entry.file)
        } catch {
            return .error(500, error.description)
        }
        let etag = SHA256.hex(of: bytes)
        let document = AlignmentDocuments.document(path: entry.file, bytes: bytes)
        do {
            let view = try present(document, entry: entry, etag: etag, findings: validate(document))
            return .json(view, headers: [("etag", "\"\(etag)\"")])
        } catch {
            return .error(500, error.description)
        }
    }

    // MARK: PUT /api/alignments/{document}/{pair}

    func update(document name: String, pair: String, request: ServiceRequest) -> ServiceResponse {
        guard let entry = catalog.entry(document: name, pair: pair) else { return notFound(name, pair) }
        guard let ifMatch = request.header("if-match") else {
            return .error(428, "a save needs If-Match with the ETag of the version it changes (GET sends it)")
        }
        let edit: AlignmentEdit
        do {
            edit = try JSONDecoder().decode(AlignmentEdit.self, from: Data(request.body))
        } catch {
            return .error(400, "the body is not the alignment object GET returns: \(JSONProblem.describe(error))")
        }
        return saving.withLock { _ in save(edit, to: entry, ifMatch: ifMatch) }
    }

    /// Checks the version, validates the edited file as `lexalign validate` would, rescores the
    /// changed beads and writes it. Called under `saving`.
    private func save(_ edit: AlignmentEdit, to entry: AlignmentCatalog.Entry, ifMatch: String) -> ServiceResponse {
        let current: [UInt8]
        do {
            current = try TextFiles.readBytes(entry.file)
        } catch {
            return .error(500, error.description)
        }
        let currentTag = SHA256.hex(of: current)
        guard Self.matches(ifMatch, currentTag) else {
            return .json(StaleEdit(error: "\(entry.path) changed since it was read; "
                                       + "reload it and make the changes again",
                                   etag: currentTag), status: 409, headers: [("etag", "\"\(currentTag)\"")])
        }
        let old = AlignmentDocuments.document(path: entry.file, bytes: current)
        guard let sourceFile = old.source, let targetFile = old.target else {
            return .error(422, "\(entry.path): its sentence files cannot be read: "
                + (old.sourceReadProblem ?? old.targetReadProblem ?? "missing"))
        }
        let proposed = AlignmentEdits.text(of: edit, replacing: old.file,
                                           source: sourceFile.lines, target: targetFile.lines)
        var document = AlignmentDocument(path: entry.file, text: proposed)
        (document.source, document.target) = (sourceFile, targetFile)
        let findings = validate(document)
        if findings.contains(where: { $0.severity == .error }) {
            let errors = findings.filter { $0.severity == .error }
            // The proposed file has the header's lines, then one line per bead sent, in order; a
            // row the reader could not read (a bad status) is still that bead.
            let headerLines = AlignmentFileWriter.header(of: old.file).utf8.count { $0 == UInt8(ascii: "\n") }
            let findingViews = findings.map { diagnostic in
                finding(for: diagnostic, in: document) { line in
                    let bead = line - headerLines - 1
                    return edit.beads.indices.contains(bead) ? bead : nil
                }
            }
            return .json(RejectedEdit(error: "not saved: \(errors.count) error\(errors.count == 1 ? "" : "s") "
                                          + "(\(errors[0].message))", findings: findingViews), status: 422)
        }
        var file = document.file
        do {
            try AlignmentEdits.rescore(&file, unchangedFrom: old.file, pinned: document.pinned,
                                       source: sourceFile.lines, target: targetFile.lines, model: lexicon.model)
        } catch {
            return .error(500, "the changed beads could not be scored: \(error)")
        }
        let text = AlignmentFileWriter.text(of: file)
        do {
            try FileWriter.write(text, to: entry.file, inputs: [document.pinned.sourcePath, document.pinned.targetPath])
        } catch {
            return .error(500, error.description)
        }
        let savedTag = SHA256.hex(of: Array(text.utf8))
        let saved = AlignmentDocuments.document(path: entry.file, bytes: Array(text.utf8))
        do {
            let savedFindings = validate(saved)
            var view = try present(saved, entry: entry, etag: savedTag, findings: savedFindings)
            view.warnings = savedFindings.filter { $0.severity != .error }.map { finding(for: $0, in: saved) }
            return .json(view, headers: [("etag", "\"\(savedTag)\"")])
        } catch {
            return .error(500, error.description)
        }
    }

    /// Whether an If-Match value (`"hex"`, `W/"hex"`, a list, or `*`) names `tag`.
    static func matches(_ ifMatch: String, _ tag: String) -> Bool {
        ifMatch.split(separator: ",").contains { item in
            var value = String(item.drop { $0 == " " || $0 == "\t" }.reversed()
                                   .drop { $0 == " " || $0 == "\t" }.reversed())
            if value == "*" { return true }
            if value.hasPrefix("W/") { value.removeFirst(2) }
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value == tag
        }
    }

    // MARK: Presenting

    private func validate(_ document: AlignmentDocument) -> [Diagnostic] {
        AlignmentValidator(context: ValidationContext(model: lexicon.model)).validate(document)
    }

    private func present(_ document: AlignmentDocument, entry: AlignmentCatalog.Entry, etag: String,
                         findings: [Diagnostic]) throws(NormalizationSetupError) -> AlignmentView {
        let sourceSentences = document.source?.lines ?? []
        let targetSentences = document.target?.lines ?? []
        var byBead: [Int: [FindingView]] = [:]
        var general: [FindingView] = []
        for diagnostic in findings {
            let view = finding(for: diagnostic, in: document)
            if let bead = view.bead { byBead[bead, default: []].append(view) } else { general.append(view) }
        }
        let beads = try lexicon.withFinder { finder in
            let sourceSupport = lexicon.strongEntities(of: sourceSentences, finder: finder)
            let targetSupport = lexicon.strongEntities(of: targetSentences, finder: finder)
            return document.file.rows.enumerated().map { index, row in
                BeadView(source: AlignmentFileWriter.ref(row.bead.source),
                         target: AlignmentFileWriter.ref(row.bead.target),
                         score: row.bead.score, status: row.status.rawValue,
                         sourceText: row.sourceText, targetText: row.targetText,
                         sourceMentions: lexicon.mentions(of: row.sourceText, finder: finder, support: sourceSupport),
                         targetMentions: lexicon.mentions(of: row.targetText, finder: finder, support: targetSupport),
                         findings: byBead[index] ?? [], line: row.line)
            }
        }
        func side(_ path: String, _ language: Language, _ sentences: [String]) -> SideView {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return SideView(path: name, language: language.rawValue,
                            direction: language == .dari || language == .pashto ? "rtl" : "ltr", sentences: sentences)
        }
        return AlignmentView(document: entry.document, pair: entry.pair, path: entry.path, etag: etag,
                             source: side(document.pinned.sourcePath, document.pinned.sourceLanguage, sourceSentences),
                             target: side(document.pinned.targetPath, document.pinned.targetLanguage, targetSentences),
                             beads: beads, findings: general, warnings: nil)
    }

    /// A finding as JSON: its path relative to ROOT, and the (0-based) bead whose line it is on.
    /// - Parameter beadOfLine: the bead on a line of the bead file; by default, the row read from it.
    private func finding(for diagnostic: Diagnostic, in document: AlignmentDocument,
                         beadOfLine: ((Int) -> Int?)? = nil) -> FindingView {
        let onBeadFile = diagnostic.location.path == document.path
        let line = diagnostic.location.line
        var bead: Int?
        if onBeadFile {
            bead = beadOfLine.map { $0(line) } ?? document.file.rows.firstIndex { $0.line == line }
        }
        return FindingView(severity: diagnostic.severity.rawValue, rule: diagnostic.ruleID, message: diagnostic.message,
                           path: catalog.shown(diagnostic.location.path), line: diagnostic.location.line,
                           column: diagnostic.location.column, bead: bead)
    }

    private func notFound(_ document: String, _ pair: String) -> ServiceResponse {
        .error(404, "no alignment \(document)/\(pair) under \(catalog.folder) (GET /api/alignments lists them)")
    }
}
