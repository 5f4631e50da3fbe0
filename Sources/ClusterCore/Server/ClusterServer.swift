import ClusterModel
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The Cluster API over HTTP (Hummingbird) for one `EmbeddedCluster`:
/// `clustertui serve`, and the server the HTTP conformance tests talk to.
///
/// `start` returns once the socket is bound, so `port` is known (port 0
/// picks a free one). Hummingbird adds the `Date` header to every response.
public final class ClusterServer: Sendable {
    public let cluster: EmbeddedCluster
    /// The bound port.
    public let port: Int
    public let host: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(cluster: EmbeddedCluster, port: Int, host: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.cluster = cluster; self.port = port; self.host = host; self.group = group; self.task = task
    }

    /// `http://host:port`.
    public var baseURL: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "http://\(h):\(port)"
    }

    /// Binds and starts serving; throws when the address cannot be bound.
    public static func start(cluster: EmbeddedCluster, options: ServerOptions) async throws -> ClusterServer {
        var logger = Logger(label: "clustertui.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(GzipMiddleware())
        router.middlewares.add(NotFoundMiddleware())
        ClusterRoutes(cluster: cluster, auth: SessionAuth(options: options, clock: cluster.clock)).add(to: router)
        let bound = BindSignal()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in bound.resolve(.success(channel.localAddress?.port ?? options.port)) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: options.stopsOnSignals ? [.sigterm, .sigint] : [], logger: logger))
        let task = Task {
            do {
                try await group.run()
                bound.resolve(.failure(CoreError.storage("the server stopped before it was listening")))
            } catch {
                bound.resolve(.failure(error))
                throw error
            }
        }
        do {
            let port = try await bound.value()
            return ClusterServer(cluster: cluster, port: port, host: options.host, group: group, task: task)
        } catch {
            task.cancel()
            throw error
        }
    }

    /// Stops accepting requests and waits for the server to finish.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Waits until the server stops (a signal, when `stopsOnSignals`, or `stop()`).
    public func waitUntilStopped() async {
        _ = try? await task.value
    }
}

/// A one-shot hand-over of the bound port (or the bind failure) from the
/// server's start-up callback to `start`.
final class BindSignal: Sendable {
    private let state = LockedBox<(result: Result<Int, any Error>?, waiter: CheckedContinuation<Int, any Error>?)>((nil, nil))

    func resolve(_ result: Result<Int, any Error>) {
        let waiter = state.withLock { s -> CheckedContinuation<Int, any Error>? in
            guard s.result == nil else { return nil }
            s.result = result
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { s -> Result<Int, any Error>? in
                if s.result == nil { s.waiter = continuation }
                return s.result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
