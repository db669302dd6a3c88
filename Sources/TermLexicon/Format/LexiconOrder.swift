/// The canonical order of lexicon lines (docs/FORMATS.md): entities by id; labels by id, lang, kind
/// (pref, alt, hidden, negative) and label; affixes by lang, kind and text; identifiers by id, scheme and
/// value. Strings compare by Unicode scalar values, so the order is the same on every machine and locale.
public enum LexiconOrder {
    static func scalarsPrecede(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// The sort key of a data line of `kind`, from its raw fields (lines with too few fields sort
    /// by what they have).
    static func key(of fields: [Substring], in file: LexiconFileKind) -> [String] {
        func field(_ index: Int) -> String { index < fields.count ? String(fields[index]) : "" }
        switch file {
        case .entities:
            return [field(0)]
        case .labels:
            let rank = LabelKind(rawValue: field(2)).map { String($0.rank) } ?? "9" + field(2)
            return [field(0), field(1), rank, field(3)]
        case .affixes:
            return [field(0), field(1), field(2)]
        case .identifiers:
            return [field(0), field(1), field(2)]
        }
    }

    static func precedes(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return scalarsPrecede(x, y) }
        return a.count < b.count
    }
}

/// Which lexicon file a TSV file is.
public enum LexiconFileKind: String, CaseIterable, Sendable {
    case entities, labels, affixes, identifiers

    public var fileName: String { rawValue + ".tsv" }
}
