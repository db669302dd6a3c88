import SourceDiagnostics
import TextNormalization

/// Descriptions and fix hints of the rules only `lexalign lexicon accept` applies, to a
/// suggestions table (docs/FORMATS.md, 2.12). Its other findings use lint's rules
/// (`LexiconRuleCatalogue`): an unknown id or language, a label in the wrong script.
public enum SuggestionRuleCatalogue {
    public static let rules: [RuleDescription] = [
        rule("suggestion-header", .error, "A suggestions table has no header row, or its header lacks a column.",
             "Keep the header row `lexicon suggest` wrote: id, lang, label, kind, score, count, evidence, example, "
                + "decision."),
        rule("unknown-decision", .error,
             "A decision cell holds something other than alt, hidden, negative, reject, skip or -.",
             "Write alt, hidden, negative (or reject), skip (or -), or leave the cell empty for later."),
        rule("suggestion-number", .error, "A score is not a number, or a count not a whole number of 0 or more.",
             "Restore the number `lexicon suggest` wrote (a spreadsheet may have reformatted it)."),
        rule("already-there", .warning, "An accepted label is already in the lexicon with another kind.",
             "Change the kind of the existing line in labels.tsv by hand if the decision should stand."),
    ]

    private static func rule(_ id: String, _ severity: Severity, _ summary: String, _ hint: String) -> RuleDescription {
        RuleDescription(id: id, defaultSeverity: severity, summary: summary, hint: hint)
    }
}
