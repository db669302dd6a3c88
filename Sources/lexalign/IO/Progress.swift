/// A one-line progress display on standard error, shown only when standard error is a terminal.
final class Progress {
    private let enabled: Bool
    private var bytes = 0
    private var lines = 0
    private var lastShown = 0.0
    private let started = Machine.now
    private var shownAnything = false

    init(quiet: Bool) {
        enabled = !quiet && StandardError.isTerminal
    }

    func advance(bytes: Int, lines: Int) {
        guard enabled else { return }
        self.bytes += bytes
        self.lines += lines
        let now = Machine.now
        if now - lastShown < 0.25 { return }
        lastShown = now
        let megabytes = Double(bytes) / 1_000_000
        let rate = megabytes / max(now - started, 1e-9)
        StandardError.write("\r\u{1B}[Klexalign: \(format(megabytes)) MB, \(self.lines) lines, \(format(rate)) MB/s")
        shownAnything = true
    }

    /// Clears the progress line so diagnostics start on a clean line.
    func clear() {
        if shownAnything { StandardError.write("\r\u{1B}[K") }
        shownAnything = false
    }

    private func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
