import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 22 in a real terminal: against a server whose node restarts at
/// every poll and whose binding is moved by someone else, the dashboard
/// shows the restarts, `is:flapping` and the change with its author; after
/// quitting, `clustertui history` and `clustertui changes` read them back,
/// and a dashboard started again shows them from the store at once.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct HistoryE2ETests {
    /// Whether `flappy` still restarts; the test stops it before the second start.
    final class Switch: @unchecked Sendable {
        private let lock = NSLock()
        private var value = true
        var on: Bool {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    /// The overview: `steady` beats on; `flappy` has a new pid every second while `restarting.on`;
    /// the binding of `agent t:a` moves from `steady` to `flappy` by "someone-else" after 5 s.
    static func overview(started: Date, restarting: Switch) throws -> String {
        let now = Date()
        let pid = restarting.on ? Int(now.timeIntervalSince1970) % 100_000 : 7
        let nodes = [
            Node(name: "steady", role: .worker, status: .online, lastHeartbeatAt: now, startedAt: started, version: "1.0", pid: 1),
            Node(name: "flappy", role: .worker, status: .online, lastHeartbeatAt: now, startedAt: now.addingTimeInterval(-0.5),
                 version: "1.0", pid: pid),
        ]
        let moved = now.timeIntervalSince(started) > 5
        let row = Assignment(entityType: .agent, entityId: "t:a", nodeName: moved ? "flappy" : "steady", mode: .strict,
                             updatedBy: moved ? "someone-else" : "admin", updatedAt: moved ? started.addingTimeInterval(5) : started)
        let overview = Overview(thisNodeName: "steady", defaultNodeName: "steady", nodes: nodes, assignments: [row])
        return String(decoding: try JSONEncoder().encode(overview), as: UTF8.self)
    }

    @Test func restartsFlappingAndChangesSurviveARestart() async throws {
        let started = Date()
        let restarting = Switch()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-hist-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        try await TestHTTPServer.with(responder: { request in
            switch request.uri.path {
            case "/api/cluster/overview": FaultServer.json(.ok, (try? Self.overview(started: started, restarting: restarting)) ?? "")
            case "/api/cluster/instances": FaultServer.json(.ok, #"{"instances":[]}"#)
            default: FaultServer.json(.notFound, #"{"error":"Not found"}"#)
            }
        }) { url in
            let environment = ["XDG_STATE_HOME": state]
            let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path,
                           "--url", url.absoluteString, "--interval", "1"]
            let first = try TmuxSession(name: DashboardE2ETests.name("hist1"), width: 160, height: 40, command: command,
                                        environment: environment)
            defer { first.kill() }
            try await offPool { _ = try first.waitUntil(timeout: 30) { Self.row("flappy", in: $0)?.contains("flapping") == true } }
            // Only the flapping node answers `is:flapping`.
            first.sendKeys("1", "/", "is:flapping", "Enter")
            let filtered = try await offPool { try first.waitFor("match /is:flapping", timeout: 10) }
            #expect(Self.row("flappy", in: filtered) != nil && Self.row("steady", in: filtered) == nil, "\(filtered)")
            // Who changed what: the move made by someone else.
            first.sendKeys("C")
            let changes = try await offPool { try first.waitUntil(timeout: 15) { $0.contains("someone-else") } }
            #expect(changes.contains("agent:t:a"), "\(changes)")
            first.sendKeys("Escape", "q")
            try await offPool { try first.waitFor("EXITED:0", timeout: 10) }
            restarting.on = false

            let history = try await offPool {
                try CLIChild.run(["history", "flappy", "--url", url.absoluteString, "-o", "json"], environment: environment)
            }
            #expect(history.status == 0, "\(history.stderr)")
            let restarts = history.stdout.components(separatedBy: "\"restart\"").count - 1
            #expect(restarts >= 3, "\(history.stdout)")
            let recorded = try await offPool {
                try CLIChild.run(["changes", "--url", url.absoluteString, "--by", "someone"], environment: environment)
            }
            #expect(recorded.status == 0 && recorded.stdout.contains("someone-else") && recorded.stdout.contains("agent:t:a"),
                    "\(recorded.stdout)\(recorded.stderr)")

            // Started again, flappy no longer restarts: its restarts can only come from the store.
            let second = try TmuxSession(name: DashboardE2ETests.name("hist2"), width: 160, height: 40, command: command,
                                         environment: environment)
            defer { second.kill() }
            let again = try await offPool {
                try second.waitUntil(timeout: 20) { Self.row("flappy", in: $0)?.contains("flapping") == true }
            }
            #expect(Self.row("steady", in: again)?.contains("flapping") == false, "\(again)")
            // Looking back: the banner, and write keys that do nothing there.
            second.sendKeys("[")
            try await offPool { _ = try second.waitFor("AS OF", timeout: 10) }
            second.sendKeys("x", "y", "Enter")
            let back = try await offPool { try second.waitUntil(timeout: 10) { $0.contains("STATE THEN") && $0.contains("flappy") } }
            #expect(back.contains("not live") && !back.contains("Reset") && !back.contains("Rebind"), "\(back)")
            second.sendKeys("Escape")
            try await offPool { _ = try second.waitUntil(timeout: 10) { !$0.contains("AS OF") && $0.contains("HISTORY") } }
            second.sendKeys("q")
            try await offPool { try second.waitFor("EXITED:0", timeout: 10) }
        }
    }

    /// The node table's row for `name`.
    static func row(_ name: String, in screen: String) -> Substring? {
        screen.split(separator: "\n").first { $0.dropFirst(2).hasPrefix(name + " ") }
    }
}
