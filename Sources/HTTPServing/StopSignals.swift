#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Runs `stop` once on the first SIGINT, SIGTERM or SIGHUP (the terminal closed). The signals are
/// ignored by the default handler and delivered through dispatch sources instead, so the handler
/// may do real work (close sockets) rather than only what a signal handler may; a second signal
/// does nothing more. `FileWriter`'s interrupt cleanup leaves signals handled here alone.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(_ stop: @escaping @Sendable () -> Void) {
        let once = Once()
        sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { if once.first() { stop() } }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}

private final class Once: Sendable {
    private let done = Mutex(false)

    func first() -> Bool {
        done.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
