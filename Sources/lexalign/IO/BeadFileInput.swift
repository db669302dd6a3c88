import SentenceAlignment

/// Reads a bead file for a command that needs it whole (export, rescore).
enum BeadFileInput {
    /// The file; when it cannot be read or does not read cleanly, every problem goes to standard
    /// error and the command stops with status 2.
    /// - Parameter action: what the command would do, for the message ("exported").
    static func readCleanly(_ path: String, toBe action: String) throws -> AlignmentFile {
        let text: String
        do {
            text = try TextFiles.read(path)
        } catch {
            StandardError.line(error.description)
            throw ExitStatus.ioError
        }
        let (alignment, diagnostics) = AlignmentFileReader.read(path: path, text: text)
        for problem in diagnostics { StandardError.line(problem.description) }
        if !diagnostics.isEmpty {
            StandardError.line("lexalign: error: \(path) cannot be \(action) until it reads cleanly")
            throw ExitStatus.ioError
        }
        return alignment
    }
}
