import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 23: a write to a `protected` context from the command line is sent
/// only with `--confirm-context NAME` (or the name typed on a terminal);
/// `--yes` alone is refused before anything is sent.
@Suite(.blocking, .serialized) struct ProtectedCLIE2ETests {
    /// A served demo core as the context `prod`, `protected = true`, in a config of its own.
    static func withProtectedProd(_ body: (ServeProcess, [String: String]) async throws -> Void) async throws {
        let serve = try ServeProcess()
        defer { serve.stop() }
        let home = try ConfigHome([.init("prod", url: serve.url.absoluteString, token: serve.token, extra: ["protected = true"])])
        defer { home.remove() }
        try await body(serve, home.environment)
    }

    /// Issue 23: `--yes` alone does not write to a protected context; its name does.
    @Test func aProtectedContextNeedsItsName() async throws {
        try await Self.withProtectedProd { serve, env in
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

    /// A plan script for a protected context stopped at its first line when run without a terminal (no --confirm-context).
    @Test func aPlanScriptForAProtectedContextRuns() async throws {
        try await Self.withProtectedProd { serve, env in
            let planned = try await offPool {
                try CLIChild.run(["plan", "evacuate", "worker-01", "--context", "prod", "--spread", "-o", "script"], token: nil, environment: env)
            }
            #expect(planned.status == 0, "\(planned.stderr)")
            #expect(planned.stdout.contains("# prod is protected"), "\(planned.stdout)")
            let moves = planned.stdout.split(separator: "\n").filter { $0.hasPrefix("clustertui assign") }
            #expect(!moves.isEmpty && moves.allSatisfy { $0.contains("--confirm-context prod") }, "\(planned.stdout)")
            let script = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-plan-\(UUID().uuidString).sh").path
            defer { unlink(script) }
            try planned.stdout.write(toFile: script, atomically: true, encoding: .utf8)
            let binaries = URL(fileURLWithPath: TestBinary.clustertui.path).deletingLastPathComponent().path
            var shell = env
            shell["PATH"] = binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            shell["HOME"] = FileManager.default.temporaryDirectory.path
            let shellEnvironment = shell
            let ran = try await offPool { try ChildProcess.run("/bin/sh", [script], environment: shellEnvironment) }
            #expect(ran.status == 0, "\(ran.stderr)")
            let after = try await serve.withClient { try await $0.reader.overview() }
            #expect(!after.assignments.contains { $0.nodeName == "worker-01" }, "every move was sent: \(after.assignments.map(\.nodeName))")
        }
    }
}
