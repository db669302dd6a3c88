import TextNormalization

/// TBX v3 in the TBX-Basic dialect (DCA style, namespace `urn:iso:std:iso:30042:ed-2`): one
/// `conceptEntry` per entity, one `langSec` per language, one `termSec` per label, with the
/// label's kind as `administrativeStatus` (pref: preferred, alt: admitted, hidden: deprecated).
/// An entry's `id` is the entity id with `:` written `.` (an XML ID may not hold a colon:
/// `place.kabul`); the id as written, the type and the entity's identifiers go into the entry too,
/// each an `externalCrossReference`: Wikidata and GeoNames to the item's page, an ISO 3166 code
/// to the country's page of ISO's Online Browsing Platform (which lists its subdivisions' codes).
enum TBXExport {
    static func status(of kind: LabelKind) -> String {
        switch kind {
        case .pref: return "preferredTerm-admn-sts"
        case .alt, .negative: return "admittedTerm-admn-sts"
        case .hidden: return "deprecatedTerm-admn-sts"
        }
    }

    static func entryID(_ id: String) -> String { String(id.map { $0 == ":" ? "." : $0 }) }

    static func text(_ lexicon: Lexicon) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc>
                    <p>Lexalign lexicon: names of people, organisations and places, by entity</p>
                  </sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        let labels = lexicon.exportedLabels()
        let identifiers = lexicon.exportedIdentifiers()
        for entity in lexicon.uniqueEntities() {
            out += "      <conceptEntry id=\"\(XMLText.escape(entryID(entity.id)))\">\n"
            out += "        <descrip type=\"subjectField\">\(entity.type.rawValue)</descrip>\n"
            out += "        <note>\(XMLText.escape(entity.id))</note>\n"
            for identifier in identifiers[entity.id] ?? [] {
                // An ISO 3166 code (AF-KAB) points at its country's page, which lists the codes.
                let target = identifier.entityURI
                    ?? "https://www.iso.org/obp/ui/#iso:code:3166:\(identifier.value.prefix(2))"
                out += "        <xref type=\"externalCrossReference\" target=\"\(XMLText.escape(target))\">"
                    + "\(XMLText.escape(identifier.value))</xref>\n"
            }
            var languages: [String] = []
            for label in labels[entity.id] ?? [] where !languages.contains(label.lang) { languages.append(label.lang) }
            for lang in languages {
                out += "        <langSec xml:lang=\"\(XMLText.escape(lang))\">\n"
                for label in labels[entity.id]! where label.lang == lang {
                    out += "          <termSec>\n"
                    out += "            <term>\(XMLText.escape(label.text))</term>\n"
                    out += "            <termNote type=\"administrativeStatus\">\(status(of: label.kind))</termNote>\n"
                    out += "          </termSec>\n"
                }
                out += "        </langSec>\n"
            }
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

}
