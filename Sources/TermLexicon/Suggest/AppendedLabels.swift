import TextNormalization

/// labels.tsv with the accepted labels appended at its end, for linting before anything is
/// written: the existing lines keep the numbers they have on disk, the added ones come after
/// them (so a pair of clashing labels is reported at the added one), and a finding on an added
/// label is moved to the suggestion row that asked for it.
struct AppendedLabels {
    /// The labels file as it would be before formatting.
    private(set) var file: LexiconText
    private let firstAdded: Int
    private let additions: [SuggestionReview.Addition]
    private let suggestionsPath: String

    init(_ labels: LexiconText, adding additions: [SuggestionReview.Addition], suggestionsPath: String) {
        var text = labels.text
        if let last = text.utf8.last, last != 0x0A, last != 0x0D { text += "\n" }
        firstAdded = TSVFile.splitLines(text).count + 1
        file = labels
        file.text = text + additions.map { Self.line($0.label) }.joined(separator: "\n") + "\n"
        self.additions = additions
        self.suggestionsPath = suggestionsPath
    }

    /// A labels.tsv line (the six columns of FORMATS.md 2.5).
    static func line(_ label: Label) -> String {
        [label.id, label.lang, label.kind.rawValue, label.text, label.flags.description, label.note]
            .joined(separator: "\t")
    }

    /// What accept reports of the lint of `file`: every error, since any error stops the write,
    /// and the warnings on added labels (the others were there before). Order is a formatting
    /// matter: `unsorted` is left out, the formatter sorts.
    func findings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            let addition = self.addition(at: diagnostic.location)
            let reported = diagnostic.severity == .error || (addition != nil && diagnostic.ruleID != "unsorted")
            guard reported else { return nil }
            var moved = diagnostic
            moved.message = renumbered(diagnostic.message, movedOut: addition != nil)
            if let addition { moved.location = rowLocation(of: addition, column: diagnostic.location.column) }
            return moved
        }
    }

    private func addition(at location: SourceLocation) -> SuggestionReview.Addition? {
        guard location.path == file.path else { return nil }
        return addition(atLine: location.line)
    }

    private func addition(atLine line: Int) -> SuggestionReview.Addition? {
        let index = line - firstAdded
        return additions.indices.contains(index) ? additions[index] : nil
    }

    /// The cell of the suggestion row that gave the field at `column` of the added line: id, lang
    /// and label their own cells, kind and the rest the decision.
    private func rowLocation(of addition: SuggestionReview.Addition, column: Int) -> SourceLocation {
        let label = addition.label
        var fieldStart = 1
        for (index, text) in [label.id, label.lang, label.kind.rawValue, label.text].enumerated() {
            let fieldEnd = fieldStart + text.unicodeScalars.count
            if column <= fieldEnd {
                switch index {
                case 0: return addition.row.location("id", in: suggestionsPath)
                case 1: return addition.row.location("lang", in: suggestionsPath)
                case 3: return addition.row.location("label", in: suggestionsPath, offset: column - fieldStart)
                default: return addition.row.location("decision", in: suggestionsPath)
                }
            }
            fieldStart = fieldEnd + 1
        }
        return addition.row.location("decision", in: suggestionsPath)
    }

    /// `message` with each `line N` that names an added line naming its suggestion row instead
    /// (a line past the end of the file on disk would send the reader nowhere), and, in a finding
    /// `movedOut` to the suggestions table, each other `line N` naming labels.tsv.
    private func renumbered(_ message: String, movedOut: Bool) -> String {
        var out = ""
        var rest = Substring(message)
        while let found = rest.firstRange(of: "line ") {
            let before = rest[..<found.lowerBound]
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let standsAlone = (before.last ?? " ") == " " || before.last == "("
            out += before
            if standsAlone, let number = Int(digits), let addition = addition(atLine: number) {
                out += "line \(addition.row.line) of \(suggestionsPath)"
                rest = rest[digits.endIndex...]
            } else if standsAlone, movedOut, let number = Int(digits) {
                out += "line \(number) of \(file.path)"
                rest = rest[digits.endIndex...]
            } else {
                out += "line "
                rest = rest[found.upperBound...]
            }
        }
        return out + rest
    }
}
