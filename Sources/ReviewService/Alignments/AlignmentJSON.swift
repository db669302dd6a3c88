/// The JSON shapes of the alignment API (docs/SERVE.md). Field names are the API's; keys are
/// written sorted.
struct AlignmentListing: Encodable {
    var alignments: [AlignmentSummary]
}

struct AlignmentSummary: Encodable {
    var document: String
    var pair: String
    var path: String
    var sourceLanguage: String
    var targetLanguage: String
    var beads: Int
    /// Bead counts by status; every status is present.
    var statuses: [String: Int]
    var errors: Int
    var warnings: Int
}

struct AlignmentView: Encodable {
    var document: String
    var pair: String
    var path: String
    /// sha256 of the bead file, also sent as the ETag header.
    var etag: String
    var source: SideView
    var target: SideView
    var beads: [BeadView]
    /// Findings not tied to one bead (pins, sentence files, coverage).
    var findings: [FindingView]
    /// After a save: the warnings the saved file has.
    var warnings: [FindingView]?
}

struct SideView: Encodable {
    var path: String
    var language: String
    /// `rtl` for Dari and Pashto, `ltr` otherwise.
    var direction: String
    var sentences: [String]
}

struct BeadView: Encodable {
    var source: String
    var target: String
    var score: Double
    var status: String
    var sourceText: String
    var targetText: String
    var sourceMentions: [MentionView]
    var targetMentions: [MentionView]
    var findings: [FindingView]
    /// The bead's line in the bead file.
    var line: Int
}

struct MentionView: Encodable {
    /// Code points of the text, as `lexalign tag` counts.
    var start: Int
    var end: Int
    /// UTF-16 units, as JavaScript indexes strings.
    var start16: Int
    var end16: Int
    var text: String
    var id: String
    var type: String
    /// The entity's English pref label.
    var label: String
    var kind: String
}

struct FindingView: Encodable {
    var severity: String
    var rule: String
    var message: String
    var path: String
    var line: Int
    var column: Int
    /// The 0-based index of the bead on that line, when the finding is about one bead.
    var bead: Int?
}

/// What a PUT reads of the object GET returned: each bead's refs and status.
struct AlignmentEdit: Decodable {
    struct EditedBead: Decodable {
        var source: String
        var target: String
        var status: String
    }
    var beads: [EditedBead]
}

struct RejectedEdit: Encodable {
    var error: String
    var findings: [FindingView]
}

struct StaleEdit: Encodable {
    var error: String
    var etag: String
}
