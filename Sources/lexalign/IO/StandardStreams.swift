#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProjectFiles

/// Buffered writes to a file descriptor (standard output for data).
final class OutputStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(flushThreshold * 2)
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        if descriptor == 1 && StandardStreams.outputWasClosed { throw OutputError(reason: "standard output is closed") }
        if buffer.isEmpty && bytes.count >= flushThreshold {
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    func write(_ string: String) throws(OutputError) { try write(Array(string.utf8)) }

    func flush() throws(OutputError) {
        if buffer.isEmpty { return }
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws(OutputError) {
        var remaining = bytes
        while !remaining.isEmpty {
            let result = Glibc.write(descriptor, remaining, remaining.count)
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(reason: String(cString: strerror(errno)))
            }
            // A short write is rare (pipes, signals): keep what is left and go on.
            remaining = Array(remaining[result...])
        }
    }
}

/// The three standard descriptors, made safe before anything is opened.
enum StandardStreams {
    /// Whether the process started with standard output closed (`>&-`).
    nonisolated(unsafe) private(set) static var outputWasClosed = false

    /// A closed descriptor 0, 1 or 2 would be handed to the next file opened, and output meant
    /// for standard output would go into it (a lexicon being rewritten). Each closed one is held
    /// by /dev/null instead; writing data to a closed standard output is then reported, once.
    static func reserveClosedDescriptors() {
        for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if held >= 0 && held != descriptor {
                dup2(held, descriptor)
                close(held)
            }
            if descriptor == 1 { outputWasClosed = true }
        }
    }
}

/// Standard error, unbuffered: diagnostics and progress.
enum StandardError {
    static func write(_ text: String) {
        var remaining = Array(text.utf8)
        while !remaining.isEmpty {
            let result = Glibc.write(2, remaining, remaining.count)
            if result <= 0 { return }
            remaining = Array(remaining[result...])
        }
    }

    static func line(_ text: String) { write(text + "\n") }

    static var isTerminal: Bool { isatty(2) != 0 }
}

enum Machine {
    /// Cores available to this process.
    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Seconds on a monotonic clock.
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
