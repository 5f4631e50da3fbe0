import ClusterClient
import ClusterModel
import ClusterTestSupport
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterRuntime
@testable import ClusterState
@testable import ClusterViews

/// Issue 23, isolation: every background context polls on its own
/// connection with its own time-out, so a dead, slow or malformed cluster
/// never delays, blanks or stales another. Real HTTP servers on 127.0.0.1
/// and the dashboard's own effect runner; only `update` is driven by hand.
@Suite(.serialized) struct FleetIsolationTests {
    /// Seconds the slow context's reads may take before they time out.
    static let slowTimeout: TimeInterval = 3

    /// A connection to `url` as a context switch makes one: its own client, time-out and shutdown.
    static func connection(_ name: String, _ url: URL, timeout: TimeInterval) throws -> ClusterConnection {
        let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: nil, connectTimeout: 1, requestTimeout: timeout))
        return ClusterConnection(label: name, reader: client.reader, makeWriter: { client.makeWriter() },
                                 shutdown: { await client.shutdown() })
    }

    /// Issue 23: with an unreachable and an endless-body context among two healthy ones, the healthy rows fill at once and stay live.
    @Test func aDeadOrEndlessContextDelaysNoOther() async throws {
        let closed = try #require(ClosedPort())
        defer { closed.close() }
        let closedURL = try #require(URL(string: "http://127.0.0.1:\(closed.port)"))
        try await FaultServer.with(.normal) { alphaURL, _ in
            try await FaultServer.with(.normal) { betaURL, _ in
                try await FaultServer.with(.endlessBody) { slowURL, _ in
                    let urls = ["alpha": alphaURL, "beta": betaURL, "gamma": closedURL, "delta": slowURL]
                    try await Self.pollOnce(urls)
                }
            }
        }
    }

    /// Polls every context but the open one through the runner, applying the replies as they come.
    static func pollOnce(_ urls: [String: URL]) async throws {
        let open = try connection("open", urls["alpha"]!, timeout: 5)
        let link = LiveConnection(reader: open.reader, writer: nil, connection: open, connector: { name in
            guard let url = urls[name] else { throw ClusterError.usage("no context \(name)") }
            return try connection(name, url, timeout: name == "delta" ? slowTimeout : 5)
        })
        let inbox = MessageInbox(wake: {})
        let runner = EffectRunner(link: link, inbox: inbox)
        var state = TestCluster.withContexts(["open", "alpha", "beta", "gamma", "delta"])
        for effect in TestCluster.press(&state, .char("F")) where isFleetPoll(effect) { runner.start(effect) }

        let started = Date()
        var answered: [String] = []
        var healthyWhileSlowPending = false
        while answered.count < 4, Date().timeIntervalSince(started) < slowTimeout + 10 {
            for message in inbox.drain() {
                guard case .fleetOverview(let context, _, _) = message else { continue }
                _ = Update.update(&state, message, now: state.now)
                answered.append(context)
            }
            if Set(answered).isSuperset(of: ["alpha", "beta", "gamma"]), !answered.contains("delta"),
               entry(state, "alpha")?.state == .live, entry(state, "beta")?.state == .live {
                healthyWhileSlowPending = true
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        await link.fleet.shutdown()
        await open.shutdown()

        #expect(answered.last == "delta", "the endless body answers last, at its own time-out: \(answered)")
        #expect(healthyWhileSlowPending, "both healthy rows were live while the endless one was still being read")
        #expect(entry(state, "alpha")?.state == .live && entry(state, "beta")?.state == .live, "and stay live after it failed")
        #expect(entry(state, "gamma")?.state.word == "unreachable")
        let slow = entry(state, "delta")?.state
        #expect({ if case .down(.timedOut) = slow { true } else { false } }(), "the endless body timed out: \(String(describing: slow))")
        let text = RootView.render(state).text()
        #expect(text.split(separator: "\n").contains { $0.contains("alpha") && $0.contains("live") }, "\(text)")
    }

    static func isFleetPoll(_ effect: Effect) -> Bool {
        if case .fetchFleetOverview = effect { true } else { false }
    }

    static func entry(_ state: AppState, _ name: String) -> FleetEntry? {
        state.fleet.entries.first { $0.name == name }
    }
}
