#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import NIOCore
import NIOHTTP1
import NIOPosix
import ReviewService

/// An HTTP/1.1 server that hands each whole request to a `ReviewService`.
///
/// - Bodies larger than `maximumBody` are refused (413) and the connection closed.
/// - One line per request goes to `log`.
/// - SIGINT and SIGTERM stop it cleanly: no new connections, idle ones closed, requests in
///   progress answered (a save in progress is finished, never cut), then `run` returns.
public struct HTTPServer: Sendable {
    public var host: String
    public var port: Int
    public var maximumBody: Int
    public var log: @Sendable (String) -> Void

    public init(host: String, port: Int, maximumBody: Int = 32 << 20, log: @escaping @Sendable (String) -> Void) {
        self.host = host
        self.port = port
        self.maximumBody = maximumBody
        self.log = log
    }

    /// Binds, calls `ready` with the address bound (the port chosen when `port` is 0), and serves
    /// until a stop signal.
    public func run(_ service: ReviewService, ready: @Sendable (String, Int) -> Void) async throws {
        let connections = ConnectionRegistry()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        let boundPort = server.channel.localAddress?.port ?? port
        service.listening(host: host, port: boundPort)
        let stopper = StopSignals { [serverChannel = server.channel] in
            for idle in connections.stop() { idle.close(promise: nil) }
            serverChannel.close(promise: nil)
        }
        ready(host, boundPort)
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await serve(connection, service, connections) }
                }
            }
        }
        stopper.cancel()
    }

    /// Answers the requests of one connection in order until the client closes it, asks for
    /// `Connection: close`, sends too large a body, or the server stops.
    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
                       _ service: ReviewService, _ connections: ConnectionRegistry) async {
        let channel = connection.channel
        guard connections.add(channel) else {
            try? await channel.close()
            return
        }
        defer { connections.remove(channel) }
        let peer = channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body: [UInt8] = []
                var tooLarge = false
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                        body.removeAll(keepingCapacity: true)
                        tooLarge = false
                        connections.setBusy(channel, true)
                    case .body(let buffer):
                        if body.count + buffer.readableBytes > maximumBody { tooLarge = true } else {
                            body.append(contentsOf: buffer.readableBytesView)
                        }
                    case .end:
                        guard let requestHead = head else { continue }
                        let started = DispatchTime.now().uptimeNanoseconds
                        let response = tooLarge ? tooLargeAnswer : service.respond(to: Self.request(requestHead, body))
                        let stopping = connections.setBusy(channel, false)
                        let keepAlive = requestHead.isKeepAlive && !tooLarge && !stopping
                        try await write(response, for: requestHead, keepAlive: keepAlive, to: outbound)
                        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
                        log("\(peer) \"\(requestHead.method.rawValue) \(requestHead.uri)\" \(response.status) "
                            + "\(response.body.count) \(Self.milliseconds(elapsed))")
                        if !keepAlive { return }
                        head = nil
                    }
                }
            }
        } catch let error as ChannelError where error == .ioOnClosedChannel || error == .eof {
            // The client closed the connection (a browser leaving the page): nothing to answer.
        } catch {
            log("\(peer) connection ended: \(error)")
        }
    }

    private var tooLargeAnswer: ServiceResponse {
        ServiceResponse(status: 413, headers: [("content-type", "application/json; charset=utf-8")],
                        body: Array("{\"error\":\"the body is larger than \(maximumBody >> 20) MiB\"}".utf8))
    }

    private static func request(_ head: HTTPRequestHead, _ body: [UInt8]) -> ServiceRequest {
        ServiceRequest(method: head.method.rawValue, target: head.uri,
                       headers: head.headers.map { (name: $0.name, value: $0.value) }, body: body)
    }

    private func write(_ response: ServiceResponse, for request: HTTPRequestHead, keepAlive: Bool,
                       to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "content-length", value: String(response.body.count))
        headers.replaceOrAdd(name: "connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: response.status, reasonPhrase: StatusText.phrase(response.status))
        try await outbound.write(.head(HTTPResponseHead(version: request.version, status: status, headers: headers)))
        if request.method != .HEAD && !response.body.isEmpty {
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
        }
        try await outbound.write(.end(nil))
    }

    private static func milliseconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}
