#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextNormalization

/// An open input: a file named on the command line, or standard input for "-" or no name.
final class FileInput: ByteSource {
    let displayName: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var scratch: [UInt8] = []

    /// Opens `path`; "-" is standard input.
    init(path: String) throws(InputError) {
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

    /// The file's size when it is a regular file (a hint for buffers), else 0.
    var sizeHint: Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    func read(appendingTo buffer: inout [UInt8], maximum: Int) throws -> Int {
        if scratch.count < maximum { scratch = [UInt8](repeating: 0, count: maximum) }
        while true {
            let count = Glibc.read(descriptor, &scratch, maximum)
            if count >= 0 {
                buffer.append(contentsOf: scratch[0..<count])
                return count
            }
            if errno == EINTR { continue }
            throw InputError(path: displayName, reason: String(cString: strerror(errno)))
        }
    }
}

/// An input that could not be opened or read.
struct InputError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "\(path): error: cannot read: \(reason)" }
}
