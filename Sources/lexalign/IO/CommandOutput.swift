import ProjectFiles
import TextNormalization

/// Where a command that writes one text sends it: the `-o` file through `FileWriter` (never over
/// one of `inputs`), or standard output. A failed write is reported and exits with status 2.
enum CommandOutput {
    static func write(_ text: String, to output: String?, inputs: [String]) throws {
        guard let output else {
            let stream = OutputStream(descriptor: 1)
            try stream.write(Array(text.utf8))
            try stream.flush()
            return
        }
        do { try FileWriter.write(text, to: output, inputs: inputs) } catch {
            StandardError.line(error.description)
            throw ExitStatus.ioError
        }
    }
}
