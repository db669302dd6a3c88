import TermLexicon
import TextNormalization

/// Ranks the lexicon's entities for a name from a spreadsheet cell, with the matching `tag` does:
/// the exact and key-form (variant) lookup of every label, affixes, and the fuzzy pass for
/// spellings nobody listed, run over the whole query string.
struct Reconciler: Sendable {
    let lexicon: LexiconService

    static let types = [
        ReconciliationManifest.TypeReference(id: "person", name: "Person"),
        ReconciliationManifest.TypeReference(id: "org", name: "Organisation"),
        ReconciliationManifest.TypeReference(id: "place", name: "Place"),
    ]
    static let defaultLimit = 5
    /// The lowest whole-name score that lifts a partly found entity: `tag`'s default fuzzy level.
    static let wholeNameMinimum = FuzzyLevel.default.minimumScore ?? 0.86
    /// The fewest letters a string needs before every label is compared with it (short strings
    /// sound like too many names).
    static let wholeNameLetters = 8

    /// - Parameter base: the server's address as the client reached it (`http://127.0.0.1:8080`).
    func manifest(base: String) -> ReconciliationManifest {
        ReconciliationManifest(name: "Lexalign entities (Afghanistan and its region)",
                               identifierSpace: "urn:lexalign:entity", schemaSpace: "urn:lexalign:type",
                               defaultTypes: Self.types, view: .init(url: base + "/entity/{{id}}"))
    }

    /// The candidates for one query, best first.
    func candidates(for query: ReconciliationQuery) throws(NormalizationSetupError) -> [ReconciliationCandidate] {
        let text = Self.trimmed(query.query)
        let scalars = Array(text.unicodeScalars)
        let significant = scalars.count(where: Self.isSignificant)
        guard significant > 0 else { return [] }
        let wanted = Set(query.types.compactMap { EntityType(rawValue: $0.lowercased()) })
        let model = lexicon.model
        var best: [Int: Found] = [:]
        func offer(_ entity: Int, _ found: Found) {
            guard wanted.isEmpty || wanted.contains(model.entityType(entity)) else { return }
            if let known = best[entity], known.score >= found.score { return }
            best[entity] = found
        }
        // The whole string is a label, or has a label's key form.
        for label in try lexicon.labels(withKeyOf: text) {
            offer(label.entity, Found(score: label.text == text ? 100 : 98, sure: true))
        }
        // Affixed and fuzzy names, and names inside the string, as tag finds them; every entity
        // supports a single word (the cell is known to be a name). A Latin string in one case
        // (MOTAQI, mottaki) is also read capitalised, as a name in running text would be.
        let options = MatchOptions(includeWeak: true, types: wanted.isEmpty ? nil : wanted,
                                   fuzzyMinimum: FuzzyLevel.loose.minimumScore, partial: true)
        for reading in Self.readings(of: text) {
            let bytes = Array(reading.utf8)
            let mentions = try lexicon.withFinder { finder in
                finder.mentions(in: bytes, 0..<bytes.count, options: options, support: lexicon.allEntities)
            }
            for mention in mentions {
                let start = min(mention.start, scalars.count), end = min(max(mention.end, start), scalars.count)
                let covered = scalars[start..<end].count(where: Self.isSignificant)
                let sure = covered == significant && (mention.kind == .exact || mention.kind == .variant)
                    && !mention.partOfLongerName
                let share = Double(covered) / Double(significant)
                offer(mention.entity, Found(score: Self.baseScore(mention) * share, sure: sure))
            }
        }
        // A name found only in part (Haqqani in "Sirajudin Haqqani", the rest an unlisted
        // spelling): the whole string against that entity's labels, as one name.
        let similarity = try NameSimilarity()
        let whole = similarity.symbols(of: text)
        for (entity, found) in best where !found.sure && found.score < 95 {
            let heard = lexicon.soundScore(of: whole, against: entity, similarity: similarity)
            if heard >= Self.wholeNameMinimum { best[entity]?.score = max(found.score, 95 * heard) }
        }
        // Nothing near enough yet (Abdul Ghani Beradar: only Ghani was read, as another person):
        // every label of the wanted types, as one name, when the string is long enough to judge.
        let letters = whole.symbols.count { $0 != UInt8(ascii: " ") }
        if best.values.allSatisfy({ $0.score < 90 }) && letters >= Self.wholeNameLetters {
            for (entity, heard) in lexicon.entities(soundingLike: whole, minimum: Self.wholeNameMinimum,
                                                    similarity: similarity) {
                offer(entity, Found(score: 95 * heard, sure: false))
            }
        }
        let sureCount = best.values.count { $0.sure }
        let ranked = best.map { entity, found in
            ReconciliationCandidate(
                id: model.entityID(entity), name: model.prefLabel(of: entity, in: "en") ?? model.entityID(entity),
                score: (found.score * 10).rounded() / 10, match: found.sure && sureCount == 1,
                type: Self.types.filter { $0.id == model.entityType(entity).rawValue })
        }
        .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        return Array(ranked.prefix(max(0, query.limit ?? Self.defaultLimit)))
    }

    private struct Found {
        var score: Double
        /// The whole string is one of the entity's names or its key form.
        var sure: Bool
    }

    /// The string as given and, when its letters are Latin and all of one case, capitalised.
    static func readings(of text: String) -> [String] {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        let oneCase = letters.allSatisfy { $0.properties.isUppercase }
            || letters.allSatisfy { $0.properties.isLowercase }
        guard !letters.isEmpty, letters.allSatisfy({ $0.isASCII }), oneCase else {
            return [text]
        }
        let capitalised = text.lowercased().split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return [text, capitalised]
    }

    /// Without the spaces, quotes and line breaks a spreadsheet cell may carry around the name.
    static func trimmed(_ text: String) -> String {
        let skipped: Set<Character> = [" ", "\t", "\n", "\r", "\u{A0}", "\"", "'"]
        return String(text.drop { skipped.contains($0) }.reversed().drop { skipped.contains($0) }.reversed())
    }

    /// How sure a mention is on its own: a listed spelling 100, its key form (case, diacritics,
    /// letter forms) 98, with an affix 90, a fuzzy one 95 times its score.
    private static func baseScore(_ mention: Mention) -> Double {
        switch mention.kind {
        case .exact: return 100
        case .variant: return 98
        case .affixed: return 90
        case .fuzzy: return 95 * (mention.score ?? 0)
        }
    }

    /// Letters and digits: what a mention must cover for the query to be "all" one name
    /// (spaces, punctuation and quotes around a cell's value do not count).
    private static func isSignificant(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
