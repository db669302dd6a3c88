import TextNormalization

extension SuggestionReview {
    /// What `accept` prints: `+ id lang kind label` for each label added, in canonical order,
    /// then `added 3 labels (2 alt, 1 negative) to Lexicons/labels.tsv; 1 already there;
    /// 4 skipped (no decision)` (`would add` for a dry run).
    public func report(labelsPath: String, dryRun: Bool) -> String {
        var lines = additions.map { addition in
            let label = addition.label
            return Diagnostic.visible("+ \(label.id) \(label.lang) \(label.kind.rawValue) \(label.text)")
        }
        let byKind = [LabelKind.alt, .hidden, .negative].compactMap { kind -> String? in
            let count = additions.count(where: { $0.label.kind == kind })
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        var summary = (dryRun ? "would add " : "added ") + Self.counted(additions.count, "label")
        if !byKind.isEmpty { summary += " (" + byKind.joined(separator: ", ") + ")" }
        summary += " to " + Diagnostic.visible(labelsPath)
        if alreadyThere > 0 { summary += "; \(alreadyThere) already there" }
        let reasons = [(skipped, "marked skip"), (undecided, "no decision")].filter { $0.0 > 0 }
        if reasons.count == 1 { summary += "; \(reasons[0].0) skipped (\(reasons[0].1))" }
        if reasons.count == 2 {
            summary += "; \(skipped + undecided) skipped (\(skipped) marked skip, \(undecided) no decision)"
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }
}
