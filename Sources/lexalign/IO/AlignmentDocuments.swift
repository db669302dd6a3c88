#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AlignmentValidation
import SentenceAlignment
import TextNormalization

/// Reading a bead file with the sentence files it pins, for every command that needs both
/// (validate, align export, align rescore).
enum AlignmentDocuments {
    /// The bead file with its sentence files attached (nil ones, with the reason, when they cannot
    /// be read); nil when the bead file itself cannot be read, which is reported.
    static func load(_ path: String) -> AlignmentDocument? {
        let text: String
        do {
            text = try TextFiles.read(path)
        } catch {
            StandardError.line(error.description)
            return nil
        }
        var document = AlignmentDocument(path: path, text: text)
        (document.source, document.sourceReadProblem) = readPinned(document.pinned.sourcePath, beadFile: path)
        (document.target, document.targetReadProblem) = readPinned(document.pinned.targetPath, beadFile: path)
        return document
    }

    /// The document when it has no error a validator finds (coverage, pins, ranges, stale files,
    /// syntax); otherwise every error goes to standard error and the command stops with status 2.
    /// - Parameter action: what the command would do, for the message ("exported").
    static func loadValid(_ path: String, toBe action: String) throws -> AlignmentDocument {
        guard let document = load(path) else { throw ExitStatus.ioError }
        let errors = AlignmentValidator(context: ValidationContext(model: nil)).validate(document).filter { $0.severity == .error }
        guard errors.isEmpty else {
            for finding in errors { StandardError.line(finding.description) }
            StandardError.line("lexalign: error: \(path) cannot be \(action) until `lexalign validate` finds no error in it")
            throw ExitStatus.ioError
        }
        return document
    }

    /// A pinned sentence file, read only when it is a regular file inside the bead file's folder
    /// tree (a symbolic link may not lead out of it) and within the size limit.
    static func readPinned(_ path: String, beadFile: String) -> (SentenceFile?, String?) {
        guard !path.isEmpty else { return (nil, nil) }
        let folder = beadFile.lastIndex(of: "/").map { String(beadFile[..<$0]) } ?? "."
        guard let realFolder = realPath(folder.isEmpty ? "/" : folder) else { return (nil, "its folder cannot be read") }
        guard let realFile = realPath(path) else { return (nil, String(cString: strerror(errno))) }
        guard realFile.hasPrefix(realFolder == "/" ? "/" : realFolder + "/") else {
            return (nil, "it leads (through a symbolic link) to \(realFile), outside the bead file's folder")
        }
        var info = stat()
        guard stat(realFile, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return (nil, "not a regular file") }
        do {
            return (SentenceFile(path: path, bytes: try TextFiles.readBytes(path)), nil)
        } catch {
            return (nil, error.reason)
        }
    }

    /// The canonical absolute path (symbolic links, `.` and `..` resolved), or nil.
    private static func realPath(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard realpath(path, &buffer) != nil else { return nil }
        let end = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
