import SourceDiagnostics
import TextNormalization

/// A `.tsv` file in a folder `validate` searched that is neither a lexicon file nor named like a
/// bead file (`<lang>-<lang>.tsv`): it is skipped, and said so, since a misnamed bead file would
/// otherwise never be checked and CI would stay green.
public enum UncheckedFileRule {
    public static let description = RuleDescription(
        id: "unchecked-file", defaultSeverity: .warning,
        summary: "A .tsv file is neither a lexicon file nor named like a bead file, so it was not checked.",
        hint: "Name bead files <source-lang>-<target-lang>.tsv (prs-en.tsv, ps-en.tsv), "
            + "or move the file out of the folder.")

    public static func finding(_ path: String) -> Diagnostic {
        Diagnostic(description.defaultSeverity, at: SourceLocation(path: path, line: 1, column: 1),
                   "not checked: the name is not <lang>-<lang>.tsv (bead file) or "
                       + "entities/labels/affixes.tsv (lexicon)",
                   rule: description.id)
    }
}
