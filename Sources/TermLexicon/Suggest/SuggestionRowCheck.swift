import TextNormalization

/// Whether a suggestion row fits a lexicon: an entity it has, a language Lexalign knows, a label
/// that is not empty and is written in its language's script. Lint's messages and rule ids, so a
/// reviewer meets one wording for one problem.
struct SuggestionRowCheck {
    let lexicon: Lexicon
    let entitiesPath: String
    let tablePath: String
    private var scriptCheck = LabelScriptCheck()

    init(lexicon: Lexicon, entitiesPath: String, tablePath: String) {
        self.lexicon = lexicon
        self.entitiesPath = entitiesPath
        self.tablePath = tablePath
    }

    mutating func errors(in row: SuggestionTable.Row) -> [Diagnostic] {
        let suggestion = row.suggestion
        var errors: [Diagnostic] = []
        func error(_ column: String, offset: Int = 0, _ message: String, _ rule: String) {
            let place = row.location(column, in: tablePath, offset: offset)
            errors.append(Diagnostic(.error, at: place, message, rule: rule))
        }
        if lexicon.entity(suggestion.id) == nil {
            error("id", "unknown id '\(suggestion.id)' (not in \(entitiesPath))", "unknown-id")
        }
        let lang = LabelLanguage.canonical(suggestion.lang)
        if lang == nil {
            let known = LabelLanguage.scripts.keys.sorted().joined(separator: ", ")
            error("lang", "unknown lang '\(suggestion.lang)' (known: \(known), fa-AF)", "unknown-lang")
        }
        if suggestion.label.isEmpty {
            error("label", "empty label", "empty-label")
        } else if let lang, let stray = scriptCheck.stray(in: suggestion.label, lang: lang),
                  let allowed = LabelLanguage.scripts[lang] {
            error("label", offset: stray.offset, "letter '\(stray.scalar)' (\(stray.script)) does not fit \(lang), "
                + "written in \(allowed.sorted().joined(separator: " or "))", "script-mismatch")
        }
        return errors
    }
}
