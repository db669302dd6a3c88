import AlignmentValidation
import ProjectFiles

/// The commands' way of reading a bead file: what cannot be read or used goes to standard error.
extension AlignmentDocuments {
    /// The document, or nil when the bead file cannot be read, which is reported.
    static func load(_ path: String) -> AlignmentDocument? {
        do {
            return try read(path)
        } catch {
            StandardError.line(error.description)
            return nil
        }
    }

    /// The document when it has no error a validator finds (coverage, pins, ranges, stale files,
    /// syntax); otherwise every error goes to standard error and the command stops with status 2.
    /// - Parameter action: what the command would do, for the message ("exported").
    static func loadValid(_ path: String, toBe action: String) throws -> AlignmentDocument {
        guard let document = load(path) else { throw ExitStatus.ioError }
        let errors = errors(in: document)
        guard errors.isEmpty else {
            for finding in errors { StandardError.line(finding.description) }
            StandardError.line("lexalign: error: \(path) cannot be \(action) "
                + "until `lexalign validate` finds no error in it")
            throw ExitStatus.ioError
        }
        return document
    }
}
