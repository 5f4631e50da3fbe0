import ClusterTestSupport
import Foundation
import Testing

/// The dashboard and `watch` say a bad target as every command does: one
/// `clustertui: …` line and exit 64. They printed ArgumentParser's
/// `Error: …` and exited 1 (a second new user's run).
@Suite(.blocking, .serialized) struct ConnectionErrorsE2ETests {
    /// `--context` with another server's `--url`, and an unknown context, from the dashboard, `watch` and `get`.
    @Test func aBadTargetIsOneLineAndExit64Everywhere() async throws {
        let home = try ConfigHome([.init("alpha", url: "http://127.0.0.1:9", token: "t")])
        defer { home.remove() }
        var env = home.environment
        env["TERM"] = "xterm-256color"  // the dashboard checks the terminal first
        let environment = env
        let cases: [[String]] = [
            ["--context", "alpha", "--url", "http://127.0.0.1:8"],
            ["watch", "--context", "alpha", "--url", "http://127.0.0.1:8"],
            ["get", "nodes", "--context", "alpha", "--url", "http://127.0.0.1:8"],
            ["--context", "nosuch"],
            ["watch", "--context", "nosuch"],
        ]
        for args in cases {
            let run = try await offPool { try CLIChild.run(args, token: nil, environment: environment) }
            #expect(run.status == 64, "\(args): \(run.status) \(run.stderr)")
            #expect(run.stderr.hasPrefix("clustertui: ") && !run.stderr.contains("Error:"), "\(args): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(args): \(run.stderr)")
        }
    }
}
