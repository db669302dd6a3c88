/// Writes suggestions as the table `SuggestionTable` reads: comment lines, the header, then one
/// row per suggestion, in `precedes` order.
public enum SuggestionTableWriter {
    public static func text(_ suggestions: [Suggestion], comments: [String] = []) -> String {
        let sorted = suggestions.sorted(by: precedes)
        var lines = comments.map { "# " + cell($0) }
        lines.append(SuggestionTable.columns.joined(separator: "\t"))
        for suggestion in sorted {
            let cells = [suggestion.id, suggestion.lang, suggestion.label, suggestion.kind.rawValue,
                         score(suggestion.score), String(suggestion.count), suggestion.evidence, suggestion.example,
                         suggestion.decision]
            lines.append(cells.map(cell).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table's order: by id and, within an id, the best score first; ties by lang, then the
    /// label of more words first (a name before a part of it that scores as well: ملګرو ملتونو,
    /// ملتونو), then the label, so the same suggestions always give the same file.
    public static func precedes(_ a: Suggestion, _ b: Suggestion) -> Bool {
        if a.id != b.id { return LexiconOrder.scalarsPrecede(a.id, b.id) }
        if a.score != b.score { return a.score > b.score }
        if a.lang != b.lang { return LexiconOrder.scalarsPrecede(a.lang, b.lang) }
        let aWords = a.label.split(separator: " ").count, bWords = b.label.split(separator: " ").count
        if aWords != bWords { return aWords > bWords }
        return LexiconOrder.scalarsPrecede(a.label, b.label)
    }

    /// The text on one line and in one cell: a TSV cell has no quoting, so tabs, CRs and LFs
    /// become spaces.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            out.unicodeScalars.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return out
    }

    /// Three decimals: enough to rank by, short enough to read in a spreadsheet. A score that is
    /// not a number is written 0, which the reader accepts (it would refuse `nan`).
    static func score(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        guard abs(value) < 1e12 else { return value.description }
        let thousandths = Int64((value * 1000).rounded())
        let magnitude = thousandths.magnitude
        let fraction = String(magnitude % 1000)
        return (thousandths < 0 ? "-" : "") + String(magnitude / 1000) + "."
            + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
