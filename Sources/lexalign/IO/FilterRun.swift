import ProjectFiles
import ArgumentParser
import TextNormalization

/// The loop every line filter shares: each input in turn, processed by one `LineProcessor` per
/// job, results written in order, problems reported, progress shown; an unreadable input is
/// reported and skipped, and makes the exit status 2 once the others are done; so does a line
/// with an error (not a warning), which still gets its output line.
enum FilterRun {
    /// - Parameters:
    ///   - cut: where inputs may be cut into chunks (only at blank lines for `split --join-lines`,
    ///     never inside a document for `tag`'s documents).
    ///   - makeProcessors: the processors for one input; gets the input's name to record when
    ///     several inputs are read.
    static func run(_ filter: FilterSettings, cut: ChunkCut = .anyLine,
                    makeProcessors: (_ fileName: String?) throws -> [LineProcessor]) throws {
        let inputs = filter.inputs
        let output = OutputStream(descriptor: 1)
        let progress = Progress(quiet: filter.quiet, totalBytes: FileInput.totalSize(of: inputs))
        let reporter = IssueReporter(quiet: filter.quiet)
        var failedInputs = 0
        for path in inputs {
            let input: FileInput
            do {
                input = try FileInput(path: path)
            } catch {
                progress.clear()
                StandardError.line(error.description)
                failedInputs += 1
                continue
            }
            let processors: [LineProcessor]
            do {
                processors = try makeProcessors(inputs.count > 1 ? input.displayName : nil)
            } catch {
                StandardError.line("lexalign: error: \(error)")
                throw ExitStatus.ioError
            }
            let runner = ParallelLineRunner(processors: processors, cut: cut)
            do {
                try runner.run(input, emit: { result in
                    try output.write(result.output)
                    reporter.report(result.issues, path: input.displayName, progress: progress)
                    progress.advance(bytes: result.byteCount, lines: result.lineCount)
                }, flush: { try output.flush() })
            } catch let error as InputError {
                progress.clear()
                StandardError.line(error.description)
                failedInputs += 1
            } catch let error as LineTooLong {
                progress.clear()
                StandardError.line("\(input.displayName):\(error.line): error: \(error.message)")
                failedInputs += 1
            } catch let error as OutputError {
                StandardError.line(error.description)
                throw ExitStatus.ioError
            }
            reporter.finishInput(path: input.displayName)
        }
        progress.clear()
        do { try output.flush() } catch {
            StandardError.line(error.description)
            throw ExitStatus.ioError
        }
        if failedInputs > 0 || reporter.errorCount > 0 { throw ExitStatus.ioError }
    }
}
