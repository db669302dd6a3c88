/// libFuzzer target: bead files — `AlignmentFileReader`, every rule of `AlignmentValidator` (as
/// `lexalign validate --realign` runs them, with the built-in lexicon), `AlignmentFixer` (`--fix`),
/// `AlignmentFileWriter` (what `align rescore` rewrites) and the exports (`align export`).
///
/// The input is the bead file, then optionally its source and target sentence files, separated by
/// a 0xFF byte (never part of UTF-8). A missing sentence file is one that cannot be read. The
/// bead file is decoded as the CLI decodes it (invalid UTF-8 becomes U+FFFD); sentence files are
/// bytes, as `SentenceFile` reads them.
/// Properties checked (FORMATS 1 "Places", 3.3, 3.4, 3.5):
/// - no crash, hang or unbounded allocation (run.sh sets -timeout, -rss_limit_mb, -malloc_limit_mb);
/// - every finding names the bead file or a sentence file, on a line that file has;
/// - every pin read has 64 lowercase hex digits;
/// - a file the validator finds no error in (what `align export` and `align rescore` accept,
///   Sources/ProjectFiles/AlignmentDocuments.swift) written back by `AlignmentFileWriter` reads
///   again without error, with the same pins, refs, statuses, scores (to two decimals) and texts
///   (tabs, CR and LF as spaces); its exports write one vecalign line per bead and as many Moses
///   lines on both sides;
/// - `--fix` output reads again without error, with the same pins, refs, scores and statuses.
import AlignmentValidation
import FuzzSupport
import SentenceAlignment
import TermLexicon
import TextNormalization

let beadPath = "Alignments/fuzz/prs-en.tsv"

/// Made once (libFuzzer runs one thread): the validator with the built-in lexicon's model, as
/// `validate` uses without `--lexicon`, and `--realign` on so the aligner runs too.
nonisolated(unsafe) let validator = AlignmentValidator(
    context: ValidationContext(model: try! TaggingModel.load(LexiconSources.builtIn()), realign: true))

/// Lines of a bead file as its reader counts them (LF, CRLF or a lone CR ends one).
func tsvLineCount(_ text: String) -> Int { TSVFile(path: "", text: text).lines.count }

func checkPlaces(_ findings: [Diagnostic], _ document: AlignmentDocument) {
    // Lines of each file by path (a pin may name the bead file itself: then either count goes).
    var lines = [beadPath: tsvLineCount(document.text)]
    for file in [document.source, document.target].compactMap({ $0 }) {
        lines[file.path] = max(lines[file.path] ?? 0, file.lines.count)
    }
    for finding in findings {
        let place = finding.location
        guard let count = lines[place.path] else {
            require(false, "[place] \(finding) names neither the bead file nor a sentence file")
            return
        }
        // An empty file's findings go on line 1.
        require(place.line >= 1 && place.line <= max(count, 1) && place.column >= 1,
                "[place] \(finding) is outside its file of \(count) lines")
    }
}

/// What survives writing and reading a row: refs, status, score to two decimals, texts as written.
func written(_ row: AlignmentRow) -> [String] {
    func cell(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
    return [AlignmentFileWriter.ref(row.bead.source), AlignmentFileWriter.ref(row.bead.target), row.status.rawValue,
            AlignmentFileWriter.score(row.bead.score), cell(row.sourceText), cell(row.targetText)]
}

/// Pins by name and digest (their line numbers move when a file is rewritten).
func pins(_ file: AlignmentFile) -> [String] {
    [file.source, file.target].map { $0.map { $0.name + " " + $0.sha256 } ?? "-" }
}

func isLowercaseHex(_ text: String) -> Bool {
    text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
}

/// Reader findings that are errors (`missing-pin` is a warning, and the reader reports it too).
func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

/// A file the validator finds no error in: the writer's round trip and the exports.
func checkValid(_ file: AlignmentFile) {
    let text = AlignmentFileWriter.text(of: file)
    let (again, problems) = AlignmentFileReader.read(path: beadPath, text: text)
    require(errors(problems).isEmpty, "[writer] the written file does not read cleanly: \(errors(problems).first!); \(show(Array(text.utf8)))")
    require(pins(again) == pins(file), "[writer] pins changed: \(pins(file)) became \(pins(again))")
    require(again.rows.map(written) == file.rows.map(written),
            "[writer] rows changed: \(file.rows.map(written)) became \(again.rows.map(written))")

    for includeUnreviewed in [false, true] {
        let rows = AlignmentExport.rows(of: file, includeUnreviewed: includeUnreviewed)
        let vecalign = AlignmentExport.vecalign(rows.map(\.bead))
        require(vecalign.utf8.count(where: { $0 == 0x0A }) == rows.count, "[export] vecalign lines differ from beads")
        let moses = AlignmentExport.moses(rows)
        require(moses.source.utf8.count(where: { $0 == 0x0A }) == moses.target.utf8.count(where: { $0 == 0x0A }),
                "[export] moses sides differ in lines")
        _ = AlignmentExport.tmx(rows, sourceCode: "fa-AF", targetCode: "en", toolVersion: "fuzz")
    }
}

/// `validate --fix`: the fixed file reads cleanly and keeps pins, refs, scores and statuses.
func checkFix(_ document: AlignmentDocument) {
    guard let (text, _) = AlignmentFixer.fix(document) else { return }
    let (again, problems) = AlignmentFileReader.read(path: beadPath, text: text)
    require(errors(problems).isEmpty, "[fix] --fix output does not read cleanly: \(errors(problems).first!); \(show(Array(text.utf8)))")
    require(pins(again) == pins(document.file), "[fix] --fix changed a pin: \(pins(document.file)) became \(pins(again))")
    let kept = { (file: AlignmentFile) in file.rows.map { [$0.bead.source, $0.bead.target].description + "\($0.bead.score) \($0.status)" } }
    require(kept(again) == kept(document.file), "[fix] --fix changed refs, scores or statuses: \(kept(document.file)) became \(kept(again))")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The only use of libFuzzer's pointer: copy its `size` bytes into an array at once; the buffer
    // is libFuzzer's and valid only during this call.
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    let files = parts(input, count: 3)
    // As `validate` builds it (Lexalign+Validate.swift, readDocument), with the sentence files
    // taken from the input instead of the paths the pins name.
    var document = AlignmentDocument(path: beadPath, text: String(decoding: files[0] ?? [], as: UTF8.self))
    document.source = files[1].map { SentenceFile(path: document.pinned.sourcePath, bytes: $0) }
    document.target = files[2].map { SentenceFile(path: document.pinned.targetPath, bytes: $0) }

    let findings = validator.validate(document)
    checkPlaces(findings, document)
    for pin in [document.file.source, document.file.target].compactMap({ $0 }) {
        require(isLowercaseHex(pin.sha256), "[pin] pin \(pin.name.debugDescription) read with sha256 \(pin.sha256.debugDescription)")
    }
    if errors(findings).isEmpty { checkValid(document.file) }
    checkFix(document)
    return 0
}
