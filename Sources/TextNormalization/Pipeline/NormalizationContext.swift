import Synchronization

/// Everything the pipeline needs for one set of options that can be built once and shared by all
/// threads: lookup tables, ICU normalisers and the romanisation data.
///
/// Thread safety: immutable after `init`; ICU normalisers are documented as safe for concurrent
/// use. Per-thread state lives in `TextNormalizer`, made by `makeNormalizer()`.
public final class NormalizationContext: Sendable {
    public let options: NormalizationOptions
    let tables: NormalizationTables
    let decoder: LineDecoder
    let detector: LanguageDetector
    /// Step 3: filtered NFKC for the text and latin forms, NFKC_Casefold for the key form.
    let unicodeNormalizer: ICUNormalizer
    let romanization: RomanizationData?
    /// The characters that need no pipeline (`SegmentTable`), built at first use: for the key form
    /// one table read from bytes (under `.undetermined`), for the text form one per orthography read
    /// from decoded lines (under `.dari`, which English lines use too, and `.pashto`).
    private let segmentTables = Mutex<[Language: SegmentTable]>([:])

    /// Characters whose compatibility mapping would change what the text says (superscripts,
    /// fractions, circled and squared forms), which the text form leaves alone.
    static let textFormCompatibilityFilter =
        "[^[:Decomposition_Type=Super:][:Decomposition_Type=Sub:][:Decomposition_Type=Fraction:]"
        + "[:Decomposition_Type=Circle:][:Decomposition_Type=Square:]]"

    public init(options: NormalizationOptions) throws(NormalizationSetupError) {
        self.options = options
        do {
            tables = NormalizationTables(
                form: options.form, digits: options.effectiveDigits,
                latinFolds: options.form == .text ? [] : LatinFoldTable.entries,
                latinASCII: options.form == .latin ? NormalizationTables.latinASCII() : [])
            unicodeNormalizer = options.form == .key
                ? try ICUNormalizer(.nfkcCasefold)
                : try ICUNormalizer(.nfkc, onlyIn: NormalizationContext.textFormCompatibilityFilter)
        } catch {
            throw .icu(error)
        }
        detector = LanguageDetector()
        decoder = LineDecoder(cleanMap: tables.clean,
                              letterClasses: tables.letterClasses, detector: detector)
        if options.form == .latin {
            do {
                romanization = try RomanizationData.builtIn(keyFolding: tables.keyFolding)
            } catch {
                throw .data(error)
            }
        } else {
            romanization = nil
        }
    }

    /// The segment table of the key form (any `language`) or of the text form in `language`; nil
    /// for the latin form, or when ICU refuses (the pipeline then does all the work, and reports it).
    func segmentTable(for language: Language) -> SegmentTable? {
        let form = options.form
        guard form != .latin else { return nil }
        let slot: Language = form == .key ? .undetermined : language == .pashto ? .pashto : .dari
        return segmentTables.withLock { built in
            if let table = built[slot] { return table }
            let table = KeptSegmentTables.table(form: form, digits: options.effectiveDigits, slot: slot)
                ?? builtSegmentTable(for: slot)
            built[slot] = table
            return table
        }
    }

    /// The segment table of `slot` (as `segmentTable(for:)` names them) built from ICU and the tables.
    func builtSegmentTable(for slot: Language) -> SegmentTable? {
        options.form == .key
            ? try? SegmentTable(normalizer: unicodeNormalizer, clean: tables.clean, map: tables.keyFolding)
            : try? SegmentTable(normalizer: unicodeNormalizer, clean: nil, map: tables.orthography(for: slot))
    }

    /// One context per set of options for the whole process: building the tables takes a few
    /// milliseconds, and the tagger needs several normalisers with the same options.
    public static func shared(_ options: NormalizationOptions) throws(NormalizationSetupError) -> NormalizationContext {
        if let context = cache.withLock({ $0[options] }) { return context }
        let context = try NormalizationContext(options: options)
        return cache.withLock { cached in
            if let existing = cached[options] { return existing }
            cached[options] = context
            return context
        }
    }

    private static let cache = Mutex<[NormalizationOptions: NormalizationContext]>([:])

    /// A normaliser for the calling thread.
    public func makeNormalizer() throws(NormalizationSetupError) -> TextNormalizer {
        try TextNormalizer(context: self)
    }
}

/// Why the pipeline could not be set up: ICU refused a service, or shipped data is broken.
public enum NormalizationSetupError: Error, CustomStringConvertible {
    case icu(ICUError)
    case data(Diagnostic)

    public var description: String {
        switch self {
        case .icu(let error): return error.description
        case .data(let diagnostic): return diagnostic.description
        }
    }
}
