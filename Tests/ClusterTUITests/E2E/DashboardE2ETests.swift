import ClusterTestSupport
import ClusterClient
import ClusterModel
import Foundation
import Testing

/// The real `clustertui` binary in a real terminal (tmux) against a real
/// `clustertui serve --demo`: what an operator sees and does, end to end.
/// Each test owns its server, its tmux session and waits on screen states
/// with time-outs, never on bare sleeps.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct DashboardE2ETests {
    static func name(_ base: String) -> String { "e2e-\(base)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" }

    func dashboard(_ serve: ServeProcess, _ base: String, width: Int = 120, height: Int = 40,
                   extra: [String] = []) throws -> TmuxSession {
        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\{0,1\\}icanon'; sleep 60",
                       TestBinary.clustertui.path, "--url", serve.url.absoluteString, "--instances-interval", "5"] + extra
        return try TmuxSession(name: Self.name(base), width: width, height: height, command: command,
                               environment: ["CLUSTERTUI_TOKEN": serve.token])
    }

    /// Waits for the dashboard to exit 0 and the shell's `stty` report after
    /// it, and checks the terminal is back in canonical (cooked) mode.
    func expectCleanExit(_ session: TmuxSession) throws {
        let end = try session.waitUntil(timeout: 10) { $0.contains("EXITED:") && $0.contains("icanon") }
        #expect(end.contains("EXITED:0"))
        #expect(!end.contains("-icanon"), "the terminal is back in cooked mode")
    }

    /// The line of the screen that mentions `text`.
    func line(_ screen: String, _ text: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init)
    }

    @Test func firstFrameShowsTheLiveClusterAndAgesTick() throws {
        let serve = try ServeProcess()
        let session = try dashboard(serve, "first")
        defer { session.kill() }
        let screen = try session.waitFor("core-main-1", timeout: 20)
        #expect(screen.contains("Nodes"))
        #expect(screen.contains("HEARTBEAT"))
        let before = try #require(line(screen, "core-main-1 "))
        // Ages tick every second without any key.
        _ = try session.waitUntil(timeout: 5) { now in
            guard let after = line(now, "core-main-1 ") else { return false }
            return after != before
        }
        try session.waitFor("Instances 1", timeout: 20)
        #expect(!session.capture().contains("\u{1B}"), "no raw escape reaches the screen")
        session.sendKeys("q")
        try expectCleanExit(session)
    }

    @Test func filterRebindAndResetReachTheServer() async throws {
        let serve = try ServeProcess()
        let session = try dashboard(serve, "rebind")
        defer { session.kill() }
        try await offPool { try bindHostileInstance(session) }
        let key = EntityKey(.agent, "t1:a/b?c#d%e f")
        let bound = try await serve.withClient { try await $0.reader.overview() }
        let row = try #require(bound.assignments.first { $0.key == key }, "the hostile id round-tripped as one segment")
        #expect(row.nodeName == "core-main-1")
        // Reset it from the same row.
        try await offPool {
            try session.press("x", until: "Remove the explicit binding?", timeout: 5)
            session.sendKeys("y")
            // The engine's verdict on one line: not the dialog's "after: follows the default node"
            // next to the rebind's "✓ confirmed: … is bound to" still in the status line.
            _ = try session.waitUntil(timeout: 15) { screen in
                screen.split(separator: "\n").contains { $0.contains("✓ confirmed: ") && $0.contains(" follows the default node (") }
            }
        }
        let reset = try await serve.withClient { try await $0.reader.overview() }
        #expect(!reset.assignments.contains { $0.key == key })
        session.sendKeys("q")
        try await offPool { try expectCleanExit(session) }
    }

    /// Filters to the instance with the hostile id and binds it strictly to core-main-1 through the form.
    func bindHostileInstance(_ session: TmuxSession) throws {
        try session.waitFor("Instances 1", timeout: 20)
        try session.press("/", "Hostile", until: "1 of", timeout: 5)
        try session.press("Enter", "Enter", until: "Rebind agent", timeout: 5)
        try session.press("core-main", until: "→ agent Hostile", timeout: 5)
        session.sendKeys("Tab", "Left", "Enter")
        let after = try session.waitUntil(timeout: 10) { $0.contains("confirmed") || $0.contains("Send anyway") }
        if after.contains("Send anyway") { session.sendKeys("y") }
        try session.waitFor("confirmed", timeout: 15)
    }

    @Test func resizeKeepsDrawingAndQuitLeavesTheShellUsable() throws {
        let serve = try ServeProcess()
        let session = try dashboard(serve, "resize")
        defer { session.kill() }
        try session.waitFor("core-main-1", timeout: 20)
        for (w, h) in [(40, 12), (20, 6), (1, 1), (80, 24), (200, 60), (120, 40)] {
            session.resize(width: w, height: h)
        }
        // After six quick resizes a capture can fall between two repaints (the
        // body drawn, the header not yet): wait for one whole frame, header first.
        try session.waitUntil(timeout: 10) { screen in
            screen.split(separator: "\n").first?.contains("ClusterTUI") == true
                && screen.contains("HEARTBEAT") && screen.contains("core-main-1")
        }
        session.resize(width: 20, height: 6)
        try session.waitFor("too small", timeout: 5)
        session.sendKeys("q")
        try expectCleanExit(session)
    }
}

/// Failure paths end to end, against a server that rejects every write.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct DashboardFailureE2ETests {
    /// A 500 from the server appears inside the form, which stays open with its choices.
    @Test func serverErrorIsShownInsideTheForm() async throws {
        try await RejectingServer.with { url, log in
            let session = try TmuxSession(
                name: DashboardE2ETests.name("reject"), width: 120, height: 40,
                command: [TestBinary.clustertui.path, "--url", url.absoluteString], environment: ["CLUSTERTUI_TOKEN": "t"]
            )
            defer { session.kill() }
            let screen = try await offPool {
                try session.waitFor("Research Agent", timeout: 20)
                // Both words: only the agent matches, whatever the risk order (a slow run ages the heartbeats).
                try session.press("/", "Research Agent", "Enter", "Enter", until: "Rebind agent", timeout: 5)
                session.sendKeys("node-b", "Enter")
                // The server's data is fixed at start: on a slow run node-b's
                // heartbeat ages past "silent" and the form asks first; say yes.
                let first = try session.waitUntil(timeout: 10) {
                    $0.contains("not found in cluster registry") || $0.contains("Send anyway?")
                }
                if first.contains("Send anyway?") { session.sendKeys("y") }
                let screen = try session.waitFor("not found in cluster registry", timeout: 10)
                session.sendKeys("Escape")
                _ = try session.waitUntil(timeout: 5) { !$0.contains("Rebind agent") }
                return screen
            }
            #expect(screen.contains("Rebind agent"), "the form stays open")
            #expect(screen.contains("[node-b"), "the typed choice is kept")
            let puts = await log.lines.filter { $0.hasPrefix("PUT") }
            #expect(puts.count == 1)
            session.sendKeys("q")
            _ = try await offPool { try session.waitUntil(timeout: 5) { _ in !session.isAlive } }
        }
    }
}
