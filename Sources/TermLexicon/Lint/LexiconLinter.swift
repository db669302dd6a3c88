import TextNormalization

/// Checks a whole lexicon: every line on its own (`LexiconParser`) and every rule that needs the
/// whole picture. Collects all findings; never stops at the first.
public final class LexiconLinter {
    private let keys: LabelKeys
    private let spoof: ICUSpoofChecker
    private var scriptCheck = LabelScriptCheck()
    private let wordLists: FuzzyWordLists
    private var characterKeys: CharacterKeys

    public init() throws {
        keys = try LabelKeys()
        spoof = try ICUSpoofChecker()
        wordLists = try FuzzyWordLists.builtIn()
        characterKeys = try CharacterKeys()
    }

    public func lint(_ sources: LexiconSources) -> [Diagnostic] {
        let files = (entities: sources.entities.tsv, labels: sources.labels.tsv, affixes: sources.affixes.tsv)
        let (lexicon, parseProblems) = Lexicon.parse(entities: files.entities, labels: files.labels,
                                                     affixes: files.affixes)
        var diagnostics = sources.encodingProblems + parseProblems
        // A file that could not be read as text (UTF-16) would make every rule across files fire
        // (every label's entity unknown): its one finding says it all.
        if sources.encodingProblems.contains(where: { $0.ruleID == "encoding" && $0.message.contains("UTF-16") }) {
            return diagnostics.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
        }
        let entitiesPath = sources.entities.path
        let labelsPath = sources.labels.path
        func at(_ path: String, _ line: Int, column: Int = 1) -> SourceLocation {
            SourceLocation(path: path, line: line, column: column)
        }

        // A lexicon without entities tags nothing: a wrong folder, or a file emptied by mistake.
        if lexicon.entities.isEmpty
            && !parseProblems.contains(where: { $0.location.path == entitiesPath && $0.severity == .error }) {
            diagnostics.append(Diagnostic(.error, at: at(entitiesPath, 1),
                "\(entitiesPath) holds no entity", rule: "empty-lexicon"))
        }

        // Entities: duplicates, broader links, cycles.
        var firstLine: [String: Int] = [:]
        for entity in lexicon.entities {
            if let first = firstLine[entity.id] {
                diagnostics.append(Diagnostic(.error, at: at(entitiesPath, entity.line),
                    "duplicate id '\(entity.id)' (first defined on line \(first))", rule: "duplicate-id"))
            } else {
                firstLine[entity.id] = entity.line
            }
            for parent in entity.broader where lexicon.entity(parent) == nil
                && LexiconParser.idProblem(parent) == nil {
                diagnostics.append(Diagnostic(.error,
                    at: at(entitiesPath, entity.line,
                           column: column(ofField: 2, in: files.entities, line: entity.line)),
                    "broader '\(parent)' is not an entity in this lexicon", rule: "unknown-broader"))
            }
        }
        diagnostics += broaderCycles(lexicon, path: entitiesPath, file: files.entities)

        // Labels against entities.
        var prefLine: [String: Int] = [:]
        var labelLine: [String: Int] = [:]
        var hasEnglishPref = Set<String>()
        for label in lexicon.labels {
            let labelColumn = column(ofField: 3, in: files.labels, line: label.line)
            if lexicon.entity(label.id) == nil {
                diagnostics.append(Diagnostic(.error, at: at(labelsPath, label.line),
                    "unknown id '\(label.id)' (not in \(entitiesPath))", rule: "unknown-id"))
            }
            if label.kind == .pref {
                let slot = label.id + "\t" + label.lang
                if let first = prefLine[slot] {
                    diagnostics.append(Diagnostic(.error,
                        at: at(labelsPath, label.line,
                               column: column(ofField: 2, in: files.labels, line: label.line)),
                        "second pref label for \(label.id) in \(label.lang) (the first is on line \(first))",
                        rule: "duplicate-pref"))
                } else {
                    prefLine[slot] = label.line
                }
                if label.lang == "en" { hasEnglishPref.insert(label.id) }
            }
            let identity = label.id + "\t" + label.lang + "\t" + label.text
            if let first = labelLine[identity] {
                diagnostics.append(Diagnostic(.error, at: at(labelsPath, label.line, column: labelColumn),
                    "duplicate label '\(label.text)' for \(label.id) in \(label.lang) (also on line \(first))",
                    rule: "duplicate-label"))
            } else {
                labelLine[identity] = label.line
            }
            diagnostics += scriptProblems(label, at: at(labelsPath, label.line, column: labelColumn))
        }
        for entity in lexicon.entities where !hasEnglishPref.contains(entity.id)
            && firstLine[entity.id] == entity.line {
            diagnostics.append(Diagnostic(.error, at: at(entitiesPath, entity.line),
                "\(entity.id) has no en pref label in \(labelsPath)", rule: "missing-en-pref"))
        }

        diagnostics += keyProblems(lexicon, path: labelsPath, file: files.labels)
        diagnostics += suffixedLabels(lexicon, path: labelsPath, file: files.labels)
        diagnostics += officesWithoutTitle(lexicon, path: sources.affixes.path, file: files.affixes)
        diagnostics += frequentWordLabels(lexicon, path: labelsPath, file: files.labels)
        diagnostics += properFlagProblems(lexicon, path: labelsPath, file: files.labels)
        diagnostics += orderProblems(files.entities, kind: .entities)
        diagnostics += orderProblems(files.labels, kind: .labels)
        diagnostics += orderProblems(files.affixes, kind: .affixes)

        // Identifiers: syntax per scheme, then against the entities.
        let identifierFile = sources.identifiers.tsv
        let (identifiers, identifierProblems) = LexiconParser.identifiers(identifierFile)
        diagnostics += identifierProblems
        diagnostics += IdentifierCheck.problems(identifiers, file: identifierFile, entities: lexicon.entities,
                                                entitiesFile: files.entities)
        diagnostics += orderProblems(identifierFile, kind: .identifiers)
        diagnostics += CLDRCheck.diagnostics(CLDRCheck(keys: keys).findings(lexicon, identifiers: identifiers),
                                             entitiesPath: entitiesPath)
        return diagnostics.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
    }

    // MARK: rules

    private func column(ofField field: Int, in file: TSVFile, line: Int) -> Int {
        guard line >= 1, line <= file.lines.count else { return 1 }
        let columns = file.lines[line - 1].columns
        return field < columns.count ? columns[field] : 1
    }

    /// Broader links that come back to where they started: one finding per cycle, at the entity
    /// of the cycle that comes first in the file. Linear in the number of links.
    private func broaderCycles(_ lexicon: Lexicon, path: String, file: TSVFile) -> [Diagnostic] {
        var index: [String: Int32] = [:]
        for (position, entity) in lexicon.entities.enumerated() where index[entity.id] == nil {
            index[entity.id] = Int32(position)
        }
        return BroaderGraph(lexicon.entities, index: index).cycles().map { cycle in
            let entity = lexicon.entities[cycle[0]]
            return Diagnostic(.error, at: SourceLocation(path: path, line: entity.line,
                                                         column: column(ofField: 2, in: file, line: entity.line)),
                "broader links of \(entity.id) lead back to itself", rule: "broader-cycle")
        }
    }

    /// Letters outside the language's script; Arabic letters Dari and Pashto do not write; mixed
    /// scripts and look-alike letters (ICU's spoof checker).
    private func scriptProblems(_ label: Label, at location: SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let scalars = Array(label.text.unicodeScalars)
        if let stray = scriptCheck.stray(in: label.text, lang: label.lang),
           let allowed = LabelLanguage.scripts[label.lang] {
            var place = location
            place.column += stray.offset
            diagnostics.append(Diagnostic(.error, at: place,
                "letter '\(stray.scalar)' (\(stray.script)) does not fit \(label.lang), written in "
                    + "\(allowed.sorted().joined(separator: " or "))",
                rule: "script-mismatch"))
            return diagnostics
        }
        let foreign: [Unicode.Scalar: String] = label.lang == "prs"
            ? ["\u{0643}": "ک", "\u{064A}": "ی", "\u{0649}": "ی"]
            : (label.lang == "ps" ? ["\u{0643}": "ک", "\u{0649}": "ی"] : [:])
        if let index = scalars.firstIndex(where: { foreign[$0] != nil }) {
            var place = location
            place.column += index
            let language = label.lang == "prs" ? "Dari" : "Pashto"
            diagnostics.append(Diagnostic(.warning, at: place,
                "Arabic letter '\(scalars[index])' (U+\(String(scalars[index].value, radix: 16, uppercase: true))) "
                    + "in a \(language) label; \(language) writes '\(foreign[scalars[index]]!)' "
                    + "(the variant still matches)",
                rule: "arabic-letter"))
        }
        if let findings = try? spoof.check(label.text), !findings.isEmpty {
            let what = findings.contains(.mixedScript)
                ? "mixes scripts"
                : (findings.contains(.mixedNumbers) ? "mixes digit systems" : "has invisible characters")
            diagnostics.append(Diagnostic(.warning, at: location,
                "label '\(label.text)' \(what): a look-alike letter from another script? "
                    + "(\(scalars.map { UnicodeProperties.scriptCode(of: $0) }.uniqued().joined(separator: "+")))",
                rule: "mixed-script"))
        }
        return diagnostics
    }

    /// Labels of one entity that match the same text (redundant), and one key under two entities.
    private func keyProblems(_ lexicon: Lexicon, path: String, file: TSVFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byKey: [String: [Label]] = [:]
        for label in lexicon.labels {
            let key = keys.keyString(label.text)
            if key.isEmpty { continue }
            byKey[key, default: []].append(label)
        }
        for (_, group) in byKey.sorted(by: { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) })
        where group.count > 1 {
            // A negative label says the text never names its entity: a label of that entity with
            // the same key says the opposite. Between entities, negatives are the point (a
            // namesake), so they take no part in the redundancy and shared-key checks.
            let labels = group.filter { $0.kind != .negative }
            for negative in group where negative.kind == .negative {
                guard let contradicted = labels.first(where: { $0.id == negative.id }) else { continue }
                diagnostics.append(Diagnostic(.error,
                    at: SourceLocation(path: path, line: negative.line,
                                       column: column(ofField: 3, in: file, line: negative.line)),
                    "negative label '\(negative.text)' matches the same text as '\(contradicted.text)' "
                        + "(line \(contradicted.line)), a label of the same entity",
                    rule: "negative-conflict"))
            }
            guard labels.count > 1 else { continue }
            var firstOfID: [String: Label] = [:]
            for label in labels {
                let place = SourceLocation(path: path, line: label.line,
                                           column: column(ofField: 3, in: file, line: label.line))
                if let first = firstOfID[label.id] {
                    // Prefs are shown in their language, so each language keeps its own.
                    let sameDisplay = label.kind == .pref && first.lang != label.lang
                    let differentCase = label.flags.contains(.caseSensitive) || first.flags.contains(.caseSensitive)
                    if !sameDisplay && !differentCase && first.text != label.text {
                        diagnostics.append(Diagnostic(.warning, at: place,
                            "'\(label.text)' is redundant: it matches the same text as '\(first.text)' "
                                + "on line \(first.line), and spelling variants resolve without being listed",
                            rule: "redundant-label"))
                    }
                } else {
                    firstOfID[label.id] = label
                }
            }
            let owners = labels.reduce(into: [String: Label]()) { if $0[$1.id] == nil { $0[$1.id] = $1 } }
            guard owners.count > 1 else { continue }
            let sorted = owners.values.sorted { $0.line < $1.line }
            if sorted.contains(where: { $0.flags.contains(.weak) }) { continue }
            let first = sorted[0]
            for other in sorted.dropFirst() {
                diagnostics.append(Diagnostic(.warning,
                    at: SourceLocation(path: path, line: other.line,
                                       column: column(ofField: 3, in: file, line: other.line)),
                    "'\(other.text)' (\(other.id)) matches the same text as '\(first.text)' (\(first.id)) "
                        + "on line \(first.line); flag both weak or tell them apart",
                    rule: "shared-key"))
            }
        }
        return diagnostics
    }

    /// Single-word Arabic-script labels that are frequent words of Dari or Pashto
    /// (`Lexicons/fuzzy/frequent-words.tsv`): unless weak, every دوستم ('my friend') would be Dostum.
    private func frequentWordLabels(_ lexicon: Lexicon, path: String, file: TSVFile) -> [Diagnostic] {
        var evidence: [UInt64: FuzzyWordLists.Word] = [:]
        for word in wordLists.frequentWords where word.lang == "prs" || word.lang == "ps" {
            let hash = FuzzyWordLists.hash(FuzzyWordLists.key(word.text, keys: &characterKeys))
            if evidence[hash] == nil { evidence[hash] = word }
        }
        var diagnostics: [Diagnostic] = []
        for label in lexicon.labels where label.kind != .negative && !label.flags.contains(.weak)
            && LabelLanguage.scripts[label.lang]?.contains("Arab") == true && !label.text.contains(" ") {
            let key = FuzzyWordLists.key(label.text, keys: &characterKeys)
            guard let word = evidence[FuzzyWordLists.hash(key)] else { continue }
            let location = SourceLocation(path: path, line: label.line,
                                          column: column(ofField: 3, in: file, line: label.line))
            diagnostics.append(Diagnostic(.warning, at: location,
                "'\(label.text)' (\(label.id)) is also a frequent \(word.lang) word (\(word.evidence)); "
                    + "flag it weak so that it "
                    + "is tagged only beside a strong mention of its entity", rule: "frequent-word"))
        }
        return diagnostics
    }

    /// `proper` flags that can do nothing: on a label without a capital letter (Arabic script has
    /// none), or beside `cs`, which already decides case.
    private func properFlagProblems(_ lexicon: Lexicon, path: String, file: TSVFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for label in lexicon.labels where label.flags.contains(.proper) {
            let reason: String
            if label.flags.contains(.caseSensitive) {
                reason = "also cs, which already requires the label's case"
            } else if !label.text.unicodeScalars.contains(where: { $0.properties.isUppercase }) {
                reason = "it has no capital letter"
            } else {
                continue
            }
            let location = SourceLocation(path: path, line: label.line,
                                          column: column(ofField: 4, in: file, line: label.line))
            diagnostics.append(Diagnostic(.warning, at: location,
                "the proper flag of '\(label.text)' (\(label.id)) has no effect: \(reason)", rule: "proper-flag"))
        }
        return diagnostics
    }

    /// Labels that are another label of their entity plus a suffix of affixes.tsv (طالبانو =
    /// طالبان + و), or one of its case forms (Москве = Москва with е for а; городе Хост = город
    /// Хост): the matcher finds them anyway, and as labels a suffixed one would make `--format
    /// inline` replace the suffix along with the name.
    private func suffixedLabels(_ lexicon: Lexicon, path: String, file: TSVFile) -> [Diagnostic] {
        let suffixes = lexicon.affixes.entries.filter { $0.kind == .suffix }
            .map { (text: $0.text, key: keys.keyString($0.text), after: $0.after.map { keys.keyString($0) }) }
        let caseEndings = CaseEndings(lexicon.affixes, keys: keys)
        guard !suffixes.isEmpty || !caseEndings.rules.isEmpty else { return [] }
        // Each label's key, worked out once (through ICU) for both passes below.
        let spacedKeys = lexicon.labels.map { $0.kind == .negative ? nil : keys.spacedKey($0.text) }
        var keysByID: [String: [String: Label]] = [:]
        // The case forms of each entity's labels, by key: the label they are a form of.
        var formsByID: [String: [String: Label]] = [:]
        for (label, spaced) in zip(lexicon.labels, spacedKeys) {
            guard let spaced else { continue }
            let key = String(decoding: spaced.key, as: UTF16.self)
            if keysByID[label.id]?[key] == nil { keysByID[label.id, default: [:]][key] = label }
            // A case-sensitive label is not inflected.
            guard !caseEndings.rules.isEmpty, !label.flags.contains(.caseSensitive) else { continue }
            for form in caseEndings.forms(of: spaced.key[...], spaces: spaced.spaces[...]) {
                let formKey = String(decoding: form.key, as: UTF16.self)
                if formsByID[label.id]?[formKey] == nil { formsByID[label.id, default: [:]][formKey] = label }
            }
        }
        var diagnostics: [Diagnostic] = []
        for (label, spaced) in zip(lexicon.labels, spacedKeys) where label.kind != .pref {
            guard let spaced else { continue }
            let key = String(decoding: spaced.key, as: UTF16.self)
            guard let own = keysByID[label.id] else { continue }
            let location = SourceLocation(path: path, line: label.line,
                                          column: column(ofField: 3, in: file, line: label.line))
            var found = false
            for suffix in suffixes where !suffix.key.isEmpty && key.hasSuffix(suffix.key)
                && key.count > suffix.key.count {
                let stem = String(key.dropLast(suffix.key.count))
                guard let base = own[stem], base.line != label.line else { continue }
                guard suffix.after.isEmpty || suffix.after.contains(where: { stem.hasSuffix($0) }) else { continue }
                diagnostics.append(Diagnostic(.warning, at: location,
                    "'\(label.text)' is redundant: it is '\(base.text)' (line \(base.line)) "
                        + "with the suffix '\(suffix.text)', which the matcher already allows",
                    rule: "suffixed-label"))
                found = true
                break
            }
            // A form of a weak label does less than a strong label of its own.
            guard !found, let base = formsByID[label.id]?[key], base.line != label.line,
                  !base.flags.contains(.weak) || label.flags.contains(.weak) else { continue }
            diagnostics.append(Diagnostic(.warning, at: location,
                "'\(label.text)' is redundant: it is a case form of '\(base.text)' (line \(base.line)) "
                    + "by the endings of affixes.tsv, which the matcher already reads",
                rule: "suffixed-label"))
        }
        return diagnostics
    }

    /// Offices whose last word is no title of affixes.tsv: the matcher consults an office only
    /// where a title stands before a name, so such an office never does anything.
    private func officesWithoutTitle(_ lexicon: Lexicon, path: String, file: TSVFile) -> [Diagnostic] {
        let titles = Set(lexicon.affixes.entries.filter { $0.kind == .title }.map { keys.keyString($0.text) })
        var diagnostics: [Diagnostic] = []
        for office in lexicon.affixes.entries where office.kind == .office {
            // The words after the first, then after the second ...: one of them must be a title.
            let words = office.text.split(separator: " ")
            let endsInTitle = words.indices.dropFirst().contains { start in
                titles.contains(keys.keyString(words[start...].joined(separator: " ")))
            }
            if endsInTitle { continue }
            let column = column(ofField: 2, in: file, line: office.line)
            let location = SourceLocation(path: path, line: office.line, column: column)
            diagnostics.append(Diagnostic(.warning, at: location,
                "the office '\(office.text)' does not end in a title of affixes.tsv after a word of its own, "
                    + "so it never applies",
                rule: "office-title"))
        }
        return diagnostics
    }

    /// The first line that is out of canonical order.
    private func orderProblems(_ file: TSVFile, kind: LexiconFileKind) -> [Diagnostic] {
        var previous: (key: [String], line: Int)?
        for line in file.lines where !line.isComment && !line.isBlank && !line.isConflictMarker {
            let key = LexiconOrder.key(of: line.fields, in: kind)
            if let previous, LexiconOrder.precedes(key, previous.key) {
                return [Diagnostic(.warning, at: SourceLocation(path: file.path, line: line.number, column: 1),
                    "line is out of order: it sorts before line \(previous.line) (run `lexalign lexicon fmt`)",
                    rule: "unsorted")]
            }
            previous = (key, line.number)
        }
        return []
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
