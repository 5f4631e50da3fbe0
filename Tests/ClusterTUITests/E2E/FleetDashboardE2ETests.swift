import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 23 in a real terminal: `--fleet` with four contexts — healthy,
/// unreachable, answering HTML 502, and one whose node has died — shows
/// each state truthfully at once; `Enter` on the fourth opens its dashboard
/// with the dead node at the top; `n` lists every cluster's nodes and `ctx:` narrows them.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct FleetDashboardE2ETests {
    @Test func fourContextsAtOnceThenIntoTheOneWithADeadNode() async throws {
        try await FleetCLIE2ETests.withFourContexts { config in
            let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path,
                           "--context", "alpha", "--fleet"]
            let session = try TmuxSession(name: DashboardE2ETests.name("fleet"), width: 120, height: 40, command: command,
                                          environment: config.environment)
            defer { session.kill() }
            let fleet = try await offPool {
                try session.waitUntil(timeout: 25) { screen in
                    let lines = screen.split(separator: "\n")
                    func row(_ name: String) -> Substring? { lines.first { $0.dropFirst(2).hasPrefix(name) } }
                    return row("alpha")?.contains("live") == true && row("⚑ beta")?.contains("unreachable") == true
                        && row("gamma")?.contains("malformed reply") == true && row("delta")?.contains("live") == true
                }
            }
            let delta = try #require(fleet.split(separator: "\n").first { $0.dropFirst(2).hasPrefix("delta") })
            #expect(delta.contains("≥1"), "the strict binding to the dead node is at risk: \(delta)")
            // Beta is `protected = true` in the config file: its row says so before it is opened.
            #expect(fleet.split(separator: "\n").contains { $0.dropFirst(2).hasPrefix("⚑ beta") }, "\(fleet)")
            // Down to delta (alpha, beta, delta, gamma), Enter: its dashboard, the dead node first.
            session.sendKeys("Down", "Down", "Enter")
            let opened = try await offPool {
                try session.waitUntil(timeout: 20) { $0.contains("this ★d-alive") && $0.contains("sort: problems first") }
            }
            let lines = opened.split(separator: "\n")
            let header = try #require(lines.firstIndex { $0.contains("NAME") && $0.contains("HEARTBEAT") })
            #expect(lines[header + 1].contains("d-dead"), "\(lines.prefix(header + 3))")
            session.sendKeys("F")
            try await offPool { _ = try session.waitUntil(timeout: 10) { $0.contains("Fleet: 4 contexts") } }
            // Every cluster's problems: delta's dead node, most severe first, with its context.
            session.sendKeys("P")
            let problems = try await offPool {
                try session.waitUntil(timeout: 10) { $0.contains("Problems:") && $0.contains("d-dead") }
            }
            #expect(problems.split(separator: "\n").contains { $0.contains("delta") && $0.contains("d-dead") && $0.contains("node") }, "\(problems)")
            // Every cluster's nodes in one table; `ctx:` keeps delta's.
            session.sendKeys("Escape", "n")
            let merged = try await offPool {
                try session.waitUntil(timeout: 10) { $0.contains("Every node") && $0.contains("d-dead") && $0.contains("alpha-core") }
            }
            #expect(merged.contains("none from:") && merged.contains("beta (unreachable)"), "\(merged)")
            session.sendKeys("/", "ctx:delta", "Enter")
            let onlyDelta = try await offPool { try session.waitUntil(timeout: 10) { $0.contains("Every node 2 in 1 cluster match /ctx:delta") } }
            #expect(!onlyDelta.contains("alpha-core"), "\(onlyDelta)")
            session.sendKeys("Escape", "Escape", "Escape", "q")
            try await offPool { try session.waitFor("EXITED:0", timeout: 10) }
        }
    }
}
