import ArgumentParser
import TermLexicon
import TextNormalization

extension FuzzyLevel: ChoiceArgument {}

/// `--documents`: what the context of a record is.
enum DocumentChoice: String, CaseIterable, ChoiceArgument {
    case line
    case blankLine = "blank-line"
    case file
}
extension TagLineProcessor.OutputFormat: ChoiceArgument {}
extension TagLineProcessor.InputFormat: ChoiceArgument {}

extension Lexalign {
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tag",
            abstract: "Find every known entity in text and emit canonical IDs with exact offsets.",
            discussion: """
                Offsets are code points (Unicode scalars) into each record's original text, half-open. \
                jsonl and inline write exactly one line per input line, in order; tsv writes one row \
                per mention (line, start, end, id, surface). Without --lexicon or $LEXALIGN_LEXICON the \
                lexicon built into the binary is used.
                """
        )

        static let examples = [
            "lexalign tag Examples/tagging.txt",
            "lexalign tag --format tsv --types person,place Examples/tagging.txt Examples/sample.txt",
            "echo '{\"id\":7,\"text\":\"Mateqi met ISKP leaders in Kunar\"}' "
                + "| lexalign tag --input jsonl --label-lang prs",
        ]

        @Option(help: "A lexicon folder (entities.tsv, labels.tsv, affixes.tsv, identifiers.tsv).", completion: .directory)
        var lexicon: String?

        @Option(help: "jsonl, tsv (one row per mention) or inline (text with names rewritten).")
        var format: TagLineProcessor.OutputFormat = .jsonl

        @Option(help: "text (one record per line) or jsonl (a JSON object per line).")
        var input: TagLineProcessor.InputFormat = .text

        @Option(help: "With --input jsonl: the member holding the text.")
        var textField = "text"

        @Option(help: "Offset units to add besides code points: utf16, utf8 or both (utf16,utf8).")
        var offsets: String?

        @Option(
            help: "Language of the labels written (en, prs, ps, ...); default: en for jsonl, the line's own inline.")
        var labelLang: String?

        @Option(help: "Only these entity types (comma-separated: person, org, place).")
        var types: String?

        @Flag(help: "Also report mentions resting only on weak labels.")
        var weak = false

        @Option(help: ArgumentHelp("What a document is: line (each record alone), blank-line (lines between blank "
                                   + "lines) or file (each input, held in memory whole)."))
        var documents: DocumentChoice = .line

        @Option(help: "With --input jsonl: consecutive records with the same value of this member are one document.")
        var docField: String?

        @Option(help: "The fuzzy pass for names nobody listed: off, strict, default or loose.")
        var fuzzy: FuzzyLevel = .default

        @Option(help: "The lowest score of a fuzzy mention, 0-1 (instead of --fuzzy's level).")
        var minScore: Double?

        @Flag(help: ArgumentHelp("Also report a mention inside a longer capitalised name the lexicon does not know "
                                 + "(Ismail Khan in Dera Ismail Khan), marked \"partial\":true."))
        var partial = false

        @Flag(inversion: .prefixedNo,
              help: ArgumentHelp("Report nationality adjectives (Chinese, چینی) as mentions of their country, "
                                 + "marked \"demonym\":true."))
        var demonyms = true

        @Option(help: ArgumentHelp("Write the entity's standard identifiers with each JSON mention as \"ids\": a "
                                   + "comma-separated list of wikidata, iso3166-1, iso3166-2, geonames, iso3166 (both "
                                   + "ISO parts) or all.", valueName: "schemes"))
        var ids: String?

        @OptionGroup var filter: FilterOptions

        var settings: TagSettings {
            TagSettings(lexicon: lexicon, format: format, input: input, textField: textField, offsets: offsets,
                        labelLang: labelLang, types: types, weak: weak, documents: documents, docField: docField,
                        fuzzy: fuzzy, minScore: minScore, partial: partial, demonyms: demonyms, ids: ids,
                        filter: filter.settings)
        }

        func validate() throws { try settings.validate() }

        func run() throws { try settings.run() }
    }
}

/// `tag` as asked for, from ArgumentParser's options or from `FastArguments`.
struct TagSettings: Equatable {
    var lexicon: String?
    var format: TagLineProcessor.OutputFormat = .jsonl
    var input: TagLineProcessor.InputFormat = .text
    var textField = "text"
    var offsets: String?
    var labelLang: String?
    var types: String?
    var weak = false
    var documents: DocumentChoice = .line
    var docField: String?
    var fuzzy: FuzzyLevel = .default
    var minScore: Double?
    var partial = false
    var demonyms = true
    var ids: String?
    var filter = FilterSettings()

    func validate() throws {
        for unit in offsetUnits.invalid {
            throw ValidationError("unknown offset unit '\(unit)' (use utf16, utf8).")
        }
        for type in entityTypes.invalid {
            throw ValidationError("unknown type '\(type)' (use person, org, place).")
        }
        if docField != nil && input != .jsonl { throw ValidationError("--doc-field needs --input jsonl.") }
        if docField != nil && documents != .line {
            throw ValidationError("--doc-field and --documents \(documents.rawValue) "
                + "are two ways of saying what a document is: give one.")
        }
        if let minScore, !(0...1).contains(minScore) {
            throw ValidationError("--min-score must be between 0 and 1, not \(minScore).")
        }
        if let ids {
            do { _ = try IdentifierScheme.list(ids) } catch { throw ValidationError("\(error).") }
            if format != .jsonl {
                throw ValidationError("--ids adds a member to JSON records: it needs --format jsonl.")
            }
        }
        if let labelLang, LabelLanguage.canonical(labelLang) == nil {
            throw ValidationError("unknown --label-lang '\(labelLang)'.")
        }
    }

    private var offsetUnits: (valid: Set<TagLineProcessor.OffsetUnit>, invalid: [String]) {
        let names = offsets?.split(separator: ",").map(String.init) ?? []
        return (Set(names.compactMap(TagLineProcessor.OffsetUnit.init(rawValue:))),
                names.filter { TagLineProcessor.OffsetUnit(rawValue: $0) == nil })
    }

    private var entityTypes: (valid: Set<EntityType>?, invalid: [String]) {
        guard let types else { return (nil, []) }
        let names = types.split(separator: ",").map(String.init)
        return (Set(names.compactMap(EntityType.init(rawValue:))), names.filter { EntityType(rawValue: $0) == nil })
    }

    func run() throws {
        let model = try LexiconLocation.model(directory: lexicon, quiet: filter.quiet)
        var options = TagLineProcessor.Options()
        options.format = format
        options.input = input
        options.textField = textField
        options.offsets = offsetUnits.valid
        options.labelLanguage = labelLang.flatMap(LabelLanguage.canonical)
        if let ids {
            let schemes = try IdentifierScheme.list(ids)
            options.identifiers = try LexiconLocation.identifiers(directory: lexicon, model: model,
                                                                  schemes: schemes)
        }
        options.match = MatchOptions(includeWeak: weak, types: entityTypes.valid,
                                     fuzzyMinimum: minScore ?? fuzzy.minimumScore, partial: partial,
                                     demonyms: demonyms)
        var cut = ChunkCut.anyLine
        if let docField {
            options.documents = .field(docField)
            cut = .documentField(docField)
        } else if documents == .blankLine {
            options.documents = .blankLine
            cut = .blankLine
        } else if documents == .file {
            options.documents = .wholeInput
            cut = .endOfInput
        }
        // A record that is not JSON is an input error: exit 2 once every line is written.
        let jobs = filter.jobCount
        try FilterRun.run(filter, cut: cut) { fileName in
            var fileOptions = options
            fileOptions.fileName = fileName
            return try (0..<jobs).map { _ in
                try TagLineProcessor(finder: try model.makeFinder(), options: fileOptions)
            }
        }
    }
}
