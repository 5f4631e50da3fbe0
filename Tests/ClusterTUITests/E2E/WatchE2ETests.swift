import ClusterTestSupport
import Foundation
import Testing

/// Issue 21: `clustertui watch`, the real binary with no terminal, on a
/// context of the config file: prints a dead node's alert once as a JSON
/// line and its return once as a resolve, runs the hook the config file's
/// `[alerts]` names, and ends with exit 0 on SIGTERM.
@Suite(.blocking, .serialized)
struct WatchE2ETests {
    /// The lines `watch` has printed so far, each parsed as a JSON object.
    static func objects(_ out: URL) -> [[String: Any]] {
        let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Waits (bounded) until `predicate` holds for the printed objects.
    static func waitFor(_ out: URL, timeout: Double, _ predicate: ([[String: Any]]) -> Bool) throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let seen = objects(out)
            if predicate(seen) { return seen }
            usleep(100_000)
        }
        throw TmuxError(description: "timed out; watch printed: \((try? String(contentsOf: out, encoding: .utf8)) ?? "")")
    }

    /// Guards: alerts existed only while a dashboard was open in a terminal (issue 21).
    @Test func aDeadNodeIsOneLineItsReturnAnotherAndSIGTERMEndsCleanly() throws {
        let cluster = try FastCluster(prefix: "watch")
        defer { cluster.stop() }
        let out = cluster.dir.appendingPathComponent("watch.out"), err = cluster.dir.appendingPathComponent("watch.err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        // The hook comes from the config file's [alerts] table, with an argument of its own.
        let (hookDir, hook, hookOut) = try AlertsE2ETests.hookDirectory()
        defer { try? FileManager.default.removeItem(at: hookDir) }
        let configDir = cluster.dir.appendingPathComponent("config/clustertui")
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
        try """
            [contexts.fast]
            url = "\(cluster.survivor.url.absoluteString)"
            token-file = "\(cluster.dir.appendingPathComponent("token").path)"

            [alerts]
            on-alert = ["\(hook)", "--from-config"]
            """.write(to: configDir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: TestBinary.clustertui.path)
        watch.arguments = ["watch", "--context", "fast", "--offline-after", "40", "-o", "json"]
        watch.environment = ["HOME": cluster.dir.path, "XDG_CONFIG_HOME": cluster.dir.appendingPathComponent("config").path,
                             "PATH": "/usr/bin:/bin"]
        watch.standardOutput = try FileHandle(forWritingTo: out)
        watch.standardError = try FileHandle(forWritingTo: err)
        watch.standardInput = FileHandle.nullDevice
        try watch.run()
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL) } }

        cluster.victim.kill(signal: SIGKILL)
        let fired = try Self.waitFor(out, timeout: 30) { $0.contains { $0["subject"] as? String == "victim" } }
        let alert = try #require(fired.first { $0["subject"] as? String == "victim" })
        #expect(alert["kind"] as? String == "node" && alert["state"] as? String == "fired", "\(alert)")
        #expect(alert["at"] is String && alert["cluster"] as? String == "fast" && alert["context"] as? String == "fast")
        let runs = try AlertsE2ETests.waitForRuns(hookOut, timeout: 10) { !$0.isEmpty }
        #expect(runs.first?.args == "--from-config warning node victim", "\(runs.map(\.args))")

        let back = try cluster.node("victim")
        defer { back.kill(signal: SIGKILL) }
        let resolved = try Self.waitFor(out, timeout: 20) { $0.contains { $0["state"] as? String == "resolved" } }
        #expect(resolved.filter { $0["subject"] as? String == "victim" }.count == 2, "one alert, one resolve: \(resolved)")

        kill(watch.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while watch.isRunning, Date() < deadline { usleep(50_000) }
        #expect(!watch.isRunning, "SIGTERM ends watch")
        if !watch.isRunning { #expect(watch.terminationStatus == 0 && watch.terminationReason == .exit) }
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        #expect(stderr.hasPrefix("clustertui: watching "), "\(stderr)")
    }
}
