import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `lexalign serve --port 0` on a copy of the repository's alignments, stopped by a signal.
final class RunningServer {
    let process = Process()
    let port: Int
    let root: Scratch
    private let log = LockedData()
    private let errorPipe = Pipe()

    /// Starts the server on a fresh copy of `Alignments/` and waits for its address line.
    init(extraArguments: [String] = []) throws {
        root = try Scratch()
        try FileManager.default.copyItem(at: HelpTests.repository.appendingPathComponent("Alignments"),
                                         to: root.directory.appendingPathComponent("Alignments"))
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--port", "0"] + extraArguments + [root.directory.path]
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let handle = errorPipe.fileHandleForReading
        var seen = Data()
        var found: Int?
        while found == nil {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
            let text = String(decoding: seen, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
            }
        }
        guard let found else {
            throw ServerFailed(message: "no address line; stderr: \(String(decoding: seen, as: UTF8.self))")
        }
        port = found
        let reader = Thread { [log, seen] in
            var all = seen
            all.append(handle.readDataToEndOfFile())
            log.set(all)
        }
        reader.start()
    }

    /// The path of a file under the served root.
    func path(_ relative: String) -> String { root.directory.appendingPathComponent(relative).path }

    /// Sends `signal` and waits for the process; its exit status and everything it logged.
    func stop(_ number: Int32 = SIGTERM) -> (status: Int32, reason: Process.TerminationReason, log: String) {
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        while !log.isSet { Thread.sleep(forTimeInterval: 0.005) }
        return (process.terminationStatus, process.terminationReason, String(decoding: log.value, as: UTF8.self))
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: Data = Data()) throws -> HTTPAnswer {
        try HTTPAnswer.send(port: port, method: method, target: target, headers: headers, body: body)
    }
}

struct ServerFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// One HTTP/1.1 exchange over a fresh TCP connection (`Connection: close`), with POSIX sockets so
/// the test sees the bytes the server sends, nothing a client library adds or hides.
struct HTTPAnswer {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }

    static func send(port: Int, method: String, target: String, headers: [(String, String)], body: Data) throws -> HTTPAnswer {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServerFailed(message: "socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ServerFailed(message: "connect: \(errno)") }
        var request = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { request += "Host: 127.0.0.1:\(port)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Array(request.utf8) + Array(body)
        while !bytes.isEmpty {
            let written = write(socket, bytes, bytes.count)
            guard written > 0 else { throw ServerFailed(message: "write: \(errno)") }
            bytes.removeFirst(written)
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return try parse(received)
    }

    private static func parse(_ bytes: [UInt8]) throws -> HTTPAnswer {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw ServerFailed(message: "no header end in \(String(decoding: bytes.prefix(200), as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPAnswer(status: status, headers: headers, body: Data(bytes[(end + 4)...]))
    }
}
