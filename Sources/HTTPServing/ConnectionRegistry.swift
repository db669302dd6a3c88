import NIOCore
import Synchronization

/// The open connections and whether each is answering a request, so a stop can close the idle
/// ones at once and let the busy ones finish their answer first.
final class ConnectionRegistry: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: (channel: any Channel, busy: Bool)] = [:]
        var stopping = false
    }
    private let state = Mutex(State())

    /// Registers a new connection; false when the server is stopping (it should be closed).
    func add(_ channel: any Channel) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.connections[ObjectIdentifier(channel)] = (channel, false)
            return true
        }
    }

    /// Marks the connection busy or idle; whether the server is stopping.
    @discardableResult
    func setBusy(_ channel: any Channel, _ busy: Bool) -> Bool {
        state.withLock { state in
            state.connections[ObjectIdentifier(channel)]?.busy = busy
            return state.stopping
        }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Starts stopping; the connections that are idle now, to be closed.
    func stop() -> [any Channel] {
        state.withLock { state in
            state.stopping = true
            return state.connections.values.filter { !$0.busy }.map(\.channel)
        }
    }
}
