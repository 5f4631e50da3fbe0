import ClusterClient
import ClusterModel
import ClusterTestSupport
import Foundation
import Testing
import ClusterApp
import ClusterRuntime
import ClusterState
import ClusterViews

/// Issue 23, isolation: every background context polls on its own
/// connection with its own time-out, so a dead, slow or malformed cluster
/// never delays, blanks or stales another. Real HTTP servers on 127.0.0.1
/// and the dashboard's own effect runner; only `update` is driven by hand.
@Suite(.serialized) struct FleetIsolationTests {
    /// Seconds the slow context's reads may take before they time out: the
    /// two healthy rounds must finish first. 4 s failed once in a full run on
    /// the loaded 2-core machine (34 s for a test that takes 4 alone).
    static let slowTimeout: TimeInterval = 12

    /// A connection to `url` as a context switch makes one: its own client, time-out and shutdown.
    static func connection(_ name: String, _ url: URL, timeout: TimeInterval) throws -> ClusterConnection {
        // 3 s to connect: 1 s was met on a loaded machine (FaultMatrixTests).
        let client = try ClusterHTTPClient(ClientConfiguration(baseURL: url, token: nil, connectTimeout: 3, requestTimeout: timeout))
        return ClusterConnection(label: name, reader: client.reader, makeWriter: { client.makeWriter() },
                                 shutdown: { await client.shutdown() })
    }

    /// Issue 23: with an unreachable and an endless-body context among two healthy ones, the healthy rows fill, poll again and stay live meanwhile.
    @Test func aDeadOrEndlessContextDelaysNoOther() async throws {
        let closed = try #require(ClosedPort())
        defer { closed.close() }
        let closedURL = try #require(URL(string: "http://127.0.0.1:\(closed.port)"))
        try await FaultServer.with(.normal) { alphaURL, _ in
            try await FaultServer.with(.normal) { betaURL, _ in
                try await FaultServer.with(.endlessBody) { slowURL, _ in
                    let urls = ["alpha": alphaURL, "beta": betaURL, "gamma": closedURL, "delta": slowURL]
                    try await Self.pollTwice(urls)
                }
            }
        }
    }

    /// The replies, applied as they come.
    final class Replies {
        var state: AppState
        var answered: [String] = []
        init(_ state: AppState) { self.state = state }

        /// Takes in what the inbox holds; true once `done` says so (bounded by the slow context's time-out and a margin).
        func wait(_ inbox: MessageInbox, until done: (Replies) -> Bool) async throws -> Bool {
            let deadline = Date().addingTimeInterval(slowTimeout + 10)
            while Date() < deadline {
                for message in inbox.drain() {
                    guard case .fleetOverview(let context, _, _) = message else { continue }
                    _ = Update.update(&state, message, now: state.now)
                    answered.append(context)
                }
                if done(self) { return true }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            return false
        }

        func count(_ name: String) -> Int { answered.count { $0 == name } }
    }

    /// The slow and the dead context first in the config, so a runner that
    /// polled one context at a time would have the healthy ones wait behind them.
    static func pollTwice(_ urls: [String: URL]) async throws {
        let open = try connection("open", urls["alpha"]!, timeout: 5)
        let link = LiveConnection(reader: open.reader, writer: nil, connection: open, connector: { name in
            guard let url = urls[name] else { throw ClusterError.usage("no context \(name)") }
            return try connection(name, url, timeout: name == "delta" ? slowTimeout : 5)
        })
        let inbox = MessageInbox(wake: {})
        let runner = EffectRunner(link: link, inbox: inbox)
        var state = TestCluster.withContexts(["open", "delta", "gamma", "alpha", "beta"])
        for effect in TestCluster.press(&state, .char("F")) where isFleetPoll(effect) { runner.start(effect) }
        let replies = Replies(state)

        // First round: the healthy rows fill while the endless body is still being read.
        let first = try await replies.wait(inbox) { r in ["alpha", "beta", "gamma"].allSatisfy { r.count($0) > 0 } }
        #expect(first && replies.count("delta") == 0, "healthy replies came first: \(replies.answered)")
        #expect(entry(replies.state, "alpha")?.state == .live && entry(replies.state, "beta")?.state == .live)
        // Their next polls fall due and go out while delta's first is still pending.
        let later = replies.state.now.addingTimeInterval(Fleet.interval + 5)
        replies.state.now = later
        let due = Update.update(&replies.state, .tick, now: later).filter(isFleetPoll)
        #expect(due.contains { if case .fetchFleetOverview("alpha", _) = $0 { true } else { false } }, "\(due)")
        #expect(!due.contains { if case .fetchFleetOverview("delta", _) = $0 { true } else { false } }, "delta is still in flight")
        due.forEach(runner.start)
        let second = try await replies.wait(inbox) { $0.count("alpha") > 1 && $0.count("beta") > 1 }
        #expect(second && replies.count("delta") == 0, "a second round before the slow one answered: \(replies.answered)")
        // Then the endless body times out, on its own row only.
        let slow = try await replies.wait(inbox) { $0.count("delta") > 0 }
        await link.fleet.shutdown()
        await open.shutdown()
        #expect(slow)
        #expect(entry(replies.state, "alpha")?.state == .live && entry(replies.state, "beta")?.state == .live, "they stay live")
        #expect(entry(replies.state, "gamma")?.state.word == "unreachable")
        let delta = entry(replies.state, "delta")?.state
        #expect({ if case .down(.timedOut) = delta { true } else { false } }(), "the endless body timed out: \(String(describing: delta))")
        let text = RootView.render(replies.state).text()
        #expect(text.split(separator: "\n").contains { $0.contains("alpha") && $0.contains("live") }, "\(text)")
    }

    static func isFleetPoll(_ effect: Effect) -> Bool {
        if case .fetchFleetOverview = effect { true } else { false }
    }

    static func entry(_ state: AppState, _ name: String) -> FleetEntry? {
        state.fleet.entries.first { $0.name == name }
    }
}
