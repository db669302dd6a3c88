import TextNormalization

/// What every output format needs besides the findings themselves: counts, files, hints.
extension DiagnosticReport {
    /// How many findings of each severity.
    public struct Counts: Equatable, Sendable {
        public var errors = 0
        public var warnings = 0
        public var notes = 0

        public var total: Int { errors + warnings + notes }
    }

    public var counts: Counts {
        var counts = Counts()
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            case .note: counts.notes += 1
            }
        }
        return counts
    }

    /// Every file the report is about, once each: the checked files in their order, then any path
    /// a finding names that is missing from `checkedFiles`, so no finding loses its file.
    public var reportedFiles: [String] {
        var seen = Set<String>()
        var files: [String] = []
        for path in checkedFiles + diagnostics.map(\.location.path) where seen.insert(path).inserted {
            files.append(path)
        }
        return files
    }

    /// The files with at least one finding (any severity), once each, in the findings' order.
    public var filesWithFindings: [String] {
        var seen = Set<String>()
        return diagnostics.map(\.location.path).filter { seen.insert($0).inserted }
    }

    /// The first rule of the table with this id.
    public func rule(withID id: String) -> RuleDescription? {
        rules.first { $0.id == id }
    }

    /// Rule ids mapped to their first position in `rules`, for formats that look many up.
    func ruleIndices() -> [String: Int] {
        var indices: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where indices[rule.id] == nil {
            indices[rule.id] = index
        }
        return indices
    }
}

extension RuleDescription {
    /// The hint, or nil when the rule gives none (an empty or blank one).
    var nonEmptyHint: String? {
        hint.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : hint
    }
}
