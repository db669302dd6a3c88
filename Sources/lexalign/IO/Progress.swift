#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error, shown only when standard error is a terminal:
/// megabytes and lines read, the rate, and, when the inputs' total size is known (regular files),
/// the share done and an estimate of the time left.
final class Progress {
    private let enabled: Bool
    /// The size of all inputs together, when every one is a regular file.
    private let totalBytes: Int?
    private var bytes = 0
    private var lines = 0
    private var lastShown = 0.0
    private let started = Machine.now
    /// Seconds between updates; `LEXALIGN_PROGRESS_INTERVAL` changes it (the tests show every one).
    private let interval: Double = getenv("LEXALIGN_PROGRESS_INTERVAL").flatMap { Double(String(cString: $0)) } ?? 0.25
    private var shownAnything = false

    init(quiet: Bool, totalBytes: Int? = nil) {
        enabled = !quiet && StandardError.isTerminal
        self.totalBytes = totalBytes.flatMap { $0 > 0 ? $0 : nil }
    }

    func advance(bytes: Int, lines: Int) {
        guard enabled else { return }
        self.bytes += bytes
        self.lines += lines
        let now = Machine.now
        if now - lastShown < interval { return }
        lastShown = now
        StandardError.write("\r\u{1B}[K" + Progress.line(bytes: self.bytes, lines: self.lines, seconds: now - started,
                                                           totalBytes: totalBytes))
        shownAnything = true
    }

    /// The progress text: `lexalign: 12.5 MB, 80412 lines, 41.0 MB/s` and, with a known total,
    /// `, 25%, 0:03 left`.
    static func line(bytes: Int, lines: Int, seconds: Double, totalBytes: Int?) -> String {
        let megabytes = Double(bytes) / 1_000_000
        let rate = megabytes / max(seconds, 1e-9)
        var text = "lexalign: \(format(megabytes)) MB, \(lines) lines, \(format(rate)) MB/s"
        if let totalBytes, totalBytes > 0 {
            let done = min(Double(bytes) / Double(totalBytes), 1)
            text += ", \(Int(done * 100))%"
            if bytes > 0 && seconds > 0 {
                let left = Int((seconds * (1 - done) / max(done, 1e-9)).rounded())
                text += ", \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60) left"
            }
        }
        return text
    }

    /// Clears the progress line so diagnostics start on a clean line.
    func clear() {
        if shownAnything { StandardError.write("\r\u{1B}[K") }
        shownAnything = false
    }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
