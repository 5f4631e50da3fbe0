import ClusterTestSupport
import Foundation
import Testing

/// Issue 11 in a real terminal: `--mouse` takes clicks on rows and titles.
/// The clicks are typed into the pane as the terminal would send them: in
/// xterm's SGR encoding (mode 1006), which ncurses expects under
/// TERM=xterm-256color (its terminfo's `kmous` is `\E[<`).
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct MouseE2ETests {
    /// A press of button 1 at the 0-based cell (x, y), SGR-encoded.
    static func press(x: Int, y: Int) -> String { "\u{1B}[<0;\(x + 1);\(y + 1)M" }

    /// Issue 11: a click on a pane title focuses it (the ▶ moves there).
    @Test func aClickOnTheNodesTitleFocusesIt() throws {
        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path, "--mouse"]
        let session = try TmuxSession(name: DashboardE2ETests.name("mouse"), width: 120, height: 40, command: command)
        defer { session.kill() }
        let screen = try session.waitUntil(timeout: 20) { $0.contains("▶Instances") && $0.contains("core-main-1") }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let titleRow = try #require(lines.firstIndex { $0.hasPrefix(" Nodes") })
        session.sendKeys(Self.press(x: 3, y: titleRow))
        try session.waitUntil(timeout: 10) { $0.contains("▶Nodes") && !$0.contains("▶Instances") }
        try session.press("q", until: "EXITED:0", timeout: 10)
    }
}
