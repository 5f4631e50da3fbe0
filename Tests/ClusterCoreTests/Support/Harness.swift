import ClusterTestSupport
import AsyncHTTPClient
import ClusterClient
import ClusterCore
import ClusterModel
import ClusterSupport
import Foundation
import NIOCore
import NIOHTTP1

/// Which side of the conformance suite a test runs against.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case embedded, http
    var description: String { rawValue }
}

/// A running core (and, for `.http`, its server and an HTTP client), with
/// the reader and writer the conformance checks use. Timers are off and the
/// clock is manual, so nothing changes unless a test changes it.
struct Harness: Sendable {
    static let token = "test-token-0123456789abcdef"
    static let adminEmail = "admin@example.test"
    static let adminPassword = "correct horse battery staple"

    let cluster: EmbeddedCluster
    let clock: ManualClusterClock
    let reader: any ClusterReading
    let writer: any ClusterWriting
    let server: ClusterServer?
    let client: ClusterHTTPClient?

    /// The actor audit rows record for writes through `writer`.
    var actor: String { server == nil ? "u_local" : "u_token" }

    static func coreOptions(clock: ManualClusterClock, demo: DemoOptions? = DemoOptions(nodes: 8, instances: 60)) -> CoreOptions {
        CoreOptions(
            node: NodeRegistration(name: "this-node", role: .worker, url: "http://127.0.0.1:1", version: "1.4.0",
                                   hostname: "localhost", pid: 42),
            demo: demo, clock: clock, runsTimers: false)
    }

    static func serverOptions(_ change: (inout ServerOptions) -> Void = { _ in }) -> ServerOptions {
        var o = ServerOptions(adminEmail: adminEmail, adminPassword: adminPassword, staticToken: token)
        change(&o)
        return o
    }

    /// Starts a harness, runs `body`, and always tears it down.
    static func with<T: Sendable>(
        _ backend: Backend, demo: DemoOptions? = DemoOptions(nodes: 8, instances: 60),
        _ body: (Harness) async throws -> T
    ) async throws -> T {
        let clock = ManualClusterClock()
        let cluster = try await EmbeddedCluster.start(coreOptions(clock: clock, demo: demo))
        var harness = Harness(cluster: cluster, clock: clock, reader: cluster, writer: cluster.makeWriter(), server: nil, client: nil)
        return try await withCleanup({
            if backend == .http {
                let server = try await ClusterServer.start(cluster: cluster, options: serverOptions())
                guard let url = URL(string: server.baseURL) else {
                    await server.stop()
                    throw TmuxError(description: "bad server URL \(server.baseURL)")
                }
                let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: token))
                harness = Harness(
                    cluster: cluster, clock: clock, reader: client.reader, writer: client.makeWriter(),
                    server: server, client: client)
            }
            return try await body(harness)
        }, cleanup: { await harness.close() })
    }

    func close() async {
        await client?.shutdown()
        await server?.stop()
        await cluster.shutdown()
    }
}

/// One raw HTTP exchange, for exact status codes, headers and bodies.
/// A reply as it came off the wire: status, headers, body text.
struct RawResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: String
    /// The body's bytes as they came (still gzipped, if they were).
    var bytes: ByteBuffer
}

/// Sends raw requests with AsyncHTTPClient, bypassing ClusterClient's
/// interpretation, to check exact statuses, headers and bodies.
enum RawHTTP {
    static func send(
        _ method: HTTPMethod, _ url: String, cookie: String? = Harness.token, json: String? = nil,
        acceptEncoding: String? = nil
    ) async throws -> RawResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let acceptEncoding { request.headers.add(name: "Accept-Encoding", value: acceptEncoding) }
        if let cookie { request.headers.add(name: "Cookie", value: "token=\(cookie)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        // Not `HTTPClient.shared`: it inflates gzip itself (and asks for it).
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init())
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .seconds(10))
            body = try await response.body.collect(upTo: 64 << 20)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        return RawResponse(status: Int(response.status.code), headers: response.headers, body: String(buffer: body), bytes: body)
    }
}
