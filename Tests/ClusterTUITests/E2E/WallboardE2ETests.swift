import ClusterTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `clustertui --wallboard` in a real terminal (tmux) against a real
/// `clustertui serve --demo` that is stopped and started again: the board
/// shows DISCONNECTED over its last data, then reconnects by itself.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct WallboardE2ETests {
    @Test func wallboardRidesOutARestartOfTheServer() throws {
        let serve = try RestartableServe(name: "wall")
        let port = serve.port
        let token = serve.token

        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path,
                       "--wallboard", "--url", "http://127.0.0.1:\(port)", "--interval", "1", "--instances-interval", "5"]
        let session = try TmuxSession(name: DashboardE2ETests.name("wall"), width: 120, height: 40, command: command,
                                      environment: ["CLUSTERTUI_TOKEN": token])
        defer { session.kill() }
        let live = try session.waitUntil(timeout: 20) { $0.contains("core-main-1") && $0.contains("ONLINE") }
        #expect(live.contains("WALLBOARD"))
        #expect(!live.contains("DISCONNECTED"))
        #expect(!session.cursorVisible, "no cursor on a wallboard")

        serve.stop()
        let down = try session.waitFor("DISCONNECTED since", timeout: 15)
        #expect(down.contains("core-main-1"), "the last known data stays under the banner")
        #expect(down.contains("retrying in"))

        try serve.restart()
        // Back-off with --interval 1 stays well under 30 s for a short outage.
        let back = try session.waitUntil(timeout: 45) { !$0.contains("DISCONNECTED") && $0.contains("updated") }
        #expect(back.contains("ONLINE"))
        #expect(back.contains("core-main-1"))

        let end = try session.press("q", until: "EXITED:", timeout: 10)
        #expect(end.contains("EXITED:0"))
    }
}
