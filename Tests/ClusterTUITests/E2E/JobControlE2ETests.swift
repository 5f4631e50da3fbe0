import ClusterTestSupport
import Foundation
import Testing

/// Job control as an operator meets it: the dashboard started from an
/// interactive shell, stopped with Ctrl-Z, resumed with `fg`.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct JobControlE2ETests {
    /// The header's "● live 3ms 1s ago" age in seconds, nil when not live.
    static func liveAge(_ screen: String) -> Int? {
        guard let match = screen.firstMatch(of: /live \S+ (\d+)s ago/) else { return nil }
        return Int(match.1)
    }

    /// Guards the Ctrl-Z bug: after `Ctrl-Z` and `fg` the polls due during
    /// the stop were marked in flight and never sent, so the header's age
    /// grew for ever and `r` did nothing. Polling must resume on its own.
    /// And a false page: a stop longer than 9 s fired a critical "connection
    /// lost" alert (and the on-alert hook) for a cluster that was fine.
    @Test func pollingResumesAfterCtrlZAndFg() async throws {
        let serve = try ServeProcess()
        let name = "e2e-jobctl-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let session = try TmuxSession(
            name: name, width: 120, height: 40, command: ["/bin/bash", "--norc", "--noprofile", "-i"],
            environment: ["CLUSTERTUI_TOKEN": serve.token, "PS1": "$ "])
        defer { session.kill(); serve.stop() }
        let binary = TestBinary.clustertui.path
        try await offPool {
            try session.waitFor("$", timeout: 10)
            // The command alone: in a list (`cmd; echo`) the shell would run the
            // rest of the list as soon as the job stops.
            session.sendKeys("'\(binary)' --url \(serve.url.absoluteString)", "Enter")
            try session.waitUntil(timeout: 20) { Self.liveAge($0) != nil }
            try session.press("C-z", until: "Stopped", timeout: 10)
            // The shell sleeps, not the test: the polls fall due while stopped,
            // for longer than the screen waits before it calls a silent cluster stale (9 s).
            session.sendKeys("sleep 11; fg", "Enter")
            // The dashboard says it was paused itself; it does not blame the cluster.
            let back = try session.waitFor("(suspended or stopped)", timeout: 30)
            #expect(!back.contains("connection lost") && !back.contains("critical"), "\(back)")
            let resumedBy = Date()
            // Live again with a fresh age, seen well after the stop ended:
            // without polling the age would be past 6 s by then.
            try session.waitUntil(timeout: 15) { screen in
                guard Date().timeIntervalSince(resumedBy) > 6, let age = Self.liveAge(screen) else { return false }
                return age <= 1
            }
            #expect(!session.capture().contains("connection lost"), "no alert for the dashboard's own stop")
            session.sendKeys("q")
            try session.waitUntil(timeout: 10) { !session.alternateScreenOn && $0.split(separator: "\n").last == "$" }
            try session.press("echo EXITED:$?", "Enter", until: "EXITED:0", timeout: 10)
        }
    }
}
