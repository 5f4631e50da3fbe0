import ClusterTestSupport
import Foundation
import Testing

/// Issue 24 in a real terminal: with `--accessible` the terminal's own
/// cursor is shown on the selected row and moves with it (screen readers
/// and magnifiers follow the cursor); without it the cursor stays hidden.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct AccessibleE2ETests {
    @Test func cursorSitsOnTheSelectedRow() async throws {
        let home = NSTemporaryDirectory() + "ctui-a11y-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = ["XDG_CONFIG_HOME": home, "XDG_STATE_HOME": home]
        let command = ["/bin/sh", "-c", "\"$0\" \"$@\"; echo EXITED:$?; sleep 60", TestBinary.clustertui.path, "--accessible", "--no-history"]
        let tmux = try TmuxSession(name: DashboardE2ETests.name("a11y"), width: 100, height: 30, command: command, environment: environment)
        defer { tmux.kill() }
        let screen = try await offPool { try tmux.waitUntil(timeout: 30) { $0.contains("Instances 150") } }
        let first = try #require(tmux.cursor())
        #expect(first.visible && first.x == 0, "\(first)")
        let lines = screen.components(separatedBy: "\n")
        #expect(lines.indices.contains(first.y) && lines[max(0, first.y - 2)].contains("Instances"), "cursor row \(first.y):\n\(screen)")
        tmux.sendKeys("Down")
        let moved = try await offPool { () throws -> (x: Int, y: Int, visible: Bool)? in
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if let c = tmux.cursor(), c.y == first.y + 1 { return c }
                usleep(50_000)
            }
            return tmux.cursor()
        }
        #expect(moved?.y == first.y + 1 && moved?.visible == true, "\(String(describing: moved))")
        tmux.sendKeys("q")
        try await offPool { _ = try tmux.waitFor("EXITED:0", timeout: 10) }
    }
}
