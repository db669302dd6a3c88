import TextNormalization

/// Converts beads to the formats other tools read: TMX 1.4b (CAT tools), Moses line-parallel
/// text, Vecalign bead lines.
public enum AlignmentExport {
    public enum Format: String, CaseIterable, Sendable { case tsv, vecalign, tmx, moses }

    /// Which rows go out: never rejected ones; auto ones only when asked.
    public static func rows(of file: AlignmentFile, includeUnreviewed: Bool) -> [AlignmentRow] {
        file.rows.filter { $0.status == .reviewed || ($0.status == .auto && includeUnreviewed) }
    }

    /// `[i,j]:[k]:score` per bead, 0-based, one per line (every bead, whatever its status).
    public static func vecalign(_ beads: [Bead]) -> String {
        var text = ""
        for bead in beads {
            text += "[" + bead.source.map(String.init).joined(separator: ",") + "]:["
            text += bead.target.map(String.init).joined(separator: ",") + "]:"
            text += AlignmentFileWriter.score(bead.score) + "\n"
        }
        return text
    }

    /// Moses-style parallel lines: line k of `source` translates line k of `target`. Beads with an
    /// empty side have nothing to pair and are left out.
    public static func moses(_ rows: [AlignmentRow]) -> (source: String, target: String) {
        var source = "", target = ""
        for row in rows where !row.bead.source.isEmpty && !row.bead.target.isEmpty {
            source += AlignmentFileWriter.cell(row.sourceText) + "\n"
            target += AlignmentFileWriter.cell(row.targetText) + "\n"
        }
        return (source, target)
    }

    /// A TMX 1.4b document: one translation unit per bead with both sides, its score and status
    /// as properties, `xml:lang` from the given codes (e.g. `fa-AF` or `prs`, `ps`, `en`).
    public static func tmx(_ rows: [AlignmentRow], sourceCode: String, targetCode: String,
                           toolVersion: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
        xml += "<tmx version=\"1.4\">\n"
        xml += "  <header creationtool=\"lexalign\" creationtoolversion=\"\(XMLText.escape(toolVersion))\""
            + " segtype=\"sentence\""
        xml += " o-tmf=\"lexalign-tsv\" adminlang=\"en\" srclang=\"\(XMLText.escape(sourceCode))\""
            + " datatype=\"plaintext\"/>\n"
        xml += "  <body>\n"
        var unit = 0
        for row in rows where !row.bead.source.isEmpty && !row.bead.target.isEmpty {
            unit += 1
            xml += "    <tu tuid=\"\(unit)\">\n"
            xml += "      <prop type=\"x-lexalign-beads\">\(AlignmentFileWriter.ref(row.bead.source)):"
                + "\(AlignmentFileWriter.ref(row.bead.target))</prop>\n"
            xml += "      <prop type=\"x-lexalign-score\">\(AlignmentFileWriter.score(row.bead.score))</prop>\n"
            xml += "      <prop type=\"x-lexalign-status\">\(row.status.rawValue)</prop>\n"
            xml += "      <tuv xml:lang=\"\(XMLText.escape(sourceCode))\">"
                + "<seg>\(XMLText.escape(row.sourceText))</seg></tuv>\n"
            xml += "      <tuv xml:lang=\"\(XMLText.escape(targetCode))\">"
                + "<seg>\(XMLText.escape(row.targetText))</seg></tuv>\n"
            xml += "    </tu>\n"
        }
        xml += "  </body>\n</tmx>\n"
        return xml
    }
}
