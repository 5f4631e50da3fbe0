import ClusterTestSupport
import Foundation
import Testing

/// The dashboard and `watch` say a bad target as every command does: one
/// `clustertui: …` line and exit 64. They printed ArgumentParser's
/// `Error: …` and exited 1 (a second new user's run).
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ConnectionErrorsE2ETests {
    static let cases: [(args: [String], says: String)] = [
        (["--context", "alpha", "--url", "http://127.0.0.1:8"], "is not context alpha's url"),
        (["--context", "nosuch"], "no context \"nosuch\""),
    ]

    /// `watch` and `get` with `--context` and another server's `--url`, or an unknown context, said `Error: …` and exited 1.
    @Test func aBadTargetIsOneLineAndExit64FromTheCommands() async throws {
        let home = try ConfigHome([.init("alpha", url: "http://127.0.0.1:9", token: "t")])
        defer { home.remove() }
        let environment = home.environment
        for (args, says) in Self.cases {
            for command in [["watch"], ["get", "nodes"]] {
                let run = try await offPool { try CLIChild.run(command + args, token: nil, environment: environment) }
                #expect(run.status == 64, "\(command + args): \(run.status) \(run.stderr)")
                #expect(run.stderr.hasPrefix("clustertui: ") && run.stderr.contains(says), "\(command + args): \(run.stderr)")
                #expect(run.stderr.split(separator: "\n").count == 1, "\(command + args): \(run.stderr)")
            }
        }
    }

    /// The dashboard, in a real terminal (without one it stops at the terminal check): the same line and exit 64.
    @Test func aBadTargetIsOneLineAndExit64FromTheDashboard() async throws {
        let home = try ConfigHome([.init("alpha", url: "http://127.0.0.1:9", token: "t")])
        defer { home.remove() }
        for (args, says) in Self.cases {
            let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path] + args
            let session = try TmuxSession(name: DashboardE2ETests.name("badtarget"), width: 200, height: 10, command: command,
                                          environment: home.environment)
            defer { session.kill() }
            let screen = try await offPool { try session.waitFor("EXITED:", timeout: 20) }
            #expect(screen.contains("EXITED:64"), "\(args): \(screen)")
            #expect(screen.contains("clustertui: ") && screen.contains(says) && !screen.contains("Error:"), "\(args): \(screen)")
        }
    }
}
