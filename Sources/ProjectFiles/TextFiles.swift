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
        let tooLarge = InputError(path: path, reason: "larger than \(limit >> 20) MiB, the most lexalign reads of a lexicon, bead or sentence file")
        if input.sizeHint > limit { throw tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.sizeHint)
        do {
            while try input.read(appendingTo: &bytes, maximum: 1 << 16) > 0 {
                if bytes.count > limit { throw tooLarge }
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, reason: "\(error)")
        }
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
