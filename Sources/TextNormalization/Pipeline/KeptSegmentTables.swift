/// The segment tables of the default options as runs (`SegmentTable.runs`), worked out with the
/// ICU and the orthography rules of the time: the key form's (digits in ASCII) and the text form's
/// for Dari (and English) and Pashto (digits kept). Read at start-up instead of being built from
/// ICU (2.8 M instructions a table) when the ICU linked at run time is the one they were made with
/// (`icu`, `unicode`); with any other ICU, or other options, the tables are built as before. A test
/// (SegmentTableRunsTests) holds them equal to the tables built now and, when they are not, writes
/// their file (`KeptSegmentTables+Data.swift`) anew:
/// `LEXALIGN_KEPT_TABLES_OUT=FILE swift test --filter SegmentTableRunsTests`.
enum KeptSegmentTables {
    struct Kept {
        let runs: [UInt32]
        let pool: [UInt8]
    }

    /// The kept table for these options and slot (`.undetermined` for the key form's, `.dari` or
    /// `.pashto` for the text form's), if there is one and the running ICU is the one it was made
    /// with.
    static func table(form: NormalizationForm, digits: DigitPolicy, slot: Language) -> SegmentTable? {
        let kept: Kept
        switch (form, digits, slot) {
        case (.key, .ascii, _): kept = key
        case (.text, .keep, .pashto): kept = pashto
        case (.text, .keep, _): kept = dari
        default: return nil
        }
        guard !kept.runs.isEmpty, ICUVersion.icu == icu, ICUVersion.unicode == unicode else { return nil }
        return SegmentTable(runs: kept.runs, pool: kept.pool, readsDecodedLines: form == .text)
    }
}
