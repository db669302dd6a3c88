import Foundation

/// Runs the `lexalign` binary built next to the test bundle (or `LEXALIGN_BIN`).
struct CLIRunner {
    struct Outcome: Equatable, CustomStringConvertible {
        var stdout: Data
        var stderr: String
        var status: Int32

        var output: String { String(decoding: stdout, as: UTF8.self) }
        var description: String { "status \(status)\nstdout: \(output.prefix(2000))\nstderr: \(stderr.prefix(2000))" }
    }

    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["LEXALIGN_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the tests run from <bin>/LexalignPackageTests.xctest; on macOS from inside a bundle.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("lexalign")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/lexalign")
    }()

    static func run(_ arguments: [String], stdin: Data = Data(), in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Feed and drain concurrently so neither side blocks on a full pipe.
        let writer = Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.001) }
        return Outcome(stdout: stdout, stderr: String(decoding: errorData.value, as: UTF8.self),
                       status: process.terminationStatus)
    }

    static func run(_ arguments: [String], stdin: String) throws -> Outcome {
        try run(arguments, stdin: Data(stdin.utf8))
    }

    /// Runs a command line as the docs show it (`/bin/sh -c`, pipes and all) in `directory`, with
    /// the binary's folder first on the PATH; standard error goes with standard output or away.
    static func shell(_ command: String, in directory: URL,
                      keepingErrors: Bool) throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = keepingErrors ? output : FileHandle.nullDevice
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (printed, process.terminationStatus)
    }
}

/// A value handed from a reader thread to the test.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// A temporary folder with files of given bytes, removed when the test ends.
final class Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lexalign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }
}
