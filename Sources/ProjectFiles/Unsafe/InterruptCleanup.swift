#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file of a write in progress when the process is interrupted (SIGINT,
/// SIGTERM, SIGHUP, unless the caller ignores it or the process handles it already), so a Ctrl-C
/// during `lexicon fmt` or `align -o` leaves no stray file.
///
/// Why unsafe pointers: a signal handler may only call async-signal-safe functions and must not
/// allocate, take locks or touch Swift objects, so the path lives in a C buffer allocated once,
/// before any handler is installed, and the handler reads it with `unlink(2)` only. The buffer is
/// written only between writes (no handler can see a half-written path: the first byte is set
/// last, and cleared first), and is never freed (it lives as long as the process).
enum InterruptCleanup {
    private static let capacity = Int(PATH_MAX) + 1
    /// The temporary file's path as a C string; an empty string when no write is in progress.
    nonisolated(unsafe) private static let pending: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    nonisolated(unsafe) private static var installed = false

    /// Remembers `path` as the file to remove if a signal arrives before `finished()`; called
    /// before the file is created, so no interrupt finds it created and unknown.
    static func begin(_ path: String) {
        let bytes = Array(path.utf8)
        guard bytes.count < capacity, !bytes.isEmpty else { return }
        install()
        pending[0] = 0
        for index in 1..<bytes.count { pending[index] = CChar(bitPattern: bytes[index]) }
        pending[bytes.count] = 0
        pending[0] = CChar(bitPattern: bytes[0])
    }

    /// The temporary file is gone (renamed or removed): nothing to clean up any more.
    static func finished() {
        pending[0] = 0
    }

    private static func install() {
        if installed { return }
        installed = true
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            // A signal the caller ignores (nohup's SIGHUP) stays ignored, and one the process
            // already handles stays with its handler (`serve` stops cleanly on SIGINT and SIGTERM,
            // after its writes are done).
            var current = sigaction()
            sigaction(signalNumber, nil, &current)
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != 0 { continue }  // not SIG_DFL
            signal(signalNumber) { received in
                if InterruptCleanup.pending[0] != 0 { unlink(InterruptCleanup.pending) }
                // Die of the same signal, so the caller sees how the process ended.
                signal(received, SIG_DFL)
                raise(received)
            }
            sigaddset(&unblock, signalNumber)
        }
        // A parent may hand down a mask that blocks them (a test runner's threads do): while a
        // temporary file exists, an interrupt must end the process and remove the file.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
