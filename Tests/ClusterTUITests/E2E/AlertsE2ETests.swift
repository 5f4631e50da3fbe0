import ClusterTestSupport
import Foundation
import Testing

/// Issue 21, through the real binary in tmux and a real hook program: a
/// node that stops heartbeating reaches the hook once, naming it, and its
/// return once as a resolve; a killed server is one connection alert and
/// no node alert; a node name full of escapes reaches the hook as valid,
/// inert JSON.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct AlertsE2ETests {
    /// A directory with a hook script that appends `ARGS …` and then its stdin to `hook.out`.
    static func hookDirectory() throws -> (dir: URL, hook: String, out: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-alerts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("hook.out")
        let hook = dir.appendingPathComponent("hook.sh")
        try "#!/bin/sh\n{ echo \"ARGS $*\"; cat; } >> '\(out.path)'\n".write(to: hook, atomically: true, encoding: .utf8)
        chmod(hook.path, 0o755)
        return (dir, hook.path, out)
    }

    /// The hook's runs so far: each `ARGS` line and the JSON object after it.
    static func runs(_ out: URL) -> [(args: String, json: String)] {
        let lines = ((try? String(contentsOf: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        return stride(from: 0, to: lines.count - 1, by: 2).compactMap { i in
            lines[i].hasPrefix("ARGS ") ? (String(lines[i].dropFirst(5)), lines[i + 1]) : nil
        }
    }

    /// Waits (bounded) until the hook has run `predicate`-many times.
    static func waitForRuns(_ out: URL, timeout: Double, _ predicate: ([(args: String, json: String)]) -> Bool) throws
        -> [(args: String, json: String)] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let seen = runs(out)
            if predicate(seen) { return seen }
            usleep(100_000)
        }
        throw TmuxError(description: "timed out waiting for hook runs; seen: \(runs(out).map(\.args))")
    }

    /// Guards: nobody learned of a dead node unless they were looking (issue 21).
    @Test func aDeadNodeReachesTheHookOnceAndItsReturnOnce() throws {
        let (dir, hook, out) = try Self.hookDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cluster = try FastCluster(prefix: "alerts")
        defer { cluster.stop() }
        let survivor = cluster.survivor, victim = cluster.victim
        let session = try TmuxSession(
            name: "e2e-alerts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", width: 120, height: 40,
            command: [TestBinary.clustertui.path, "--url", survivor.url.absoluteString, "--offline-after", "40", "--on-alert", hook],
            environment: ["CLUSTERTUI_TOKEN": survivor.token, "HOME": dir.path])
        defer { session.kill() }
        try session.waitFor("victim ", timeout: 20)
        // Let it learn the 2 s period: the details say so.
        session.sendKeys("1", "j", "i")
        _ = try session.waitUntil(timeout: 20) { $0.contains("every 2 s") && $0.contains("(learned)") }
        session.sendKeys("Escape")
        let before = Self.runs(out).count

        victim.kill(signal: SIGKILL)
        let killedAt = Date()
        let fired = try Self.waitForRuns(out, timeout: 20) { $0.count > before }
        let took = Date().timeIntervalSince(killedAt)
        #expect(fired.count == before + 1, "\(fired.map(\.args))")
        #expect(fired.last?.args == "warning node victim", "\(fired.map(\.args))")
        #expect(took < 8, "the hook ran \(took) s after the kill")
        let object = try JSONSerialization.jsonObject(with: Data((fired.last?.json ?? "").utf8)) as? [String: Any]
        #expect(object?["subject"] as? String == "victim" && object?["state"] as? String == "fired")
        try session.waitFor("1 warning", timeout: 5)

        let back = try cluster.node("victim")
        defer { back.kill(signal: SIGKILL) }
        let resolved = try Self.waitForRuns(out, timeout: 20) { $0.contains { $0.json.contains(#""state":"resolved""#) } }
        #expect(resolved.filter { $0.args.hasSuffix("node victim") }.count == 2, "one alert, one resolve: \(resolved.map(\.args))")

        // The server dies: one connection alert, and no node alert however long the data stays stale.
        survivor.kill(signal: SIGKILL)
        let lost = try Self.waitForRuns(out, timeout: 30) { $0.contains { $0.args.hasPrefix("critical connection") } }
        // Stale for 20 s or more (`STALE 2Ns`): long past every node's deadline.
        try session.waitUntil(timeout: 40) { $0.range(of: #"STALE [2-9][0-9]s"#, options: .regularExpression) != nil }
        let after = Self.runs(out)
        #expect(after.count == lost.count, "nothing more while stale: \(after.map(\.args))")
        #expect(after.filter { $0.args.hasPrefix("critical connection") }.count == 1)
    }

    /// A node name full of escape sequences reaches the hook as valid JSON with no raw control in it.
    @Test func hostileNamesReachTheHookAsInertJSON() async throws {
        let (dir, hook, out) = try Self.hookDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await FaultServer.with(.escapesEverywhere) { url, _ in
            let session = try TmuxSession(
                name: "e2e-alert-esc-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", width: 120, height: 40,
                command: [TestBinary.clustertui.path, "--url", url.absoluteString, "--on-alert", hook],
                environment: ["CLUSTERTUI_TOKEN": "t0ken", "HOME": dir.path])
            defer { session.kill() }
            let seen = try await offPool { try Self.waitForRuns(out, timeout: 20) { !$0.isEmpty } }
            let bytes = try Data(contentsOf: out)
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "no raw ESC or BEL reached the hook")
            #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E })
            for run in seen {
                #expect((try? JSONSerialization.jsonObject(with: Data(run.json.utf8))) != nil, "not JSON: \(run.json)")
            }
        }
    }

    /// Guards: a restarted dashboard paged again for an alert the operator had acknowledged (issue 21).
    @Test func anAcknowledgedAlertStaysQuietAfterARestart() throws {
        let (dir, hook, out) = try Self.hookDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func start(_ n: Int) throws -> TmuxSession {
            try TmuxSession(
                name: "e2e-ack-\(n)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", width: 120, height: 40,
                command: [TestBinary.clustertui.path, "--on-alert", hook],
                environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.appendingPathComponent("state").path])
        }
        // The demo has instances at risk from the start: one page, after its 15 s hold.
        let alert = "warning instances-at-risk embedded demo"
        let first = try start(1)
        let paged = try Self.waitForRuns(out, timeout: 30) { $0.contains { $0.args == alert } }
        try first.waitFor("1 warning", timeout: 10)
        try first.press("A", until: "FIRING", timeout: 10)
        try first.press("a", until: "embedded demo: acknowledged", timeout: 10)
        first.sendKeys("Escape", "q")
        let deadline = Date().addingTimeInterval(10)
        while first.isAlive && Date() < deadline { usleep(100_000) }
        #expect(!first.isAlive, "q quit")
        first.kill()

        let second = try start(2)
        defer { second.kill() }
        try second.waitFor("(acknowledged or snoozed: not paged)", timeout: 30)
        let header = second.capture().split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("warning"), "the header counts no loud alert: \(header)")
        try second.press("A", until: "acknowledged", timeout: 10)
        let runs = Self.runs(out).filter { $0.args == alert }
        #expect(runs.count == paged.filter { $0.args == alert }.count, "not paged again: \(Self.runs(out).map(\.args))")
    }
}
