import ClusterTestSupport
import Foundation
import Testing

/// Issue 13, a handful of the fault matrix against the real dashboard in a
/// real terminal: a malformed reply is an error on screen, never an empty
/// cluster; controls from the server arrive inert.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct FaultDashboardE2ETests {
    func dashboard(_ url: URL, _ base: String) throws -> TmuxSession {
        try TmuxSession(name: DashboardE2ETests.name(base), width: 120, height: 40,
                        command: [TestBinary.clustertui.path, "--url", url.absoluteString, "--timeout", "10"],
                        environment: ["CLUSTERTUI_TOKEN": "t0ken", "XDG_CONFIG_HOME": "/nonexistent-clustertui-test"])
    }

    /// Issue 13: `nodes: null` showed `● live`, "Nodes 0" and every instance at risk.
    @Test(arguments: [(Fault.nullArrays, "malformed reply: GET"), (.proxyHTML, "non-JSON reply (HTTP 502)"),
                      (.deepNesting, "malformed reply: GET")])
    func aBadReplyIsAnErrorNotAnEmptyCluster(_ fault: Fault, _ says: String) async throws {
        try await FaultServer.with(fault) { url, _ in
            let session = try dashboard(url, "fault")
            defer { session.kill() }
            // Waits for the fault's own words: on a loaded machine a first
            // attempt may time out before the in-process server answers.
            let screen = try await offPool { try session.waitUntil(timeout: 30) { $0.contains(says) } }
            #expect(screen.contains("retrying in"))
            #expect(!screen.contains("● live"), "\(fault):\n\(screen)")
            #expect(!screen.contains("Nodes 0"))
        }
    }

    /// Escapes in every string field are drawn visibly and never reach the terminal raw.
    @Test func escapesFromTheServerAreInert() async throws {
        try await FaultServer.with(.escapesEverywhere) { url, _ in
            let session = try dashboard(url, "esc")
            defer { session.kill() }
            let screen = try await offPool { try session.waitUntil(timeout: 20) { $0.contains("● live") } }
            #expect(screen.contains("␛]0;PWNED"), "the controls are shown as pictures:\n\(screen)")
            #expect(!screen.contains("\u{1B}"))
        }
    }
}
