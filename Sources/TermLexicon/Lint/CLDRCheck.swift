import TextNormalization

/// Country labels against CLDR, the territory names ICU ships in every locale: for each entity
/// with an ISO 3166-1 code (identifiers.tsv) and each language the lexicon has labels in (other
/// than negative ones), CLDR's name should be one of the entity's labels in that language
/// (compared by key, so letter forms, case and spacing do not count). A name another language of the entity spells differently
/// with the same key counts as there: listing it would be a `redundant-label`. Lint warns where
/// a name is missing (`cldr-name`); `lexicon cldr` lists those names as labels, and `--apply`
/// adds them as `alt` labels noted `cldr`. Names ICU does not have (a language without CLDR data,
/// a region it does not name) are not checked.
public struct CLDRCheck {
    /// One CLDR name the lexicon lacks.
    public struct Finding: Sendable, Equatable {
        public var entity: String
        /// The entity's line in entities.tsv.
        public var line: Int
        public var region: String
        public var lang: String
        public var locale: String
        public var name: String

        /// The label `lexicon cldr` proposes: `alt`, with the source in its note.
        public var label: Label {
            Label(id: entity, lang: lang, kind: .alt, text: name,
                  note: "cldr: ICU \(ICUVersion.icu) name of \(region) (\(locale))")
        }

        /// The label as a labels.tsv line (no line end).
        public var labelLine: String { AppendedLabels.line(label) }
    }

    /// The ICU locales whose names stand for a lexicon language: Dari is CLDR's fa_AF; Uzbek is
    /// written in Latin and in Cyrillic letters, and CLDR has both.
    static func locales(of lang: String) -> [String] {
        switch lang {
        case "prs": return ["fa_AF"]
        case "uz": return ["uz", "uz_Cyrl"]
        default: return [lang]
        }
    }

    private let keys: LabelKeys

    public init(keys: LabelKeys) {
        self.keys = keys
    }

    /// The CLDR names the lexicon's countries lack, in entity order, then language, then locale.
    public func findings(_ lexicon: Lexicon, identifiers: [EntityIdentifier]) -> [Finding] {
        // A negative label says what a name is not: it does not make its language one the lexicon
        // names its countries in.
        let languages = Set(lexicon.labels.filter { $0.kind != .negative }.map(\.lang)).sorted()
        var labelKeys: [String: Set<String>] = [:]
        var negativeKeys: [String: Set<String>] = [:]
        // (entity, key) -> the texts of the entity's labels with that key, in any language.
        var spellings: [String: Set<String>] = [:]
        for label in lexicon.labels {
            let slot = label.id + "\t" + label.lang
            let key = keys.keyString(label.text)
            if label.kind == .negative {
                negativeKeys[slot, default: []].insert(key)
            } else {
                labelKeys[slot, default: []].insert(key)
                spellings[label.id + "\t" + key, default: []].insert(label.text)
            }
        }
        var regions: [String: String] = [:]
        for identifier in identifiers where identifier.scheme == .iso3166_1 && regions[identifier.id] == nil {
            regions[identifier.id] = identifier.value
        }
        var findings: [Finding] = []
        for entity in lexicon.entities where entity.type == .place {
            guard let region = regions[entity.id] else { continue }
            for lang in languages {
                let slot = entity.id + "\t" + lang
                var proposed = Set<String>()
                for locale in CLDRCheck.locales(of: lang) {
                    guard let name = ICUTerritoryNames.name(of: region, in: locale) else { continue }
                    let key = keys.keyString(name)
                    let spelled = entity.id + "\t" + key
                    let otherSpellings = spellings[spelled, default: []].subtracting([name])
                    // A negative label with CLDR's key is the lexicon's answer: that name is not this entity.
                    guard !key.isEmpty, labelKeys[slot]?.contains(key) != true,
                          negativeKeys[slot]?.contains(key) != true,
                          otherSpellings.isEmpty, proposed.insert(key).inserted else { continue }
                    // Proposed names count as spellings too: two languages' names with one key and
                    // different letters would make the second redundant.
                    spellings[spelled, default: []].insert(name)
                    findings.append(Finding(entity: entity.id, line: entity.line, region: region, lang: lang,
                                            locale: locale, name: name))
                }
            }
        }
        return findings
    }

    /// The `cldr-name` warnings of `findings`, at the entity's line.
    public static func diagnostics(_ findings: [Finding], entitiesPath: String) -> [Diagnostic] {
        findings.map { finding in
            Diagnostic(.warning, at: SourceLocation(path: entitiesPath, line: finding.line, column: 1),
                       "\(finding.entity) has no \(finding.lang) label for '\(finding.name)', CLDR's name of "
                        + "\(finding.region) in \(finding.locale) (ICU \(ICUVersion.icu))", rule: "cldr-name")
        }
    }
}

extension CLDRCheck {
    /// What `lexicon cldr --apply` would write: labels.tsv with the CLDR names the lexicon lacks
    /// added as `alt` labels, in canonical order; and the lint findings of the result that stop
    /// the write (any error) or concern an added label.
    public struct Application {
        public var added: [Finding]
        public var labelsText: String
        public var problems: [Diagnostic]
    }

    /// The findings of `sources`, and labels.tsv with them added.
    public static func apply(_ sources: LexiconSources) throws -> Application {
        let keys = try LabelKeys()
        let (lexicon, _) = Lexicon.parse(sources)
        let findings = CLDRCheck(keys: keys).findings(lexicon, identifiers: lexicon.identifiers)
        var text = sources.labels.text
        if let last = text.utf8.last, last != 0x0A { text += "\n" }
        let firstAdded = TSVFile.splitLines(text).count + 1
        text += findings.map { $0.labelLine + "\n" }.joined()
        var changed = sources
        changed.labels.text = text
        let problems = try LexiconLinter().lint(changed).filter { problem in
            problem.severity == .error
                || (problem.location.path == sources.labels.path && problem.location.line >= firstAdded
                    && problem.ruleID != "unsorted")
        }
        let formatted = LexiconFormatter.format(TSVFile(path: sources.labels.path, text: text), kind: .labels)
        return Application(added: findings, labelsText: formatted, problems: problems)
    }
}
