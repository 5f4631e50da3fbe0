import ClusterModel
import Foundation
import Hummingbird
import ServiceLifecycle

/// A read-only Cluster API server whose answers never change: TestCluster's
/// overview with its times moved to the real clock ONCE, at start, so every
/// poll returns the same bytes. For measuring what the dashboard writes
/// while nothing happens (`RejectingServer` moves the times on every
/// request, which reads as a node restart on each poll). Counts requests.
enum TerminalCompatStaticServer {
    /// Requests seen.
    actor Counter {
        private(set) var count = 0
        func add() { count += 1 }
    }

    actor PortBox {
        var port: Int?
        func set(_ p: Int?) { port = p }
    }

    static func with(_ body: @Sendable (URL, Counter) async throws -> Void) async throws {
        let counter = Counter()
        let box = PortBox()
        let overview = try JSONEncoder().encode(shifted(by: Date().timeIntervalSince(TestCluster.now)))
        let instances = try JSONEncoder().encode(InstanceList(instances: TestCluster.instances))
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in
                await counter.add()
                let path = request.uri.path
                if request.method == .get, path == "/api/cluster/overview" { return json(overview, .ok) }
                if request.method == .get, path == "/api/cluster/instances" { return json(instances, .ok) }
                return json(Data(#"{"error":"Not Found"}"#.utf8), .notFound)
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await box.set(channel.localAddress?.port) }
        )
        let group = ServiceGroup(services: [app])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var port: Int?
            for _ in 0..<400 where port == nil {
                port = await box.port
                if port == nil { try await Task.sleep(nanoseconds: 10_000_000) }
            }
            var failure: (any Error)?
            if let port, let url = URL(string: "http://127.0.0.1:\(port)") {
                do { try await body(url, counter) } catch { failure = error }
            } else {
                failure = TmuxError(description: "static server did not start")
            }
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            if let failure { throw failure }
        }
    }

    /// TestCluster's overview with every time moved by `shift` seconds.
    private static func shifted(by shift: TimeInterval) -> Overview {
        var overview = TestCluster.overview
        for i in overview.nodes.indices {
            overview.nodes[i].lastHeartbeatAt = overview.nodes[i].lastHeartbeatAt?.addingTimeInterval(shift)
            overview.nodes[i].startedAt = overview.nodes[i].startedAt?.addingTimeInterval(shift)
        }
        return overview
    }

    private static func json(_ data: Data, _ status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
