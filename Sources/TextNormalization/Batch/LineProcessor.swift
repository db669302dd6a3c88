/// A finding about one input line, with its place in the input.
public struct LineIssue: Equatable, Sendable {
    public var line: Int
    public var column: Int
    /// Offset of the offending byte from the start of the input.
    public var byteOffset: Int
    public var severity: Severity
    public var message: String
    public var ruleID: String

    public init(line: Int, column: Int, byteOffset: Int, severity: Severity, message: String, ruleID: String) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.severity = severity
        self.message = message
        self.ruleID = ruleID
    }

    /// As a diagnostic of the input at `path`.
    public func diagnostic(path: String) -> Diagnostic {
        Diagnostic(severity, at: SourceLocation(path: path, line: line, column: column),
                   "\(message) at byte offset \(byteOffset)", rule: ruleID)
    }
}

/// What one chunk became.
public struct ChunkResult: Sendable {
    public var output: [UInt8] = []
    public var issues: [LineIssue] = []
    public var lineCount = 0
    public var byteCount = 0

    public init() {}

    /// Empties the result, keeping the capacity of its buffers for the next chunk.
    public mutating func reset() {
        output.removeAll(keepingCapacity: true)
        issues.removeAll(keepingCapacity: true)
        lineCount = 0
        byteCount = 0
    }
}

/// Turns the lines of a chunk into output lines: exactly one per input line for the line filters
/// (normalize, tag), any number for `split`; the runner keeps chunks in input order. One instance
/// per thread.
public protocol LineProcessor: AnyObject {
    func process(_ chunk: LineChunk, into result: inout ChunkResult)
}
