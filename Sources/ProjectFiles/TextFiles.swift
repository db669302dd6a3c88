#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads of the small files people edit (lexicons, alignments); writes go through
/// `FileWriter`.
public enum TextFiles {
    public static func read(_ path: String) throws(InputError) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The most a whole-file read takes: lexicons, bead files and sentence files are far
    /// smaller, and a name that leads to an endless stream (`/dev/zero`) must not exhaust memory.
    public static let sizeLimit = 256 << 20

    /// The file's bytes as stored (for content hashes and precise decoding diagnostics); an
    /// error when it holds more than `limit` bytes.
    public static func readBytes(_ path: String, limit: Int = sizeLimit) throws(InputError) -> [UInt8] {
        let input = try FileInput(path: path)
        let tooLarge = InputError(path: path, reason: "larger than \(limit >> 20) MiB, "
            + "the most lexalign reads of a lexicon, bead or sentence file")
        if input.sizeHint > limit { throw tooLarge }
        // Read into the array itself: one byte more than the size, so that the end is a read of 0.
        var bytes = [UInt8](repeating: 0, count: input.sizeHint + 1)
        var filled = 0
        do {
            while true {
                if filled == bytes.count {
                    // Doubling, but never past one byte over the limit (`/dev/zero` reads forever).
                    let more = min(max(1 << 16, bytes.count), limit + 1 - bytes.count)
                    bytes.append(contentsOf: repeatElement(0, count: more))
                }
                let count = try input.read(into: &bytes, at: filled)
                if count == 0 { break }
                filled += count
                if filled > limit { throw tooLarge }
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, reason: "\(error)")
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
