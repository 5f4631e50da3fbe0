import ClusterTestSupport
import Foundation
import Testing

/// Issue 11 against the real binary: kill the server and the dashboard
/// shows the last known cluster, dimmed and labelled with its time; no count
/// changes until data comes back; a restart makes it live again by itself.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct StaleScreenE2ETests {
    /// The seconds in the banner's "(… ago)", e.g. 21 for "(21s ago)".
    static func bannerAge(_ screen: String) -> Int? {
        guard let match = screen.firstMatch(of: /STALE — cluster as of \d\d:\d\d:\d\d \((\d+)s ago\)/) else { return nil }
        return Int(match.1)
    }

    /// The counts line (the header's second row).
    static func counts(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count > 1 ? String(lines[1]) : ""
    }

    /// Issue 11: with the server gone, every node turned late then silent and
    /// "at risk" jumped within seconds, rows drawn as if live.
    @Test func aKilledServerFreezesTheCountsUnderABannerAndARestartRevivesThem() async throws {
        let serve = try RestartableServe(name: "stale")
        let port = serve.port
        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path,
                       "--url", "http://127.0.0.1:\(port)", "--interval", "1", "--instances-interval", "5"]
        let session = try TmuxSession(name: DashboardE2ETests.name("stale"), width: 120, height: 40, command: command,
                                      environment: ["CLUSTERTUI_TOKEN": serve.token])
        defer { session.kill() }
        // The long waits run off the concurrency pool: blocking two of its
        // threads for half a minute starved every in-process test server.
        let (liveCounts, stale) = try await offPool { () -> (String, String) in
            try session.waitUntil(timeout: 20) { $0.contains("● live") && $0.contains("at risk") }
            serve.stop()
            // The counts as of the last good poll, read as soon as the banner is up
            // (a poll just before the stop may still have moved them).
            let first = try session.waitUntil(timeout: 15) { Self.bannerAge($0) != nil }
            // Long enough for live ages to cross the late (15 s) threshold: frozen ones do not.
            return (Self.counts(first), try session.waitUntil(timeout: 40) { (Self.bannerAge($0) ?? 0) >= 20 })
        }
        #expect(Self.counts(stale) == liveCounts, "counts changed while disconnected:\n\(stale)")
        #expect(stale.contains("STALE"))

        let back = try await offPool { () -> String in
            try serve.restart()
            return try session.waitUntil(timeout: 45) { $0.contains("● live") && !$0.contains("STALE") }
        }
        #expect(back.contains("at risk"))
        session.sendKeys("q")
        try await offPool { try session.waitFor("EXITED:0", timeout: 10) }
    }
}
