import ClusterTestSupport
import Foundation
import Testing

/// Issue 19: below 30×8 the screen says "too small" but every key still
/// acted — `x` then `y` sent a DELETE through a confirmation nobody could
/// see, and `1 E Enter Enter y` applied an evacuate plan blind. Now only
/// `q`, Ctrl-C and Ctrl-L act there; the proof is the server's request log.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TooSmallE2ETests {
    /// Every write path's keys, pressed where nothing but the notice is drawn.
    static let keys = ["x", "y", "E", "Enter", "Enter", "y", "1", "E", "Enter", "Enter", "y", "2", "Enter", "node-b", "Enter", "y",
                       "e", "Enter", "y", "u", "Enter", "y", "Space", "*", "Enter", "Enter", "y", "Escape", "c", "Enter"]

    @Test func keysBelowTheMinimumSizeSendNothing() async throws {
        try await RejectingServer.with { url, log in
            let home = NSTemporaryDirectory() + "/ctui-small-home-\(getpid())"
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let session = try TmuxSession(
                name: "small-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", width: 120, height: 40,
                command: [TestBinary.clustertui.path, "--url", url.absoluteString, "--interval", "1"],
                environment: ["CLUSTERTUI_TOKEN": "t", "HOME": home])
            defer { session.kill() }
            try await offPool {
                try session.waitFor("Research Agent", timeout: 20)
                session.resize(width: 20, height: 6)
                try session.waitFor("too small", timeout: 5)
                for key in Self.keys { session.sendKeys(key) }
            }
            // Keys are handled in milliseconds; two more polls seen by the server bound the wait.
            let before = await log.lines.count
            for _ in 0..<100 where await log.lines.count < before + 4 {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            let screen = try await offPool { () throws -> String in
                session.resize(width: 120, height: 40)
                return try session.waitFor("Research Agent", timeout: 5)
            }
            #expect(!screen.contains("Remove the explicit binding?") && !screen.contains("Rebind agent") && !screen.contains("Evacuate"),
                    "no form opened from keys nobody could see:\n\(screen)")
            #expect(await log.lines.filter { !$0.hasPrefix("GET ") } == [], "no write was sent")
            session.sendKeys("q")
            _ = try await offPool { try session.waitUntil(timeout: 5) { _ in !session.isAlive } }
        }
    }
}
