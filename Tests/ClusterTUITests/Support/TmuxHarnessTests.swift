import ClusterTestSupport
import Foundation
import Testing

/// Proves the tmux harness itself: a real binary in a real terminal emulator,
/// keys in, screen out. Serialized: each test owns a pane and polls it.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TmuxHarnessTests {
    /// A session name no other test (or earlier run) uses.
    static func uniqueName(_ base: String) -> String { "\(base)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" }

    /// A `width`×`height` pane running the shell `script`.
    static func shell(_ base: String, width: Int, height: Int, _ script: String) throws -> TmuxSession {
        try TmuxSession(name: uniqueName(base), width: width, height: height, command: ["/bin/sh", "-c", script])
    }

    @Test func helpRunsInATerminal() throws {
        let binary = TestBinary.clustertui
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no clustertui at \(binary.path)")
        let session = try TmuxSession(name: Self.uniqueName("help"), width: 100, height: 60, command: [binary.path, "--help"])
        defer { session.kill() }
        let screen = try session.waitFor("USAGE", timeout: 15)
        #expect(screen.contains("clustertui"))
        _ = try session.waitUntil(timeout: 15) { _ in session.exitStatus != nil }
        #expect(session.exitStatus == 0)
        #expect(!session.isAlive)
    }

    @Test func keysReachTheProgram() throws {
        let session = try Self.shell("keys", width: 60, height: 10, "printf 'ready:%s\\n' \"$TERM\"; read x; echo got:$x; sleep 30")
        defer { session.kill() }
        try session.waitFor("ready:xterm-256color")
        #expect(session.isAlive)
        #expect(session.panePID() != nil)
        let screen = try session.press("hello world", "Enter", until: "got:hello world")
        #expect(screen.split(separator: "\n").first == "ready:xterm-256color")
        session.kill()
        session.kill()
        #expect(!session.isAlive)
    }

    @Test func resizeReachesThePane() throws {
        let session = try Self.shell("size", width: 50, height: 12, "stty size; read x; stty size; sleep 30")
        defer { session.kill() }
        try session.waitFor("12 50")
        session.resize(width: 70, height: 20)
        try session.press("Enter", until: "20 70")
    }

    @Test func keyNamesAreRecognised() {
        for name in ["Enter", "Escape", "C-c", "C-l", "M-x", "Up", "F1", "F12", "BSpace", "S-Tab", "C-Up"] {
            #expect(TmuxSession.isKeyName(name), "\(name)")
        }
        for text in ["hello", "q", "C-", "F13", "Foo", "c-c", "/node:a"] {
            #expect(!TmuxSession.isKeyName(text), "\(text)")
        }
    }
}
