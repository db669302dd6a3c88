#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic whole-file writes, for the small files people edit (lexicons,
/// alignments).
enum TextFiles {
    static func read(_ path: String) throws(InputError) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The file's bytes as stored (for content hashes and precise decoding diagnostics).
    static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        let input = try FileInput(path: path)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.sizeHint)
        do {
            while try input.read(appendingTo: &bytes, maximum: 1 << 16) > 0 {}
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, reason: "\(error)")
        }
        return bytes
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Replaces `path` with `text` so that a reader sees the old file or the new one, never a
    /// mix: write a temporary file beside it, flush it to disk, rename it over the original.
    static func writeAtomically(_ text: String, to path: String) throws(OutputError) {
        let temporary = path + ".lexalign-\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(reason: "\(temporary): \(String(cString: strerror(errno)))") }
        var remaining = Array(text.utf8)
        while !remaining.isEmpty {
            let written = write(fd, remaining, remaining.count)
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                throw OutputError(reason: "\(temporary): \(reason)")
            }
            remaining = Array(remaining[written...])
        }
        // Keep the original file's permissions.
        var info = stat()
        if stat(path, &info) == 0 { fchmod(fd, info.st_mode & 0o7777) }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(reason: "\(temporary): \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(reason: "\(path): \(reason)")
        }
    }
}
