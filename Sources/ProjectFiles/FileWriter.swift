#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Lexalign writes a file: `-o`, `lexicon fmt`, `lexicon accept`, `validate --fix`, `align rescore`.
///
/// - A regular file (or a name not yet taken) is replaced in one step: a temporary file created
///   exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`, an unpredictable name) in the target's folder,
///   written, flushed to disk and renamed over the target; the old file's mode and owner are
///   kept; an interrupted write leaves no temporary file behind.
/// - A symbolic link is followed: the file it points to is replaced and the link stays a link.
/// - A character device, FIFO or socket (`/dev/null`, a named pipe) is written straight into,
///   never renamed over; `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to that descriptor.
/// - A file the command reads (the same device and inode as one of `inputs`) is refused, and so
///   are folders and block devices.
public enum FileWriter {
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(OutputError) {
        try write(Array(text.utf8), to: path, inputs: inputs)
    }

    public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(OutputError) {
        if let descriptor = standardDescriptor(path) {
            try writeAll(bytes, to: descriptor, path: path)
            return
        }
        let target = resolvingLinks(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists {
            for input in inputs {
                var inputInfo = stat()
                if stat(input, &inputInfo) == 0 && inputInfo.st_dev == info.st_dev && inputInfo.st_ino == info.st_ino {
                    throw OutputError(reason: "\(path): refusing to write over \(input), which this command reads")
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFCHR, S_IFIFO, S_IFSOCK:
                try writeIntoSpecialFile(bytes, path: path, target: target)
                return
            case S_IFDIR:
                throw OutputError(reason: "\(path): is a folder")
            default:
                throw OutputError(reason: "\(path): not a regular file, device or pipe; not written")
            }
        }
        try replace(target, with: bytes, keeping: exists ? info : nil, shownAs: path)
    }

    /// The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` stand for.
    private static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// The path a chain of symbolic links ends at (the path itself when it is not a link); a
    /// dangling link gives the name it points to, so the write creates that file.
    private static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : folder(of: current) + "/" + link
        }
        return current
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func writeIntoSpecialFile(_ bytes: [UInt8], path: String, target: String) throws(OutputError) {
        let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(reason: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// Temporary file beside `target`, flushed, renamed over it.
    private static func replace(_ target: String, with bytes: [UInt8], keeping old: stat?,
                                shownAs path: String) throws(OutputError) {
        let temporary = folder(of: target) + "/." + name(of: target) + ".lexalign-" + randomHex() + ".tmp"
        // Known to the signal handlers before it exists: an interrupt that arrives while the file
        // is being created (or before the handlers are installed) must still remove it. Were the
        // name taken, the open fails; the name has 64 random bits, so that is no one's file.
        InterruptCleanup.begin(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            InterruptCleanup.finished()
            throw OutputError(reason: "\(path): cannot create a file in its folder: \(reason)")
        }
        func fail(_ reason: String) -> OutputError {
            close(descriptor)
            unlink(temporary)
            InterruptCleanup.finished()
            return OutputError(reason: "\(path): \(reason)")
        }
        do {
            try writeAll(bytes, to: descriptor, path: path)
        } catch {
            throw fail(error.reason)
        }
        if let old {
            // Someone else's file keeps its owner, or is not replaced: a rename would give it ours.
            if old.st_uid != geteuid() || old.st_gid != getegid() {
                guard fchown(descriptor, old.st_uid, old.st_gid) == 0 else {
                    throw fail("belongs to another user, whose ownership a rewrite cannot keep; not written")
                }
            }
            guard fchmod(descriptor, old.st_mode & 0o7777) == 0 else { throw fail(String(cString: strerror(errno))) }
        } else {
            let mask = umask(0)
            umask(mask)
            guard fchmod(descriptor, 0o666 & ~mask) == 0 else { throw fail(String(cString: strerror(errno))) }
        }
        guard fsync(descriptor) == 0 else { throw fail(String(cString: strerror(errno))) }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            InterruptCleanup.finished()
            throw OutputError(reason: "\(path): \(reason)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            InterruptCleanup.finished()
            throw OutputError(reason: "\(path): \(reason)")
        }
        InterruptCleanup.finished()
        // The rename itself reaches the disk when the folder is flushed.
        let folderDescriptor = open(folder(of: target), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// 16 random hex digits: the temporary name cannot be guessed in advance.
    private static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(OutputError) {
        var pending = bytes
        while !pending.isEmpty {
            let written = Glibc.write(descriptor, pending, pending.count)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(reason: "\(path): \(String(cString: strerror(errno)))")
            }
            // A short write is rare (pipes, signals): keep what is left and go on.
            pending.removeFirst(written)
        }
    }
}
