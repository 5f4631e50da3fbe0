import ClusterTestSupport
import ClusterModel
import Foundation
import Hummingbird
import ServiceLifecycle

/// A small Cluster API server for end-to-end tests of failure paths: it
/// serves a fixed, live-looking cluster (heartbeats relative to the real
/// clock) and answers every PUT and DELETE with a 500 and the real core's
/// message, recording each request it saw.
enum RejectingServer {
    /// Requests seen, as "METHOD path".
    actor Log {
        private(set) var lines: [String] = []
        func add(_ line: String) { lines.append(line) }
    }

    static let message = "Node \"node-b\" not found in cluster registry"

    static func with(_ body: @Sendable (URL, Log) async throws -> Void) async throws {
        let log = Log()
        // How far TestCluster's fixed times move to land on the real clock: fixed
        // once per server, so replies never change (a moving `startedAt` would
        // read as a restart on every poll).
        let shift = Date().timeIntervalSince(TestCluster.now)
        try await TestHTTPServer.with(responder: { request in
            await log.add("\(request.method.rawValue) \(request.uri.path)")
            return try respond(request, shift: shift)
        }) { url in try await body(url, log) }
    }

    private static func respond(_ request: Request, shift: TimeInterval) throws -> Response {
        let path = request.uri.path
        if request.method == .get, path == "/api/cluster/overview" { return try json(overview(shift: shift)) }
        if request.method == .get, path == "/api/cluster/instances" { return try json(InstanceList(instances: TestCluster.instances)) }
        if path.hasPrefix("/api/cluster/assignments/") {
            return try json(ErrorBody(error: message), status: .internalServerError)
        }
        return try json(ErrorBody(error: "Not Found"), status: .notFound)
    }


    /// TestCluster's overview with every time moved to the real clock.
    private static func overview(shift: TimeInterval) -> Overview {
        var overview = TestCluster.overview
        for i in overview.nodes.indices {
            overview.nodes[i].lastHeartbeatAt = overview.nodes[i].lastHeartbeatAt?.addingTimeInterval(shift)
            overview.nodes[i].startedAt = overview.nodes[i].startedAt?.addingTimeInterval(shift)
        }
        return overview
    }

    private static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        // Sorted keys: an unchanged value must give byte-identical replies
        // (JSONEncoder's key order is otherwise not stable between calls).
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
