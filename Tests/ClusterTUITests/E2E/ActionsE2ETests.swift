import ClusterModel
import ClusterTestSupport
import Foundation
import Testing

/// Issue 24 in a real terminal: a node whose name is full of shell syntax,
/// quotes, spaces and an escape sequence is found by a fuzzy fragment in
/// the `:` palette; a custom action bound to a key receives exactly its
/// name and hostname as separate arguments and nothing else runs; a key
/// rebound in `[keys]` works; a clashing one stops the dashboard with its line.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ActionsE2ETests {
    static func hostileName(_ dir: String) -> String { "$(touch \(dir)/pwned) \"q\" 'x' a\u{1B}[31mred" }

    static func overview(_ dir: String) throws -> String {
        let now = Date()
        let nodes = [
            Node(name: "steady", role: .worker, status: .online, lastHeartbeatAt: now, startedAt: now.addingTimeInterval(-600),
                 version: "1.0", hostname: "steady.internal", pid: 1),
            Node(name: hostileName(dir), role: .worker, status: .online, lastHeartbeatAt: now, startedAt: now.addingTimeInterval(-600),
                 version: "1.0", hostname: "odd-host.internal", pid: 2),
        ]
        let overview = Overview(thisNodeName: "steady", defaultNodeName: "steady", nodes: nodes, assignments: [])
        return String(decoding: try JSONEncoder().encode(overview), as: UTF8.self)
    }

    /// A config home whose config.toml is `text`; the recorder script writes its arguments NUL-separated to `dir/args`.
    static func configHome(_ dir: String, _ text: String) throws -> [String: String] {
        try FileManager.default.createDirectory(atPath: dir + "/clustertui", withIntermediateDirectories: true)
        try text.write(toFile: dir + "/clustertui/config.toml", atomically: true, encoding: .utf8)
        try "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"\(dir)/args\"\n".write(toFile: dir + "/record.sh", atomically: true, encoding: .utf8)
        return ["XDG_CONFIG_HOME": dir, "XDG_STATE_HOME": dir]
    }

    @Test func actionGetsExactFieldsAndReboundKeyWorks() async throws {
        let dir = NSTemporaryDirectory() + "ctui-act-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let environment = try Self.configHome(dir, """
            [keys]
            help = "H"

            [actions.record]
            key = "K"
            scope = "node"
            argv = ["/bin/sh", "\(dir)/record.sh", "{name}", "{hostname}"]
            description = "write the node's name and host"
            """)
        let body = try Self.overview(dir)
        try await TestHTTPServer.with(responder: { request in
            switch request.uri.path {
            case "/api/cluster/overview": FaultServer.json(.ok, body)
            case "/api/cluster/instances": FaultServer.json(.ok, #"{"instances":[]}"#)
            default: FaultServer.json(.notFound, #"{"error":"Not found"}"#)
            }
        }) { url in
            let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path,
                           "--url", url.absoluteString, "--no-history"]
            let tmux = try TmuxSession(name: DashboardE2ETests.name("act"), width: 120, height: 30, command: command, environment: environment)
            defer { tmux.kill() }
            try await offPool { _ = try tmux.waitFor("odd-host.internal", timeout: 30) }
            // The palette finds the node by a fuzzy fragment of its name, and Enter selects it.
            tmux.sendKeys(":", "tch q")
            let palette = try await offPool { try tmux.waitFor(": tch q▏", timeout: 10) }
            #expect(palette.contains("▶ node   $(touch"), "\(palette)")
            tmux.sendKeys("Enter", "K")
            let done = try await offPool { try tmux.waitUntil(timeout: 15) { $0.contains("record on node") && $0.contains("exit 0") } }
            let args = try Data(contentsOf: URL(fileURLWithPath: dir + "/args"))
            #expect(args == Data((Self.hostileName(dir) + "\0odd-host.internal\0").utf8), "\(done)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/pwned"), "the name was executed")
            // The rebound key opens help; its old key no longer does.
            tmux.sendKeys("?")
            let unchanged = try await offPool { try tmux.waitFor("record on node", timeout: 5) }
            #expect(!unchanged.contains("Help · clustertui"))
            tmux.sendKeys("H")
            try await offPool { _ = try tmux.waitFor("Help · clustertui", timeout: 10) }
            tmux.sendKeys("Escape", "q")
            try await offPool { _ = try tmux.waitFor("EXITED:0", timeout: 10) }
        }
    }

    /// A key given to two actions: the dashboard does not start, and says which line.
    @Test func clashingKeyIsRefusedWithItsLine() async throws {
        let dir = NSTemporaryDirectory() + "ctui-act-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let environment = try Self.configHome(dir, "[keys]\nrefresh = \"F5\"\nrebind = \"q\"\n")
        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path]
        let tmux = try TmuxSession(name: DashboardE2ETests.name("actclash"), width: 120, height: 30, command: command, environment: environment)
        defer { tmux.kill() }
        let screen = try await offPool { try tmux.waitFor("EXITED:64", timeout: 20) }
        let joined = screen.replacingOccurrences(of: "\n", with: "")
        #expect(joined.contains("config.toml:3: q for rebind is already bound to quit"), "\(screen)")
    }

    /// A foreground program that stops itself (Ctrl-Z in it) once left the dashboard waiting for ever on a stopped child.
    @Test func foregroundProgramThatStopsIsResumed() async throws {
        let dir = NSTemporaryDirectory() + "ctui-act-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let environment = try Self.configHome(dir, """
            [actions.stopper]
            key = "K"
            scope = "node"
            argv = ["/bin/sh", "-c", "kill -TSTP $$; echo resumed > \(dir)/resumed"]
            mode = "foreground"
            """)
        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path, "--no-history"]
        let tmux = try TmuxSession(name: DashboardE2ETests.name("actstop"), width: 120, height: 30, command: command, environment: environment)
        defer { tmux.kill() }
        try await offPool { _ = try tmux.waitFor("Instances 150", timeout: 30) }
        tmux.sendKeys("1", "K")
        let back = try await offPool { try tmux.waitUntil(timeout: 20) { $0.contains("stopper on node") && $0.contains("exit 0") } }
        #expect(FileManager.default.fileExists(atPath: dir + "/resumed"), "\(back)")
        tmux.sendKeys("q")
        try await offPool { _ = try tmux.waitFor("EXITED:0", timeout: 10) }
    }
}
