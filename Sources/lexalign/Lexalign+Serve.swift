import ArgumentParser
import Dispatch
import HTTPServing
import ProjectFiles
import ReviewService
import TermLexicon

extension Lexalign {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the review page, the alignment API and OpenRefine reconciliation over HTTP.",
            discussion: """
                Serves ROOT/Alignments for review in a browser (http://127.0.0.1:8080/ by default), \
                the JSON API the page uses, tagging, and a W3C reconciliation service at /reconcile \
                for OpenRefine. Bound to 127.0.0.1 unless --host says otherwise; writes are \
                accepted only from the server's own pages. The lexicon is --lexicon, else \
                $LEXALIGN_LEXICON, else ROOT/Lexicons when it exists, else the built-in one. \
                Prints the address on standard error, then one line per request; Ctrl-C \
                (SIGINT), SIGTERM or SIGHUP stops it after answering the requests in progress. \
                The API is documented in docs/SERVE.md.
                """
        )

        static let examples = [
            "lexalign serve",
            "lexalign serve --port 8137 --lexicon Lexicons .",
        ]

        @Option(help: "The TCP port; 0 picks a free one (printed on start).")
        var port: Int = 8080

        @Option(help: "The address to listen on. Anything but 127.0.0.1, ::1 or localhost lets other machines in.")
        var host: String = "127.0.0.1"

        @Option(help: ArgumentHelp("A lexicon folder (default: $LEXALIGN_LEXICON, else ROOT/Lexicons when it exists, "
                                   + "else the built-in lexicon)."),
                completion: .directory)
        var lexicon: String?

        @Option(help: "Serve the page's HTML, CSS and JavaScript from this folder (for working on the page).",
                completion: .directory)
        var assets: String?

        @Argument(help: "The folder whose Alignments/ is served.", completion: .directory)
        var root: String = "."

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        }

        func run() throws {
            guard TextFiles.isDirectory(root) else {
                StandardError.line("lexalign: error: \(root): not a folder")
                throw ExitStatus.ioError
            }
            let rootLexicon = root + "/Lexicons"
            let useRootLexicon = LexiconLocation.environmentDirectory == nil && TextFiles.isDirectory(rootLexicon)
            let folder = lexicon ?? (useRootLexicon ? rootLexicon : nil)
            let (model, sources) = try LexiconLocation.modelAndSources(directory: folder)
            let service = ReviewService(root: root, model: model, sources: sources, assetsFolder: assets)
            let server = HTTPServer(host: host, port: port) { line in StandardError.line("lexalign: " + line) }
            let shownRoot = root
            let outcome = BlockingTask.run {
                try await server.run(service) { host, port in
                    let address = host.contains(":") ? "[\(host)]" : host
                    StandardError.line("lexalign: serving \(shownRoot) at http://\(address):\(port)/")
                }
            }
            if case .failure(let error) = outcome {
                StandardError.line("lexalign: error: cannot serve on \(host):\(port): \(error)")
                throw ExitStatus.ioError
            }
        }
    }
}

/// Runs async work to its end from the synchronous command line (ArgumentParser's `run`).
enum BlockingTask {
    static func run(_ work: @escaping @Sendable () async throws -> Void) -> Result<Void, any Error> {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do {
                try await work()
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return outcome.get()
    }

    private final class Outcome: @unchecked Sendable {
        // Written by the task before it signals, read after the wait: the semaphore orders them.
        private var value: Result<Void, any Error> = .success(())
        func set(_ result: Result<Void, any Error>) { value = result }
        func get() -> Result<Void, any Error> { value }
    }
}
