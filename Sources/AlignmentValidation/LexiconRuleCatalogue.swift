import TextNormalization
import SourceDiagnostics

/// Descriptions and fix hints of `lexalign lexicon lint`'s rules, for reports that list rules
/// (SARIF) or print hints. The checks themselves live in TermLexicon's linter.
public enum LexiconRuleCatalogue {
    public static let rules: [RuleDescription] = [
        rule("conflict-marker", .error, "A line is a merge conflict marker (<<<<<<<, =======, >>>>>>>).", "Keep the lines both sides need, delete the three marker lines, then run `lexalign lexicon fmt`."),
        rule("encoding", .error, "A lexicon file is UTF-16 or starts with a byte order mark.", "Save the file as UTF-8 without a BOM (`lexalign lexicon fmt` removes a BOM)."),
        rule("invalid-utf8", .error, "A lexicon file holds bytes that are not UTF-8.", "Retype the text at that place, or convert the file from its old encoding (e.g. `iconv -f windows-1256 -t utf-8`)."),
        rule("nul-byte", .error, "A lexicon file holds a NUL byte.", "Delete it: lexicon files hold text only (a binary file, or a file from a tool that pads with NULs?)."),
        rule("empty-lexicon", .error, "entities.tsv holds no entity.", "Check the folder given with --lexicon, or restore the file."),
        rule("field-count", .error, "A line has the wrong number of tab-separated fields.", "Separate the columns with single tabs; the file's header comment names them."),
        rule("line-end", .error, "A line ends in CRLF, or the last line has no line feed.", "Save the file with LF line ends (`lexalign lexicon fmt` fixes this)."),
        rule("id-syntax", .error, "An entity id is not `type:kebab-name`.", "Write ids as person:amir-khan-muttaqi: a known type, a colon, lower-case words joined by hyphens."),
        rule("type-mismatch", .error, "An id's type prefix differs from its type column.", "Make the id's prefix and the type column agree."),
        rule("unknown-type", .error, "An entity type is not person, org or place.", "Use person, org or place."),
        rule("unknown-kind", .error, "A label kind is not pref, alt, hidden or negative.", "Use pref (the name to show), alt (another spelling), hidden (a misspelling to match but never show) or negative (a spelling that must never resolve to the entity)."),
        rule("negative-conflict", .error, "A negative label matches the same text as a label of the same entity.", "Decide: delete the negative label, or the label it contradicts."),
        rule("unknown-flag", .error, "A label flag is unknown.", "Use the flags labels.tsv's header lists (cs, weak, proper, demonym), comma-separated."),
        rule("unknown-lang", .error, "A label or affix language is unknown.", "Use a language code the lexicon knows (en, prs, ps, ar, ur, ru, tg, uz, ...)."),
        rule("wikidata-syntax", .error, "A Wikidata id is not Q followed by digits.", "Write the QID as Q123, or leave the column empty."),
        rule("unknown-scheme", .error, "An identifiers.tsv scheme is unknown, or is wikidata (QIDs live in entities.tsv).", "Use iso3166-1, iso3166-2 or geonames; put a QID in entities.tsv's wikidata column."),
        rule("identifier-syntax", .error, "An identifier is not written the way its scheme writes it.", "Write ISO 3166-1 as AF, ISO 3166-2 as AF-KAB, GeoNames ids as digits (1138958)."),
        rule("identifier-type", .error, "A scheme that names places is given to a person or organisation.", "Move the identifier to the place entity, or delete it."),
        rule("duplicate-identifier", .error, "An entity has two values in one identifier scheme.", "Keep the value the source gives; delete the other line."),
        rule("shared-identifier", .error, "Two entities have the same identifier (an ISO code, a GeoNames id, a QID).", "Check the source: one of the entities has another's identifier, or the two are one entity."),
        rule("stray-space", .warning, "A field starts or ends with a space, or holds two in a row.", "Remove the extra spaces (`lexalign lexicon fmt` does)."),
        rule("empty-label", .error, "A label is empty.", "Write the label, or delete the line."),
        rule("duplicate-id", .error, "Two entities share an id.", "Merge the two lines or give one a new id."),
        rule("unknown-id", .error, "A label, broader link or identifier names an id entities.tsv lacks.", "Add the entity to entities.tsv or fix the id."),
        rule("missing-en-pref", .error, "An entity has no English pref label.", "Add a label line with lang en and kind pref."),
        rule("duplicate-pref", .error, "An entity has two pref labels in one language.", "Keep one pref per language; make the other alt."),
        rule("duplicate-label", .error, "The same label appears twice for one entity and language.", "Delete one of the lines."),
        rule("redundant-label", .warning, "A label matches exactly what another label of the entity matches.", "Delete it: matching already folds case, letter forms, spaces and diacritics."),
        rule("suffixed-label", .warning, "A label is another label plus a suffix the matcher already handles.", "Delete it: affixes.tsv attaches the suffix."),
        rule("shared-key", .warning, "Two entities have labels that match the same text.", "Make one label more specific, or flag the ambiguous one weak."),
        rule("proper-flag", .warning, "A proper flag can do nothing: the label has no capital letter, or is also cs.", "Remove the flag: cs already decides case, and a label without capitals has none to ask for."),
        rule("frequent-word", .warning, "A one-word Dari or Pashto label is also a frequent word (Lexicons/fuzzy/frequent-words.tsv).", "Flag it weak: it is then tagged only beside a strong mention of its entity, or after a title."),
        rule("unknown-broader", .error, "A broader link names an unknown entity.", "Fix the id in the broader column."),
        rule("broader-cycle", .error, "Broader links form a cycle.", "Remove one link: broader points from the part to the whole."),
        rule("script-mismatch", .error, "A label's script does not fit its language (Latin in a Dari label).", "Move the label to the right language or fix the letters."),
        rule("arabic-letter", .warning, "A Dari or Pashto label uses an Arabic letter form (ك, ي in Dari; ى).", "Write the Persian or Pashto form (ک, ی)."),
        rule("mixed-script", .warning, "A label mixes scripts or uses look-alike letters (Cyrillic а in a Latin name).", "Retype the label in one script."),
        rule("cldr-name", .warning, "A country (ISO 3166-1 code in identifiers.tsv) lacks, in a language the lexicon uses, the name CLDR gives it (ICU's locale data).", "Run `lexalign lexicon cldr --apply` to add CLDR's names as alt labels, or add the name yourself; flag it weak if it is also a common word."),
        rule("unsorted", .warning, "Lines are not in canonical order.", "Run `lexalign lexicon fmt`."),
        rule("office-title", .warning, "An office in affixes.tsv does not end in a title of affixes.tsv after a word of its own.", "Add its last word as a title, or write the office as it ends (Attorney General)."),
        rule("affix-after", .error, "An affix's `after` column is malformed or on a kind that takes none.", "List endings comma-separated, only for suffixes."),
    ]

    private static func rule(_ id: String, _ severity: Severity, _ summary: String, _ hint: String) -> RuleDescription {
        RuleDescription(id: id, defaultSeverity: severity, summary: summary, hint: hint)
    }
}

