import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TermLexicon

/// Each export read back with a reader of its own format: every label that names its entity comes
/// back once, with its entity, language and kind; negative labels never do.
@Suite("lexicon export")
struct ExportTests {
    /// (id, lang, kind, text) of the labels an export must hold, with tricky texts added: a quote,
    /// a backslash, a comma, an ampersand and markup.
    static let lexicon: Lexicon = {
        let tricky = "org:test\ten\tpref\tThe \"Quoted\" \\ Org, & <Co>\t\t\n"
            + "org:test\tprs\talt\tسازمان آزمایش\tweak\t\norg:test\tps\tnegative\tازموینه\t\t\n"
        let base = LexiconSources.builtIn()
        let sources = LexiconSources(entities: LexiconText(path: "entities.tsv", text: base.entities.text + "org:test\torg\tplace:kabul\tQ42\t\n"),
                                     labels: LexiconText(path: "labels.tsv", text: base.labels.text + tricky),
                                     affixes: base.affixes,
                                     identifiers: base.identifiers)
        let (parsed, problems) = Lexicon.parse(sources)
        precondition(!problems.contains { $0.severity == .error }, "\(problems)")
        return parsed
    }()

    static var expected: [String] {
        lexicon.labels.filter { $0.kind != .negative }.map { "\($0.id)|\($0.lang)|\($0.kind.rawValue)|\($0.text)" }.sorted()
    }

    @Test func skosReadsBack() throws {
        let triples = try TurtleReader.triples(LexiconExportFormat.skos.export(Self.lexicon))
        let kinds = ["http://www.w3.org/2004/02/skos/core#prefLabel": "pref", "http://www.w3.org/2004/02/skos/core#altLabel": "alt",
                     "http://www.w3.org/2004/02/skos/core#hiddenLabel": "hidden"]
        let labels = triples.compactMap { triple -> String? in
            guard let kind = kinds[triple.predicate], case .literal(let text, let lang) = triple.object else { return nil }
            return "\(triple.subject.dropFirst("urn:lexalign:".count))|\(lang)|\(kind)|\(text)"
        }
        #expect(labels.sorted() == Self.expected)
        #expect(labels.contains("org:test|en|pref|The \"Quoted\" \\ Org, & <Co>"))
        let concepts = triples.filter { $0.predicate == TurtleReader.rdfType && $0.object == .iri("http://www.w3.org/2004/02/skos/core#Concept") }
        #expect(concepts.count == Set(Self.lexicon.entities.map(\.id)).count)
        #expect(triples.contains { $0.subject == "urn:lexalign:org:test" && $0.object == .iri("http://www.wikidata.org/entity/Q42") })
        #expect(triples.contains { $0.subject == "urn:lexalign:org:test" && $0.object == .iri("urn:lexalign:place:kabul") })
        // Identifiers: GeoNames as an exact match, ISO 3166 codes as notations.
        #expect(triples.contains { $0.subject == "urn:lexalign:place:kabul" && $0.object == .iri("https://sws.geonames.org/1138958/") })
        let notations = triples.filter { $0.predicate == "http://www.w3.org/2004/02/skos/core#notation" }
        #expect(notations.count == Self.lexicon.identifiers.filter { $0.scheme == .iso3166_1 || $0.scheme == .iso3166_2 }.count)
        #expect(notations.contains { $0.subject == "urn:lexalign:place:kabul-province" && $0.object == .literal("AF-KAB", "") })
    }

    @Test func spacyPatternsReadBack() throws {
        var labels: [String] = []
        for line in LexiconExportFormat.spacy.export(Self.lexicon).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(["PERSON", "ORG", "LOC"].contains(object["label"] ?? ""))
            labels.append("\(object["id"]!)|\(object["pattern"]!)")
        }
        #expect(labels.sorted() == Self.lexicon.labels.filter { $0.kind != .negative }.map { "\($0.id)|\($0.text)" }.sorted())
    }

    @Test func tbxReadsBack() throws {
        let reader = TBXReader()
        let parser = XMLParser(data: Data(LexiconExportFormat.tbx.export(Self.lexicon).utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(reader.namespace == "urn:iso:std:iso:30042:ed-2")
        #expect(reader.labels.sorted() == Self.expected)
        #expect(reader.entries == Set(Self.lexicon.entities.map(\.id)).count)
        // Identifiers as cross-references: one per QID and identifiers.tsv row.
        let identifiers = Self.lexicon.identifiers.count + Self.lexicon.entities.filter { !$0.wikidata.isEmpty }.count
        #expect(reader.crossReferences.count == identifiers)
        for expected in ["place:kabul|https://sws.geonames.org/1138958/|1138958",
                         "place:kabul-province|https://www.iso.org/obp/ui/#iso:code:3166:AF|AF-KAB",
                         "place:afghanistan|https://www.iso.org/obp/ui/#iso:code:3166:AF|AF",
                         "org:test|http://www.wikidata.org/entity/Q42|Q42"] {
            #expect(reader.crossReferences.contains(expected), "\(expected)")
        }
    }

    @Test func csvReadsBack() throws {
        let rows = CSVReader.rows(LexiconExportFormat.csv.export(Self.lexicon))
        #expect(rows.first == ["id", "type", "lang", "kind", "label", "flags", "broader", "wikidata",
                               "iso3166-1", "iso3166-2", "geonames"])
        #expect(rows.allSatisfy { $0.count == 11 })
        #expect(rows.dropFirst().map { "\($0[0])|\($0[2])|\($0[3])|\($0[4])" }.sorted() == Self.expected)
        #expect(rows.contains { $0[0] == "org:test" && $0[2] == "prs" && $0[5] == "weak" && $0[6] == "place:kabul" && $0[7] == "Q42" })
        // Every label row of an entity carries its identifiers.
        let kabulProvince = rows.filter { $0[0] == "place:kabul-province" }
        #expect(!kabulProvince.isEmpty && kabulProvince.allSatisfy { $0[8] == "" && $0[9] == "AF-KAB" && $0[10] == "1138957" })
        #expect(rows.contains { $0[0] == "place:afghanistan" && $0[8] == "AF" && $0[10] == "1149361" })
    }
}

/// Just enough Turtle for the export: @prefix, IRIs, prefixed names, `a`, string literals with
/// escapes and language tags, and the `;` `,` `.` punctuation.
enum TurtleReader {
    enum Term: Equatable { case iri(String), literal(String, String) }
    struct Triple { var subject: String; var predicate: String; var object: Term }
    struct Malformed: Error { var at: String }
    static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

    static func triples(_ text: String) throws -> [Triple] {
        var tokens: [Term?] = []   // nil: punctuation, kept in `marks`
        var marks: [Character] = []
        var prefixes: [String: String] = [:]
        var chars = Array(text)
        var index = 0
        func iri(_ name: String) throws -> String {
            if name == "a" { return rdfType }
            guard let colon = name.firstIndex(of: ":"), let base = prefixes[String(name[..<colon])] else { throw Malformed(at: name) }
            return base + name[name.index(after: colon)...]
        }
        chars.append(" ")
        while index < chars.count {
            let character = chars[index]
            if character.isWhitespace { index += 1; continue }
            if character == "<" {
                let end = chars[index...].firstIndex(of: ">")!
                tokens.append(.iri(String(chars[(index + 1)..<end]))); marks.append(" ")
                index = end + 1
            } else if character == "\"" {
                var value = ""
                index += 1
                while chars[index] != "\"" {
                    if chars[index] == "\\" {
                        index += 1
                        switch chars[index] { case "n": value += "\n"; case "r": value += "\r"; case "t": value += "\t"; default: value.append(chars[index]) }
                    } else {
                        value.append(chars[index])
                    }
                    index += 1
                }
                index += 1
                var lang = ""
                if chars[index] == "@" {
                    index += 1
                    while chars[index].isLetter || chars[index] == "-" { lang.append(chars[index]); index += 1 }
                }
                tokens.append(.literal(value, lang)); marks.append(" ")
            } else if ";,.".contains(character) {
                tokens.append(nil); marks.append(character)
                index += 1
            } else {
                var word = ""
                while !chars[index].isWhitespace && !(";,".contains(chars[index])) && !(chars[index] == "." && chars[index + 1].isWhitespace) {
                    word.append(chars[index]); index += 1
                }
                if word == "@prefix" {
                    var name = ""
                    while chars[index].isWhitespace { index += 1 }
                    while chars[index] != ":" { name.append(chars[index]); index += 1 }
                    let start = chars[index...].firstIndex(of: "<")!, end = chars[index...].firstIndex(of: ">")!
                    prefixes[name] = String(chars[(start + 1)..<end])
                    index = chars[end...].firstIndex(of: ".")! + 1
                } else {
                    tokens.append(.iri(try iri(word))); marks.append(" ")
                }
            }
        }
        var triples: [Triple] = []
        var position = 0
        while position < tokens.count {
            guard case .iri(let subject) = tokens[position] else { throw Malformed(at: "subject \(position)") }
            position += 1
            statement: while true {
                guard case .iri(let predicate) = tokens[position] else { throw Malformed(at: "predicate \(position)") }
                position += 1
                while true {
                    guard let object = tokens[position] else { throw Malformed(at: "object \(position)") }
                    triples.append(Triple(subject: subject, predicate: predicate, object: object))
                    position += 1
                    switch marks[position] {
                    case ",": position += 1
                    case ";": position += 1; continue statement
                    case ".": position += 1; break statement
                    default: throw Malformed(at: "punctuation \(position)")
                    }
                }
            }
        }
        return triples
    }
}

/// Reads the TBX export's entries and terms back.
final class TBXReader: NSObject, XMLParserDelegate {
    var namespace = ""
    var entries = 0
    var labels: [String] = []
    /// entity|target|text of each `xref`.
    var crossReferences: [String] = []
    private var entity = "", lang = "", term = "", status = "", text = "", target = ""

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == "tbx" { namespace = namespaceURI ?? "" }
        if element == "conceptEntry" { entries += 1 }
        if element == "langSec" { lang = attributes["xml:lang"] ?? attributes["lang"] ?? "" }
        if element == "xref" { target = attributes["target"] ?? "" }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "note": entity = text
        case "xref": crossReferences.append("\(entity)|\(target)|\(text)")
        case "term": term = text
        case "termNote": status = text
        case "termSec":
            let kind = ["preferredTerm-admn-sts": "pref", "admittedTerm-admn-sts": "alt", "deprecatedTerm-admn-sts": "hidden"][status] ?? "?"
            labels.append("\(entity)|\(lang)|\(kind)|\(term)")
        default: break
        }
    }
}

/// RFC 4180 rows.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r" && characters.first == "\n" {
                characters.removeFirst()
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(character)
            }
        }
        return rows
    }
}
