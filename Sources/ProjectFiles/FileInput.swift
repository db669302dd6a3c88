#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextNormalization

/// An open input: a file named on the command line, or standard input for "-" or no name.
public final class FileInput: ByteSource {
    public let displayName: String
    let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path`; "-" is standard input.
    public init(path: String) throws(InputError) {
        if path == "-" {
            displayName = "<stdin>"
            descriptor = 0
            ownsDescriptor = false
            return
        }
        displayName = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw InputError(path: path, reason: "Is a directory")
        }
        descriptor = fd
        ownsDescriptor = true
    }

    /// The file's size when it is a regular file (for progress), else 0.
    public var sizeHint: Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// The size of all `paths` together when every one is a regular file, else nil.
    public static func totalSize(of paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            var info = stat()
            guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            total += Int(info.st_size)
        }
        return total
    }

    /// Anything but a regular file (a pipe, a terminal, a socket) may make a read wait.
    public lazy var mayWait: Bool = {
        var info = stat()
        return !(fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }()

    public func isReadable() -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&request, 1, 0)
            if ready >= 0 { return ready > 0 }
            if errno != EINTR { return true }
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }
}

/// An input that could not be opened or read.
public struct InputError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: cannot read: \(reason)" }
}

/// An output that could not be written.
public struct OutputError: Error, CustomStringConvertible {
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "lexalign: error: cannot write output: \(reason)" }
}
