import ClusterTestSupport
import Foundation
import Testing

extension TerminalCompatE2ETests {
    /// Minimal output for slow links (issue 5, item 3): the bytes the
    /// dashboard writes while idle, recorded with tmux `pipe-pane`. Nested
    /// in `TerminalCompatE2ETests` so its `.serialized` covers these too.
    ///
    /// The 5-second windows are measurement periods, not synchronisation:
    /// every step before them waits on a screen state.
    @Suite(.blocking) struct Output {
        /// Over 5 idle seconds of the embedded demo at 120×40, which ticks
        /// ages every second and changes data every few: no whole-screen
        /// clear and under 2,000 bytes a second. Ctrl-L then repaints all.
        @Test func idleDashboardWritesLittleAndNeverClears() throws {
            let run = try TerminalCompat.start("idle")
            defer { run.session.kill() }
            try run.session.waitUntil(timeout: 20) { TerminalCompatE2ETests.isFullDashboard($0) && $0.contains("Disk Alert") }
            let path = TerminalCompat.scratch("idle") + ".bytes"
            defer { unlink(path) }
            try TerminalCompat.record(run.session, into: path)
            Thread.sleep(forTimeInterval: 5)
            let idle = TerminalCompat.recorded(path)
            #expect(TerminalCompat.clears(in: idle) == [], "whole-screen clears while idle")
            #expect(idle.count < 10_000, "\(idle.count) bytes in 5 s")
            #expect(idle.count > 0, "the ages tick (else this test measures nothing)")
            try expectCtrlLRepaints(run.session, path, after: idle.count)
            run.session.sendKeys("q")
            try run.expectCleanExit()
        }

        /// With `--no-tick` against a server whose data never changes,
        /// polled every second: no clears and little written while idle
        /// (RejectingServer's data is fixed once at start).
        @Test func noTickWritesNearlyNothingWhileIdle() async throws {
            try await RejectingServer.with { url, log in
                // --no-history: a strip moves on at each minute, a change worth drawing that may fall in the window.
                let run = try TerminalCompat.start("notick", args: ["--url", url.absoluteString, "--interval", "1", "--no-tick",
                                                                    "--no-history"],
                                                   environment: ["CLUSTERTUI_TOKEN": "t"])
                defer { run.session.kill() }
                let path = TerminalCompat.scratch("notick") + ".bytes"
                defer { unlink(path) }
                try await offPool {
                    try run.session.waitUntil(timeout: 20) { TerminalCompatE2ETests.isFullDashboard($0) && $0.contains("Research Agent") }
                    try TerminalCompat.record(run.session, into: path)
                }
                let polls = await log.lines.count
                try await Task.sleep(nanoseconds: 5_000_000_000)
                let idle = TerminalCompat.recorded(path)
                #expect(await log.lines.count >= polls + 4, "the dashboard kept polling during the window")
                #expect(TerminalCompat.clears(in: idle) == [], "whole-screen clears while idle")
                #expect(idle.count < 1_500, "\(idle.count) bytes in 5 s: \(Self.visible(idle))")
                // Unchanged replies redraw nothing under --no-tick.
                #expect(idle.count < 100, "\(idle.count) bytes in 5 s with unchanged data")
                try await offPool {
                    try expectCtrlLRepaints(run.session, path, after: idle.count)
                    run.session.sendKeys("q")
                    try run.expectCleanExit()
                }
            }
        }

        /// Ctrl-L writes a whole-screen clear and a full frame.
        func expectCtrlLRepaints(_ session: TmuxSession, _ path: String, after offset: Int) throws {
            session.sendKeys("C-l")
            let deadline = Date().addingTimeInterval(5 * TmuxSession.patience)
            var fresh: [UInt8] = []
            while Date() < deadline {
                fresh = Array(TerminalCompat.recorded(path).dropFirst(offset))
                if !TerminalCompat.clears(in: fresh).isEmpty, fresh.count > 2_000 { break }
                usleep(50_000)
            }
            #expect(!TerminalCompat.clears(in: fresh).isEmpty, "Ctrl-L cleared the screen")
            #expect(fresh.count > 2_000, "Ctrl-L redrew the frame (\(fresh.count) bytes)")
        }

        /// Bytes with ESC made visible, for failure messages.
        static func visible(_ bytes: [UInt8]) -> String {
            String(decoding: bytes.prefix(400), as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "^[")
        }
    }
}
