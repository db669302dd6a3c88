/// Writes alignment files and the refs and scores in them.
public enum AlignmentFileWriter {
    /// The file's text: pins, the column header, one row per bead, LF line ends.
    public static func text(of file: AlignmentFile) -> String {
        var text = header(of: file)
        for row in file.rows {
            text += ref(row.bead.source) + "\t" + ref(row.bead.target) + "\t" + score(row.bead.score) + "\t"
            text += row.status.rawValue + "\t" + cell(row.sourceText) + "\t" + cell(row.targetText) + "\n"
        }
        return text
    }

    /// The pin lines and the column header.
    public static func header(of file: AlignmentFile) -> String {
        var text = ""
        if let pin = file.source { text += "# source: \(PinName.encode(pin.name)) sha256=\(pin.sha256)\n" }
        if let pin = file.target { text += "# target: \(PinName.encode(pin.name)) sha256=\(pin.sha256)\n" }
        return text + AlignmentFile.columnHeader + "\n"
    }

    /// "3", "2-3" or "-" for a 0-based range, written 1-based.
    public static func ref(_ range: Range<Int>) -> String {
        switch range.count {
        case 0: "-"
        case 1: "\(range.lowerBound + 1)"
        default: "\(range.lowerBound + 1)-\(range.upperBound)"
        }
    }

    /// Two decimals, clamped to [0, 1].
    public static func score(_ value: Double) -> String {
        let clamped = value.isNaN ? 0 : min(max(value, 0), 1)
        let hundredths = Int((clamped * 100).rounded())
        return hundredths == 100 ? "1.00" : "0." + (hundredths < 10 ? "0" : "") + "\(hundredths)"
    }

    /// A text cell: tabs and line breaks become spaces, so a row stays one line of six fields.
    public static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
