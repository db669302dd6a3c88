#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AlignmentValidation
import SentenceAlignment
import TextNormalization

/// Reading a bead file with the sentence files it pins, for everything that needs both
/// (validate, align export, align rescore, the review server).
public enum AlignmentDocuments {
    /// The bead file with its sentence files attached (nil ones, with the reason, when they cannot
    /// be read); an error when the bead file itself cannot be read.
    public static func read(_ path: String) throws(InputError) -> AlignmentDocument {
        try document(path: path, bytes: TextFiles.readBytes(path))
    }

    /// The document of a bead file's bytes already read (the review server hashes them first).
    public static func document(path: String, bytes: [UInt8]) -> AlignmentDocument {
        var document = AlignmentDocument(path: path, text: String(decoding: bytes, as: UTF8.self))
        (document.source, document.sourceReadProblem) = readPinned(document.pinned.sourcePath, beadFile: path)
        (document.target, document.targetReadProblem) = readPinned(document.pinned.targetPath, beadFile: path)
        return document
    }

    /// The findings of severity error that `lexalign validate` makes for `document`: a document
    /// with any is neither exported, rescored nor saved.
    public static func errors(in document: AlignmentDocument) -> [Diagnostic] {
        AlignmentValidator(context: ValidationContext(model: nil)).validate(document).filter { $0.severity == .error }
    }

    /// A pinned sentence file, read only when it is a regular file inside the bead file's folder
    /// tree (a symbolic link may not lead out of it) and within the size limit.
    public static func readPinned(_ path: String, beadFile: String) -> (SentenceFile?, String?) {
        guard !path.isEmpty else { return (nil, nil) }
        let folder = beadFile.lastIndex(of: "/").map { String(beadFile[..<$0]) } ?? "."
        guard let realFolder = realPath(folder.isEmpty ? "/" : folder) else {
            return (nil, "its folder cannot be read")
        }
        guard let realFile = realPath(path) else { return (nil, String(cString: strerror(errno))) }
        guard isInside(realFile, realFolder) else {
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

    /// Whether the canonical path `path` lies inside the canonical folder `folder`.
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The canonical absolute path (symbolic links, `.` and `..` resolved), or nil.
    public static func realPath(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard realpath(path, &buffer) != nil else { return nil }
        let end = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
