import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 23: a write to a `protected` context from the command line is sent
/// only with `--confirm-context NAME` (or the name typed on a terminal);
/// `--yes` alone is refused before anything is sent.
@Suite(.blocking, .serialized) struct ProtectedCLIE2ETests {
    /// Issue 23: `--yes` alone does not write to a protected context; its name does.
    @Test func aProtectedContextNeedsItsName() async throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-protected-\(UUID().uuidString)")
        let dir = home.appendingPathComponent("clustertui")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let tokenFile = dir.appendingPathComponent("prod.token").path
        try serve.token.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        try """
            [contexts.prod]
            url = "\(serve.url.absoluteString)"
            token-file = "\(tokenFile)"
            protected = true
            """.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": home.path, "XDG_STATE_HOME": home.path]
        let assign = ["assign", "agent", "t1:x", "--node", "core-main-1", "--context", "prod", "--yes"]
        let refused = try await offPool { try CLIChild.run(assign, token: nil, environment: env) }
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("prod is protected: pass --confirm-context prod"))
        let wrong = try await offPool { try CLIChild.run(assign + ["--confirm-context", "staging"], token: nil, environment: env) }
        #expect(wrong.status == 64)
        let before = try await serve.withClient { try await $0.reader.overview() }
        #expect(!before.assignments.contains { $0.entityId == "t1:x" }, "nothing was sent")
        let sent = try await offPool { try CLIChild.run(assign + ["--confirm-context", "prod"], token: nil, environment: env) }
        #expect(sent.status == 0, "\(sent.stderr)")
        let after = try await serve.withClient { try await $0.reader.overview() }
        #expect(after.assignments.contains { $0.entityId == "t1:x" && $0.nodeName == "core-main-1" })
    }
}
