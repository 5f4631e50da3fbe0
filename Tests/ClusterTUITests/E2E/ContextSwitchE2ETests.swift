import ClusterTestSupport
import Foundation
import Testing

/// Issue 11 in a real terminal: two real `serve` processes with different
/// node names, a config file with a context for each; `c` switches the
/// running dashboard from one to the other.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ContextSwitchE2ETests {
    @Test func cSwitchesBetweenTwoServers() async throws {
        let alpha = try ServeProcess(extraArguments: ["--node-name", "alpha-core"])
        defer { alpha.stop() }
        let beta = try ServeProcess(extraArguments: ["--node-name", "beta-core"])
        defer { beta.stop() }
        let home = try ConfigHome([.init("alpha", url: alpha.url.absoluteString, token: alpha.token),
                                   .init("beta", url: beta.url.absoluteString, token: beta.token)])
        defer { home.remove() }
        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path, "--context", "alpha"]
        let session = try TmuxSession(name: DashboardE2ETests.name("ctx"), width: 120, height: 40, command: command,
                                      environment: home.environment)
        defer { session.kill() }
        // Off the concurrency pool, like every long tmux wait.
        let switched = try await offPool { () -> String in
            try session.waitUntil(timeout: 20) { $0.contains("this ★alpha-core") }
            try session.press("c", until: "Switch context", timeout: 10)
            session.sendKeys("Down", "Enter")
            return try session.waitUntil(timeout: 20) { $0.contains("this ★beta-core") && $0.contains("● live") }
        }
        #expect(switched.split(separator: "\n").first?.contains("beta") == true, "the header names the new context")
        #expect(!switched.contains("alpha-core"), "the old cluster's data is gone")
        session.sendKeys("q")
        try await offPool { try session.waitFor("EXITED:0", timeout: 10) }
    }
}
