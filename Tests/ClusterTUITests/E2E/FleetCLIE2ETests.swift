import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 23: `clustertui get fleet` reads every context of the config file
/// at once, each within its own time-out, and says each one's state
/// truthfully: a healthy cluster, an unreachable one, one answering a
/// proxy's HTML 502, and one whose node has died.
@Suite(.blocking, .serialized) struct FleetCLIE2ETests {
    /// An overview with one node beating now and one silent for five minutes,
    /// a strict binding to the silent one.
    static func deadNodeOverview() throws -> String {
        let now = Date()
        func node(_ name: String, age: TimeInterval) -> Node {
            Node(name: name, role: .worker, url: nil, tags: [], status: .online, lastHeartbeatAt: now.addingTimeInterval(-age),
                 startedAt: now.addingTimeInterval(-86_400), version: "0.4.1", hostname: name, pid: 1)
        }
        let overview = Overview(
            thisNodeName: "d-alive", defaultNodeName: "d-alive", nodes: [node("d-alive", age: 1), node("d-dead", age: 300)],
            assignments: [Assignment(entityType: .agent, entityId: "t:a", nodeName: "d-dead", mode: .strict)])
        return String(decoding: try JSONEncoder().encode(overview), as: UTF8.self)
    }

    /// The four contexts of the fleet tests: healthy (with its own token file), unreachable, HTML 502, a dead node.
    static func fourContexts(healthy: ServeProcess, closedPort: Int, proxy: URL, dead: URL) throws -> ConfigHome {
        try ConfigHome([
            .init("alpha", url: healthy.url.absoluteString, token: healthy.token),
            .init("beta", url: "http://127.0.0.1:\(closedPort)", extra: ["protected = true"]),
            .init("gamma", url: proxy.absoluteString),
            .init("delta", url: dead.absoluteString),
        ])
    }

    /// Runs `body` with the four contexts' servers up (a served demo, a closed
    /// port, an HTML 502 proxy, a cluster whose node died) and their config home.
    static func withFourContexts(_ body: @escaping @Sendable (ConfigHome) async throws -> Void) async throws {
        let healthy = try ServeProcess(extraArguments: ["--node-name", "alpha-core"])
        defer { healthy.stop() }
        let closed = try #require(ClosedPort())
        defer { closed.close() }
        let closedPort = closed.port
        try await FaultServer.with(.proxyHTML) { proxyURL, _ in
            try await TestHTTPServer.with(responder: { request in
                switch request.uri.path {
                // Made at each request: d-alive beats on, d-dead stays five minutes behind.
                case "/api/cluster/overview": FaultServer.json(.ok, (try? deadNodeOverview()) ?? "")
                case "/api/cluster/instances": FaultServer.json(.ok, #"{"instances":[]}"#)
                default: FaultServer.json(.notFound, #"{"error":"Not found"}"#)
                }
            }) { deadURL in
                let config = try fourContexts(healthy: healthy, closedPort: closedPort, proxy: proxyURL, dead: deadURL)
                defer { config.remove() }
                try await body(config)
            }
        }
    }

    /// Issue 23: four contexts, four truthful states; the environment's token is not sent to a context with its own token file.
    @Test func fourContextsFourStates() async throws {
        let healthy = try ServeProcess(extraArguments: ["--node-name", "alpha-core"])
        defer { healthy.stop() }
        let closed = try #require(ClosedPort())
        defer { closed.close() }
        let closedPort = closed.port
        let body = try Self.deadNodeOverview()
        try await FaultServer.with(.proxyHTML) { proxyURL, _ in
            try await TestHTTPServer.with(responder: { request in
                request.uri.path == "/api/cluster/overview" ? FaultServer.json(.ok, body) : FaultServer.json(.notFound, "{}")
            }) { deadURL in
                let home = try Self.fourContexts(healthy: healthy, closedPort: closedPort, proxy: proxyURL, dead: deadURL)
                defer { home.remove() }
                let env = home.environment
                // A token in the environment: it must not reach alpha, which has its own.
                let json = try await offPool { try CLIChild.run(["get", "fleet", "-o", "json", "--timeout", "3"], token: "wrong", environment: env) }
                #expect(json.status == 1, "some contexts did not answer: \(json.stderr)")
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
                let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["context"] as? String ?? "", $0) })
                #expect(rows.map { $0["context"] as? String } == ["alpha", "beta", "delta", "gamma"])
                #expect(byName["alpha"]?["state"] as? String == "live", "\(byName["alpha"] ?? [:])")
                #expect(((byName["alpha"]?["nodes"] as? [String: Int])?["ok"] ?? 0) >= 1, "the token file's token was sent, not the environment's")
                #expect(byName["beta"]?["state"] as? String == "unreachable")
                #expect(byName["beta"]?["nodes"] == nil, "nothing known is not an empty cluster")
                // A script choosing where to act can tell production apart (the dashboard marks it ⚑).
                #expect(byName["beta"]?["protected"] as? Bool == true && byName["alpha"]?["protected"] as? Bool == false)
                #expect(byName["gamma"]?["state"] as? String == "malformed reply")
                #expect((byName["gamma"]?["error"] as? String)?.contains("502") == true)
                #expect(byName["delta"]?["state"] as? String == "live")
                let delta = byName["delta"]?["nodes"] as? [String: Int]
                #expect(delta?["ok"] == 1 && delta?["silent"] == 1, "\(String(describing: delta))")
                #expect(byName["delta"]?["atRiskFromOverview"] as? Int == 1)

                let table = try await offPool { try CLIChild.run(["get", "fleet", "--timeout", "3"], token: nil, environment: env) }
                let lines = table.stdout.split(separator: "\n")
                #expect(lines.first?.hasPrefix("CONTEXT") == true)
                #expect(lines.contains { $0.hasPrefix("beta") && $0.contains("unreachable") }, "\(table.stdout)")
                #expect(lines.contains { $0.hasPrefix("gamma") && $0.contains("malformed reply") })
                #expect(lines.contains { $0.hasPrefix("delta") && $0.contains("live") && $0.contains("≥1") })
            }
        }
    }
}
