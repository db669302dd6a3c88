/// How a mention's text relates to the label it matched.
public enum MatchKind: String, Sendable {
    /// The text is the label as written.
    case exact
    /// The text matches the label's key: another spelling, case, spacing, diacritics or letter forms.
    case variant
    /// The name carries a suffix (Muttaqi’s, طالبان‌ها, طالبانو) or a joined prefix (دکابل); the
    /// mention covers the name only.
    case affixed
    /// Found by the fuzzy pass: the text sounds like the label (`via`) without being one of its
    /// spellings; `score` says how near.
    case fuzzy
}

/// One entity found in a record's text. Offsets are in Unicode scalars of the original text,
/// half-open, and include a title kept before a person's name.
public struct Mention: Equatable, Sendable {
    public var start: Int
    public var end: Int
    /// Index of the entity in the lexicon.
    public var entity: Int
    /// Index of the label that matched.
    public var label: Int
    public var kind: MatchKind
    /// Where the name starts when a title precedes it (`start` is then the title's start).
    public var nameStart: Int
    /// Whether the mention rests on a weak label.
    public var weak: Bool
    /// For a fuzzy mention, its score in [0, 1].
    public var score: Double? = nil
    /// Part of a longer capitalised name the lexicon does not know (Ismail Khan in "Dera Ismail
    /// Khan"); reported only with `MatchOptions.partial`.
    public var partOfLongerName = false
    /// The label is a nationality adjective (`LabelFlags.demonym`): Chinese for China.
    public var demonym = false
    /// The head word beside a place's name that picked its entity (провинция before Кундуз:
    /// Kunduz Province, not the city), in the span (`PlaceHeads`).
    public var head: Range<Int>? = nil
}
