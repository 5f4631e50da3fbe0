import ClusterTestSupport
import Foundation
import Testing

/// Issue 20's smaller truths, through the real binary: a login whose reply
/// sets no token is a login failure that saved nothing, and `doctor` names
/// node clocks that disagree with the answering node's `Date`.
@Suite(.blocking) struct LoginAndClockE2ETests {
    /// Issue 20: a login whose Set-Cookie was unusable was worded as a write of unknown outcome.
    @Test func aLoginWithoutATokenCookieIsALoginFailureThatSavesNothing() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-login-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tokenFile = dir.appendingPathComponent("token").path
        try await FaultServer.with(.normal) { url, _ in
            let command = "printf 'no-cookie\\n' | \"$1\" login --url \"$2\" --email op@example.com --token-file \"$3\""
            let result = try await offPool {
                try ChildProcess.run("/bin/sh", ["-c", command, "sh", TestBinary.clustertui.path, url.absoluteString, tokenFile],
                                     environment: ["PATH": "/usr/bin:/bin", "HOME": dir.path, "XDG_CONFIG_HOME": dir.path])
            }
            #expect(result.status != 0)
            #expect(result.stderr.contains("login failed") && result.stderr.contains("nothing was saved"), "\(result.stderr)")
            #expect(!result.stderr.contains("unknown"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: tokenFile))
        }
    }

    /// Issue 20: a heartbeat an hour ahead of the server's Date passed `doctor` as a good clock.
    @Test func doctorNamesANodeClockAheadOfTheServer() async throws {
        try await FaultServer.with(.heartbeatInFuture) { url, _ in
            let result = try await offPool {
                try CLIChild.run(["doctor", "--url", url.absoluteString], environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
            }
            let line = result.stdout.split(separator: "\n").first { $0.contains("node clocks") }.map(String.init) ?? ""
            #expect(line.hasPrefix("warn"), "\(result.stdout)")
            #expect(line.contains("node-c") && line.contains("ahead of the server's Date"), "\(line)")
        }
    }
}
