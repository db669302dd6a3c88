/// libFuzzer target: the lexicon files — `Lexicon.parse`, `LexiconLinter.lint`, `LexiconFormatter`
/// (`lexicon fmt`) and `TaggingModel.load` (what `tag --lexicon` compiles), plus matching the
/// labels with the compiled model.
///
/// The input is the three files entities.tsv, labels.tsv and affixes.tsv separated by a 0xFF byte
/// (never part of UTF-8), read from their bytes as the CLI reads them (`LexiconText(path:bytes:)`:
/// encoding checked, invalid UTF-8 as U+FFFD).
/// Properties checked (FORMATS 1 "Places", 2.7):
/// - every diagnostic names one of the three files, a line the file has (line 1 of an empty
///   file), and a column from 1 to one past the line's last character;
/// - `fmt` on a file it accepts (no conflict marker, no field-count error) writes a file it accepts
///   again and leaves unchanged, with as many comment lines and data lines (it drops blank ones);
/// - `TaggingModel.load` (a fast path, then the full parser or lint) accepts the files exactly when
///   lint finds no error (`verify: true`, as `tag --lexicon` loads a folder) or the parser finds
///   none (`verify: false`), and finds the same mentions as a model compiled from the parse.
import FuzzSupport
import TermLexicon
import TextNormalization

/// Made once: the linter holds ICU objects (libFuzzer runs one thread).
nonisolated(unsafe) let linter = try! LexiconLinter()

let kinds: [LexiconFileKind] = [.entities, .labels, .affixes]

func checkPlaces(_ diagnostics: [Diagnostic], _ files: [TSVFile], _ what: String) {
    for diagnostic in diagnostics {
        let place = diagnostic.location
        guard let file = files.first(where: { $0.path == place.path }) else {
            require(false, "[place] \(what): \(diagnostic) names no lexicon file")
            return
        }
        // A finding about a whole empty file (empty-lexicon) goes on line 1, column 1.
        require(place.line >= 1 && place.line <= max(file.lines.count, 1),
                "[place] \(what): \(diagnostic) is outside the file's \(file.lines.count) lines")
        let width = place.line <= file.lines.count ? file.lines[place.line - 1].text.unicodeScalars.count : 0
        require(place.column >= 1 && place.column <= width + 1,
                "[place] \(what): \(diagnostic) is outside its line of \(width) characters")
    }
}

func counts(_ file: TSVFile) -> (comments: Int, data: Int) {
    (file.lines.filter(\.isComment).count, file.lines.filter { !$0.isComment && !$0.isBlank }.count)
}

/// As `lexicon fmt` does it (Lexalign+Lexicon.swift): refuse, or format and compare.
func checkFormat(_ source: LexiconText, kind: LexiconFileKind) {
    guard LexiconFormatter.blockingProblems(source, kind: kind).isEmpty else { return }
    let file = source.tsv
    let formatted = LexiconFormatter.format(file, kind: kind)
    // What fmt writes, read back as the next run of fmt reads it.
    let written = LexiconText(path: file.path, bytes: Array(formatted.utf8))
    let again = written.tsv
    let blocking = LexiconFormatter.blockingProblems(written, kind: kind)
    require(blocking.isEmpty, "[fmt] \(kind): fmt refuses its own output: \(blocking.first!); output \(show(Array(formatted.utf8)))")
    let twice = LexiconFormatter.format(again, kind: kind)
    // `==` on String, as `fmt --check` compares (canonically equivalent text counts as unchanged).
    require(twice == formatted, "[fmt] \(kind): not idempotent: \(show(Array(formatted.utf8))) then \(show(Array(twice.utf8)))")
    // "Without losing a line": as many comment lines and data lines as before (blank ones go).
    let had = counts(file), kept = counts(again)
    require(kept == had, "[fmt] \(kind): \(had.comments) comment and \(had.data) data lines became \(kept.comments) and \(kept.data); output \(show(Array(formatted.utf8)))")
}

/// The model, or nil when the files are refused (`.invalid`); any other failure is a finding.
func load(_ sources: LexiconSources, verify: Bool) -> TaggingModel? {
    do {
        return try TaggingModel.load(sources, verify: verify)
    } catch .invalid {
        return nil
    } catch {
        require(false, "[load/error] verify \(verify): \(error)")
        return nil
    }
}

/// A mention with the model's own indices replaced by what they stand for, so mentions from two
/// models compare.
struct Found: Equatable {
    var start, end, nameStart: Int
    var entity: String
    var label: String
    var kind: MatchKind
    var weak: Bool
}

func found(_ finder: MentionFinder, _ bytes: [UInt8]) -> [Found] {
    let model = finder.model
    return finder.mentions(in: bytes, bytes.indices, options: MatchOptions(includeWeak: true)).map {
        require($0.start <= $0.nameStart && $0.nameStart <= $0.end, "[mention] \($0) is not ordered")
        return Found(start: $0.start, end: $0.end, nameStart: $0.nameStart, entity: model.entityID($0.entity),
                     label: model.labelText($0.label), kind: $0.kind, weak: $0.weak)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The only use of libFuzzer's pointer: copy its `size` bytes into an array at once; the buffer
    // is libFuzzer's and valid only during this call.
    let input = Array(UnsafeBufferPointer(start: data, count: size))

    let bytes = parts(input, count: 3).map { $0 ?? [] }
    let sources = LexiconSources(entities: LexiconText(path: "Lexicons/entities.tsv", bytes: bytes[0]),
                                 labels: LexiconText(path: "Lexicons/labels.tsv", bytes: bytes[1]),
                                 affixes: LexiconText(path: "Lexicons/affixes.tsv", bytes: bytes[2]))
    let texts = [sources.entities, sources.labels, sources.affixes]
    let files = texts.map(\.tsv)

    let (lexicon, problems) = Lexicon.parse(sources)
    checkPlaces(problems, files, "parse")
    let lint = linter.lint(sources)
    checkPlaces(lint, files, "lint")
    for (index, kind) in kinds.enumerated() { checkFormat(texts[index], kind: kind) }

    // As `tag --lexicon DIR` loads a folder: verified, so it must refuse exactly what lint calls
    // an error (Sources/lexalign/IO/LexiconLoading.swift).
    let lintErrors = lint.filter { $0.severity == .error }
    let verified = load(sources, verify: true)
    require((verified == nil) == !lintErrors.isEmpty, verified == nil
            ? "[load/verify] load refuses files lint accepts"
            : "[load/verify] load accepts files lint rejects: \(lintErrors.first!)")
    // Unverified (the built-in lexicon's way): refuses exactly what the parser calls an error.
    let parseErrors = problems.filter { $0.severity == .error }
    let loaded = load(sources, verify: false)
    require((loaded == nil) == !parseErrors.isEmpty, loaded == nil
            ? "[load/parse] load refuses files the parser accepts"
            : "[load/parse] load accepts files the parser rejects: \(parseErrors.first!)")

    // The loaded model against one compiled from the full parse, on the labels' own texts.
    guard let loaded, let compiled = try? TaggingModel(lexicon: lexicon) else { return 0 }
    require(loaded.entityCount == compiled.entityCount, "[load/model] \(loaded.entityCount) entities loaded, \(compiled.entityCount) parsed")
    let finders = (try! loaded.makeFinder(), try! compiled.makeFinder())
    let sample = lexicon.labels.prefix(16).map(\.text).joined(separator: " , ")
    for text in [sample] + lexicon.labels.prefix(4).map(\.text) {
        let bytes = Array(text.utf8)
        let (a, b) = (found(finders.0, bytes), found(finders.1, bytes))
        require(a == b, "[load/model] loaded and parsed models differ on \(text.debugDescription): \(a) vs \(b)")
    }
    return 0
}
