/// A romanisation rule file of several passes (a `:: Null ;` line between them), compiled as one
/// ICU transliterator per pass and applied in turn.
///
/// ICU compiles such a file into a compound transliterator, and making any compound looks `Null`
/// up in ICU's registry of transforms, whose first use costs about 30 ms (150 M instructions) of
/// every `normalize --form latin` and `align` run; a pass compiled on its own needs no registry.
/// Each pass sees all of the file's lines, the other passes' rules blanked and every variable
/// definition kept, so ICU's errors keep the file's line numbers.
struct RulePasses {
    private let passes: [ICUTransliterator]

    init(rules: String, name: String, path: String) throws(Diagnostic) {
        let lines = rules.split(separator: "\n", omittingEmptySubsequences: false)
        // The pass each line belongs to; -1 for the separators.
        var pass = 0
        var passOfLine: [Int] = []
        for line in lines {
            if RulePasses.isSeparator(line) {
                passOfLine.append(-1)
                pass += 1
            } else {
                passOfLine.append(pass)
            }
        }
        var compiled: [ICUTransliterator] = []
        for current in 0...pass {
            var text = ""
            for (index, line) in lines.enumerated() {
                if index > 0 { text += "\n" }
                if passOfLine[index] == current || passOfLine[index] >= 0 && RulePasses.isVariable(line) {
                    text += line
                }
            }
            let passName = pass == 0 ? name : "\(name)-\(current + 1)"
            compiled.append(try ICUTransliterator(rules: text, name: passName, path: path))
        }
        passes = compiled
    }

    func transliterate(_ text: inout [UInt16], count: inout Int) throws(ICUError) {
        for pass in passes { try pass.transliterate(&text, count: &count) }
    }

    /// `:: Null ;`, with any spacing.
    static func isSeparator(_ line: Substring) -> Bool {
        line.filter { !$0.isWhitespace } == "::Null;"
    }

    /// A variable definition on one line: `$name = ... ;`.
    static func isVariable(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0.isWhitespace }
        guard trimmed.first == "$", let equals = trimmed.firstIndex(of: "=") else { return false }
        let name = trimmed[trimmed.index(after: trimmed.startIndex)..<equals].trimmingSuffix { $0.isWhitespace }
        return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && trimmed.trimmingSuffix { $0.isWhitespace }.last == ";"
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
