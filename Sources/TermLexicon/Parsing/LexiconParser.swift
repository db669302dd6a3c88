import TextNormalization

/// Reads the three lexicon files into records, checking each line on its own: field count, known
/// types, kinds, flags and languages, id and QID syntax, stray spaces. Checks that need the whole
/// lexicon are `LexiconLinter`'s.
public enum LexiconParser {
    public static let entityColumns = ["id", "type", "broader", "wikidata", "note"]
    public static let labelColumns = ["id", "lang", "kind", "label", "flags", "note"]
    public static let affixColumns = ["lang", "kind", "text", "after", "note"]
    public static let identifierColumns = ["id", "scheme", "value", "note"]

    public static func entities(_ file: TSVFile) -> ([Entity], [Diagnostic]) {
        var entities: [Entity] = []
        var diagnostics = lineEndProblems(file)
        for line in file.lines where !line.isComment && !line.isBlank && !line.isConflictMarker {
            guard checkFieldCount(line, expected: entityColumns, in: file, into: &diagnostics) else { continue }
            diagnostics += straySpaces(line, in: file, columns: entityColumns)
            let fields = line.fields.map(String.init)
            guard let type = EntityType(rawValue: fields[1]) else {
                diagnostics.append(file.diagnostic(.error, line, field: 1,
                    "unknown type '\(fields[1])' "
                        + "(known: \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))",
                    rule: "unknown-type"))
                continue
            }
            if let problem = idProblem(fields[0]) {
                diagnostics.append(file.diagnostic(.error, line, field: 0, problem, rule: "id-syntax"))
            } else if !fields[0].hasPrefix(type.rawValue + ":") {
                diagnostics.append(file.diagnostic(.error, line, field: 0,
                    "id '\(fields[0])' does not start with its type '\(type.rawValue):'", rule: "type-mismatch"))
            }
            let broader = fields[2].isEmpty ? []
                : fields[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for (offset, parent) in zip(broaderOffsets(fields[2]), broader) where idProblem(parent) != nil {
                diagnostics.append(file.diagnostic(.error, line, field: 2, offset: offset,
                    "broader '\(parent)' is not an id of the form type:slug", rule: "id-syntax"))
            }
            if !fields[3].isEmpty && !isQID(fields[3]) {
                diagnostics.append(file.diagnostic(.error, line, field: 3,
                    "'\(fields[3])' is not a Wikidata QID (Q followed by digits, e.g. Q1234)", rule: "wikidata-syntax"))
            }
            entities.append(Entity(id: fields[0], type: type, broader: broader, wikidata: fields[3], note: fields[4],
                                   line: line.number))
        }
        return (entities, diagnostics)
    }

    public static func labels(_ file: TSVFile) -> ([Label], [Diagnostic]) {
        var labels: [Label] = []
        var diagnostics = lineEndProblems(file)
        // Labels come in runs of one id: check each id's syntax once.
        var checkedID = ""
        for line in file.lines where !line.isComment && !line.isBlank && !line.isConflictMarker {
            guard checkFieldCount(line, expected: labelColumns, in: file, into: &diagnostics) else { continue }
            diagnostics += straySpaces(line, in: file, columns: labelColumns)
            let fields = line.fields.map(String.init)
            var valid = true
            if fields[0] == checkedID {
                // already known to be well formed
            } else if idProblem(fields[0]) != nil {
                diagnostics.append(file.diagnostic(.error, line, field: 0,
                    "'\(fields[0])' is not an id of the form type:slug", rule: "id-syntax"))
                valid = false
            }
            let lang = LabelLanguage.canonical(fields[1])
            if lang == nil {
                diagnostics.append(file.diagnostic(.error, line, field: 1,
                    "unknown lang '\(fields[1])' "
                        + "(known: \(LabelLanguage.scripts.keys.sorted().joined(separator: ", ")), fa-AF)",
                    rule: "unknown-lang"))
                valid = false
            }
            let kind = LabelKind(rawValue: fields[2])
            if kind == nil {
                diagnostics.append(file.diagnostic(.error, line, field: 2,
                    "unknown kind '\(fields[2])' (known: pref, alt, hidden, negative)", rule: "unknown-kind"))
                valid = false
            }
            if fields[3].isEmpty {
                diagnostics.append(file.diagnostic(.error, line, field: 3, "empty label", rule: "empty-label"))
                valid = false
            }
            var flags: LabelFlags = []
            if !fields[4].isEmpty {
                var offset = 0
                for name in fields[4].split(separator: ",", omittingEmptySubsequences: false) {
                    if let flag = LabelFlags.names.first(where: { $0.0 == name })?.1 {
                        flags.insert(flag)
                    } else {
                        diagnostics.append(file.diagnostic(.error, line, field: 4, offset: offset,
                            "unknown flag '\(name)' (known: \(LabelFlags.names.map(\.0).joined(separator: ", ")))",
                            rule: "unknown-flag"))
                        valid = false
                    }
                    offset += name.unicodeScalars.count + 1
                }
            }
            guard valid, let lang, let kind else { continue }
            checkedID = fields[0]
            labels.append(Label(id: fields[0], lang: lang, kind: kind, text: fields[3], flags: flags, note: fields[5],
                                line: line.number))
        }
        return (labels, diagnostics)
    }

    /// identifiers.tsv: id and value syntax by scheme. Whether the id is an entity, whether the
    /// scheme fits its type and whether a value is given twice are `IdentifierCheck`'s.
    public static func identifiers(_ file: TSVFile) -> ([EntityIdentifier], [Diagnostic]) {
        var identifiers: [EntityIdentifier] = []
        var diagnostics = lineEndProblems(file)
        for line in file.lines where !line.isComment && !line.isBlank && !line.isConflictMarker {
            guard checkFieldCount(line, expected: identifierColumns, in: file, into: &diagnostics) else { continue }
            diagnostics += straySpaces(line, in: file, columns: identifierColumns)
            let fields = line.fields.map(String.init)
            if let problem = idProblem(fields[0]) {
                diagnostics.append(file.diagnostic(.error, line, field: 0, problem, rule: "id-syntax"))
                continue
            }
            guard let scheme = IdentifierScheme(rawValue: fields[1]), scheme != .wikidata else {
                let message = fields[1] == IdentifierScheme.wikidata.rawValue
                    ? "Wikidata QIDs are kept in entities.tsv's wikidata column, not here"
                    : "unknown scheme '\(fields[1])' (known: "
                    + "\(IdentifierScheme.allCases.filter { $0 != .wikidata }.map(\.rawValue).joined(separator: ", ")))"
                diagnostics.append(file.diagnostic(.error, line, field: 1, message, rule: "unknown-scheme"))
                continue
            }
            if let problem = scheme.syntaxProblem(fields[2]) {
                diagnostics.append(file.diagnostic(.error, line, field: 2, problem, rule: "identifier-syntax"))
                continue
            }
            identifiers.append(EntityIdentifier(id: fields[0], scheme: scheme, value: fields[2], note: fields[3],
                                                line: line.number))
        }
        return (identifiers, diagnostics)
    }

    public static func affixes(_ file: TSVFile) -> (Affixes, [Diagnostic]) {
        var entries: [Affixes.Entry] = []
        var diagnostics = lineEndProblems(file)
        for line in file.lines where !line.isComment && !line.isBlank && !line.isConflictMarker {
            guard checkFieldCount(line, expected: affixColumns, in: file, into: &diagnostics) else { continue }
            diagnostics += straySpaces(line, in: file, columns: affixColumns)
            let fields = line.fields.map(String.init)
            guard let lang = LabelLanguage.canonical(fields[0]) else {
                diagnostics.append(file.diagnostic(.error, line, field: 0,
                    "unknown lang '\(fields[0])'", rule: "unknown-lang"))
                continue
            }
            guard let kind = Affixes.Kind(rawValue: fields[1]) else {
                let known = Affixes.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.append(file.diagnostic(.error, line, field: 1,
                    "unknown kind '\(fields[1])' (known: \(known))", rule: "unknown-kind"))
                continue
            }
            guard !fields[2].isEmpty else {
                diagnostics.append(file.diagnostic(.error, line, field: 2, "empty affix", rule: "empty-label"))
                continue
            }
            let after = fields[3].isEmpty ? [] : fields[3].split(separator: ",").map(String.init)
            if !after.isEmpty && kind != .suffix && kind != .ending {
                diagnostics.append(file.diagnostic(.error, line, field: 3,
                    "only a suffix or an ending takes endings", rule: "affix-after"))
                continue
            }
            if kind == .ending && after.allSatisfy(\.isEmpty) {
                diagnostics.append(file.diagnostic(.error, line, field: 3,
                    "an ending names the endings of a name it replaces", rule: "affix-after"))
                continue
            }
            entries.append(Affixes.Entry(lang: lang, kind: kind, text: fields[2], after: after, line: line.number))
        }
        return (Affixes(entries: entries), diagnostics)
    }

    // MARK: line checks

    /// `type:slug` with a known type and a slug of [a-z0-9-].
    static func idProblem(_ id: String) -> String? {
        let parts = id.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, EntityType(rawValue: String(parts[0])) != nil else {
            return "id '\(id)' must be type:slug with a type of "
                + "\(EntityType.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        let slug = parts[1]
        let valid = !slug.isEmpty && !slug.hasPrefix("-") && !slug.hasSuffix("-")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return valid ? nil : "slug of '\(id)' must be lowercase a-z, 0-9 and single hyphens inside"
    }

    static func isQID(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count >= 2 && scalars[0] == "Q" && scalars[1] != "0"
            && scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) }
    }

    private static func broaderOffsets(_ field: String) -> [Int] {
        var offsets: [Int] = []
        var offset = 0
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            offsets.append(offset)
            offset += part.unicodeScalars.count + 1
        }
        return offsets
    }

    private static func checkFieldCount(_ line: TSVFile.Line, expected: [String], in file: TSVFile,
                                        into diagnostics: inout [Diagnostic]) -> Bool {
        if line.fields.count == expected.count { return true }
        diagnostics.append(file.diagnostic(.error, line, field: min(line.fields.count, expected.count) - 1,
            "expected \(expected.count) tab-separated fields (\(expected.joined(separator: ", "))), "
                + "found \(line.fields.count)",
            rule: "field-count"))
        return false
    }

    /// Spaces at either end of a field, or two in a row inside it, change the key of nothing but
    /// make diffs and sorting lie.
    private static func straySpaces(_ line: TSVFile.Line, in file: TSVFile, columns: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, field) in line.fields.enumerated() {
            // Most fields hold no space at all: look at the bytes before looking at scalars.
            let bytes = field.utf8
            guard bytes.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 >= 0xC2 }) else { continue }
            let scalars = Array(field.unicodeScalars)
            guard scalars.contains(where: isSpace) else { continue }
            if let first = scalars.first, isSpace(first) {
                diagnostics.append(file.diagnostic(.warning, line, field: index,
                                                   "\(columns[index]) starts with a space", rule: "stray-space"))
            } else if let last = scalars.last, isSpace(last) {
                diagnostics.append(file.diagnostic(.warning, line, field: index, offset: scalars.count - 1,
                                                   "\(columns[index]) ends with a space", rule: "stray-space"))
            } else if let double = scalars.indices.dropLast()
                .first(where: { isSpace(scalars[$0]) && isSpace(scalars[$0 + 1]) }) {
                diagnostics.append(file.diagnostic(.warning, line, field: index, offset: double,
                                                   "\(columns[index]) has two spaces in a row", rule: "stray-space"))
            } else if let other = scalars.firstIndex(where: { isSpace($0) && $0 != " " }) {
                diagnostics.append(file.diagnostic(.warning, line, field: index, offset: other,
                    "\(columns[index]) has a space other than U+0020 "
                        + "(U+\(String(scalars[other].value, radix: 16, uppercase: true)))",
                    rule: "stray-space"))
            }
        }
        return diagnostics
    }

    /// Whitespace, without the cost of a Unicode property lookup for every character.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Problems of the file as a whole: merge conflict markers and line ends.
    private static func lineEndProblems(_ file: TSVFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for line in file.lines where line.isConflictMarker {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: file.path, line: line.number, column: 1),
                "merge conflict marker '\(line.text.prefix(7))': the file was merged with a conflict left in it",
                rule: "conflict-marker"))
        }
        if let line = file.lines.first(where: \.hadCR) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: file.path, line: line.number,
                                                                     column: line.text.unicodeScalars.count + 1),
                                          "line ends in CRLF; lexicon files use LF (lexalign lexicon fmt fixes this)",
                                          rule: "line-end"))
        }
        if let line = file.lines.first(where: { $0.ending == .cr }) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: file.path, line: line.number,
                                                                     column: line.text.unicodeScalars.count + 1),
                                          "line ends in a CR alone (old Mac line ends); "
                                              + "lexicon files use LF (lexalign lexicon fmt fixes this)",
                                          rule: "line-end"))
        }
        if file.missingFinalNewline, let last = file.lines.last {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(path: file.path, line: last.number,
                                                                       column: last.text.unicodeScalars.count + 1),
                                          "no line feed at the end of the file", rule: "line-end"))
        }
        return diagnostics
    }
}
