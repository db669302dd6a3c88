import TermLexicon
import TextNormalization

/// `GET /entity/{id}`: an entity's labels, identifiers and broader chain, the view the
/// reconciliation manifest points OpenRefine at. HTML for people (text escaped as the XML
/// exports escape it: the same five characters), JSON when asked for.
struct EntityPage: Sendable {
    let lexicon: LexiconService

    struct EntityJSON: Encodable {
        struct LabelJSON: Encodable {
            var lang: String
            var kind: String
            var text: String
            var flags: String
        }
        struct IdentifierJSON: Encodable {
            var scheme: String
            var value: String
        }
        var id: String
        var type: String
        var name: String
        var wikidata: String?
        var labels: [LabelJSON]
        var identifiers: [IdentifierJSON]
        /// Nearest first, as `tag` reports `broader`.
        var broader: [String]
        var note: String
    }

    func respond(id: String, wantsJSON: Bool) -> ServiceResponse {
        guard let entity = describe(id) else {
            return wantsJSON ? .error(404, "no entity \(id) in the lexicon")
                : .text(page(title: "Not found", body: "<p>No entity <code>\(escaped(id))</code> in the lexicon.</p>"),
                        type: "text/html; charset=utf-8", status: 404)
        }
        return wantsJSON ? .json(entity) : .text(render(entity), type: "text/html; charset=utf-8")
    }

    func describe(_ id: String) -> EntityJSON? {
        guard let position = lexicon.entityPositions[id], let modelIndex = lexicon.modelIndex[id] else { return nil }
        let entity = lexicon.lexicon.entities[position]
        let labels = lexicon.lexicon.labels.filter { $0.id == id }
            .sorted { ($0.lang, $0.kind.rawValue, $0.text) < ($1.lang, $1.kind.rawValue, $1.text) }
            .map { EntityJSON.LabelJSON(lang: $0.lang, kind: $0.kind.rawValue, text: $0.text,
                                        flags: $0.flags.description) }
        let identifiers = lexicon.lexicon.identifiers.filter { $0.id == id }
            .map { EntityJSON.IdentifierJSON(scheme: $0.scheme.rawValue, value: $0.value) }
        return EntityJSON(id: id, type: entity.type.rawValue,
                          name: lexicon.model.prefLabel(of: modelIndex, in: "en") ?? id,
                          wikidata: entity.wikidata.isEmpty ? nil : entity.wikidata,
                          labels: labels, identifiers: identifiers, broader: lexicon.model.broaderChain(of: modelIndex),
                          note: entity.note)
    }

    private func render(_ entity: EntityJSON) -> String {
        var body = "<h1>\(escaped(entity.name))</h1>\n<p><code>\(escaped(entity.id))</code> · \(entity.type)"
        if let wikidata = entity.wikidata {
            let qid = escaped(wikidata)
            body += " · Wikidata <a href=\"https://www.wikidata.org/wiki/\(qid)\">\(qid)</a>"
        }
        body += "</p>\n"
        if !entity.note.isEmpty { body += "<p>\(escaped(entity.note))</p>\n" }
        if !entity.broader.isEmpty {
            body += "<h2>Broader</h2>\n<ol class=\"broader\">"
            for id in entity.broader {
                body += "<li><a href=\"/entity/\(PercentEncoding.encodePathSegment(id))\">\(escaped(id))</a></li>"
            }
            body += "</ol>\n"
        }
        body += "<h2>Labels</h2>\n"
            + "<table><thead><tr><th>lang</th><th>kind</th><th>label</th><th>flags</th></tr></thead><tbody>\n"
        for label in entity.labels {
            let direction = ["prs", "ps", "fa", "ar", "ur"].contains(label.lang) ? "rtl" : "ltr"
            body += "<tr><td>\(escaped(label.lang))</td><td>\(label.kind)</td>"
                + "<td dir=\"\(direction)\" lang=\"\(escaped(label.lang))\"><bdi>\(escaped(label.text))</bdi></td>"
                + "<td>\(escaped(label.flags))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        if !entity.identifiers.isEmpty {
            body += "<h2>Identifiers</h2>\n<table><tbody>"
            for identifier in entity.identifiers {
                body += "<tr><th>\(escaped(identifier.scheme))</th><td>\(escaped(identifier.value))</td></tr>"
            }
            body += "</tbody></table>\n"
        }
        return page(title: entity.name, body: body)
    }

    private func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escaped(title)) · Lexalign</title>
        <link rel="stylesheet" href="/review.css"></head>
        <body class="entity-page"><nav><a href="/">Alignments</a></nav><main>
        \(body)</main></body></html>

        """
    }
}

/// Text for the page's HTML: the five characters the XML exports escape, escaped the same way.
private func escaped(_ text: String) -> String { XMLText.escape(text) }
