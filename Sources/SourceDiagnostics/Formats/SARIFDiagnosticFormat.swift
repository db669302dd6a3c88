import TextNormalization

/// SARIF 2.1.0 (OASIS), the format code-scanning services read; written indented, one run:
///
/// - `tool.driver`: name `lexalign`, the report's version, and every rule of the
///   report's table in its order, with `shortDescription` (the summary), `help` (the hint, left out
///   when blank) and `defaultConfiguration.level`.
/// - `columnKind` `unicodeCodePoints`: columns count Unicode scalars, as the text format does.
/// - `results`: one per finding, with `ruleIndex` when the rule is in the table (its first entry)
///   and one physical location: the file's URI, start line and column.
/// - `artifacts`: every checked file, clean ones included.
///
/// URIs: a relative path stays a relative reference (code scanning resolves it against the
/// repository root); an absolute path becomes a `file://` URI. Only RFC 3986 `pchar`s and `/` are
/// written as they are; everything else (space, `%`, `?`, `#`, `\`, non-ASCII, ...) is
/// percent-encoded as UTF-8, and so is `:` in a relative path, where it could be read as a scheme.
enum SARIFDiagnosticFormat {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    static func render(_ report: DiagnosticReport) -> String {
        let ruleIndices = report.ruleIndices()
        let rules: [JSONValue] = report.rules.map { rule in
            var members: [(String, JSONValue)] = [
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
            ]
            if let hint = rule.nonEmptyHint { members.append(("help", .object([("text", .string(hint))]))) }
            members.append(("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])))
            return .object(members)
        }
        let results: [JSONValue] = report.diagnostics.map { diagnostic in
            var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.ruleID))]
            if let index = ruleIndices[diagnostic.ruleID] { members.append(("ruleIndex", .int(index))) }
            members += [
                ("level", .string(level(diagnostic.severity))),
                ("message", .object([("text", .string(diagnostic.message))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri(forPath: diagnostic.location.path)))])),
                        ("region", .object([
                            ("startLine", .int(diagnostic.location.line)),
                            ("startColumn", .int(diagnostic.location.column)),
                        ])),
                    ])),
                ])])),
            ]
            return .object(members)
        }
        let artifacts: [JSONValue] = report.reportedFiles.map { path in
            .object([("location", .object([("uri", .string(uri(forPath: path)))]))])
        }
        let run = JSONValue.object([
            ("tool", .object([("driver", .object([
                ("name", .string("lexalign")),
                ("version", .string(report.toolVersion)),
                ("rules", .array(rules)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
            ("artifacts", .array(artifacts)),
        ])
        let log = JSONValue.object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.serialized(indent: "  ") + "\n"
    }

    /// SARIF's `level`: `error`, `warning`, `note`.
    static func level(_ severity: Severity) -> String {
        severity.rawValue
    }

    /// The path as a URI reference: relative stays relative, `/abs` becomes `file:///abs`.
    static func uri(forPath path: String) -> String {
        if path.hasPrefix("/") { return "file://" + percentEncoded(path, encodingColon: false) }
        return percentEncoded(path, encodingColon: true)
    }

    /// Every UTF-8 byte that is not an RFC 3986 `pchar` or `/` as `%XX` (upper-case hex).
    static func percentEncoded(_ path: String, encodingColon: Bool) -> String {
        var encoded = ""
        encoded.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isPathByte(byte), !(encodingColon && byte == UInt8(ascii: ":")) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(hexDigit(byte >> 4))
                encoded.unicodeScalars.append(hexDigit(byte & 0xF))
            }
        }
        return encoded
    }

    /// unreserved (`A-Z a-z 0-9 - . _ ~`), sub-delims (`! $ & ' ( ) * + , ; =`), `:`, `@`, `/`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~!$&'()*+,;=:@/".utf8.contains(byte)
        }
    }

    private static func hexDigit(_ value: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(value < 10 ? 0x30 + value : 0x41 + value - 10)
    }
}
