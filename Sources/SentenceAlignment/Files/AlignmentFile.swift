/// Whether a person has looked at a bead.
public enum BeadStatus: String, CaseIterable, Sendable {
    case auto, reviewed, rejected
}

/// A sentence file an alignment file was made from, pinned by its SHA-256, so a stale alignment
/// (the text changed after it was aligned) can be caught.
public struct ContentPin: Equatable, Sendable {
    /// The file as named in the header: relative to the alignment file's folder.
    public var name: String
    public var sha256: String
    /// 1-based line of the pin in the alignment file; 0 when made in memory.
    public var line: Int

    public init(name: String, sha256: String, line: Int = 0) {
        self.name = name
        self.sha256 = sha256
        self.line = line
    }
}

/// One row of an alignment file.
public struct AlignmentRow: Equatable, Sendable {
    public var bead: Bead
    public var status: BeadStatus
    public var sourceText: String
    public var targetText: String
    /// 1-based line in the file; 0 when made in memory.
    public var line: Int

    public init(bead: Bead, status: BeadStatus = .auto, sourceText: String, targetText: String, line: Int = 0) {
        self.bead = bead
        self.status = status
        self.sourceText = sourceText
        self.targetText = targetText
        self.line = line
    }
}

/// The bead file of one document and language pair (docs/FORMATS.md, "Alignment folders").
public struct AlignmentFile: Equatable, Sendable {
    public var source: ContentPin?
    public var target: ContentPin?
    public var rows: [AlignmentRow]

    public init(source: ContentPin?, target: ContentPin?, rows: [AlignmentRow]) {
        self.source = source
        self.target = target
        self.rows = rows
    }

    public static let columnHeader = "src\ttgt\tscore\tstatus\tsrc_text\ttgt_text"

    /// Rows for `beads` over the given sentences; a bead's side text is its sentences joined by a
    /// space.
    public init(beads: [Bead], sourceSentences: [String], targetSentences: [String],
                source: ContentPin?, target: ContentPin?) {
        self.source = source
        self.target = target
        rows = beads.map { bead in
            AlignmentRow(bead: bead,
                         sourceText: bead.source.map { sourceSentences[$0] }.joined(separator: " "),
                         targetText: bead.target.map { targetSentences[$0] }.joined(separator: " "))
        }
    }

    /// Gives each empty side (`-`) its position: after the sentences of the rows before it.
    public mutating func placeEmptySides() {
        var source = 0, target = 0
        for index in rows.indices {
            if rows[index].bead.source.isEmpty {
                rows[index].bead.source = source..<source
            } else {
                source = rows[index].bead.source.upperBound
            }
            if rows[index].bead.target.isEmpty {
                rows[index].bead.target = target..<target
            } else {
                target = rows[index].bead.target.upperBound
            }
        }
    }
}
