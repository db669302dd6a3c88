/// A place in a text file: path, 1-based line, 1-based column counted in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about an input file, printed as `path:line:col: severity: message [rule-id]`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// A stable, kebab-case identifier of the rule that produced the finding.
    public var ruleID: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule ruleID: String) {
        self.location = location
        self.severity = severity
        self.message = message
        self.ruleID = ruleID
    }

    /// One line, safe to print on a terminal: control characters and bidi overrides quoted from
    /// file contents are shown escaped (see `visible`).
    public var description: String {
        "\(Diagnostic.visible(location.description)): \(severity.rawValue): \(Diagnostic.visible(message)) [\(ruleID)]"
    }

    /// `text` with every character that could act on a terminal or break the line written as an
    /// escape: C0 and C1 controls and DEL as `\xHH` (ESC is `\x1B`, a line feed `\x0A`), and the
    /// bidi embedding, override and isolate controls as `\u{202E}`, which could reorder what the
    /// reader sees. Other characters, Dari and Pashto letters and ZWNJ included, stay as they are.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    /// The 1-based line and scalar column of the UTF-16 offset `offset` in `self`.
    func lineAndColumn(atUTF16Offset offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in unicodeScalars {
            if consumed >= offset { break }
            consumed += scalar.utf16.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
