import ClusterTestSupport
import Foundation
import Testing

/// The read-only promise end to end (issue 5, item 1): the real binary in
/// tmux, with `--read-only` or `--wallboard`, against `RejectingServer`,
/// which records every request it sees. Every key and every form path is
/// pressed on every pane; afterwards the server must have seen reads only —
/// zero PUT, zero DELETE (nor any other write method).
///
/// Decisions:
/// - `RejectingServer` answers writes with a 500, so even a write that
///   slipped through would leave the dashboard running and the key storm
///   would go on: the log, not the screen, is the proof.
/// - `q`, Ctrl-C and Ctrl-Z are left out of the storm (they end or stop
///   the program); `q` ends each test instead, checking a clean exit.
/// - Synchronisation is on screen states (the help overlay's read-only
///   line) or on the server seeing further polls, never on bare sleeps.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ReadOnlyE2ETests {
    static func name(_ base: String) -> String { "ro-\(base)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" }

    /// Every key a user might try on one pane: write keys, the details
    /// overlay's write keys, the filter, help, sort, refresh, digits, moves.
    static let storm: [String] = [
        "Enter", "e", "x", "y", "Y", "n", "N", "Enter", "Enter", "y", "Escape",
        "i", "e", "x", "y", "Enter", "Escape", "i", "Enter", "y", "Escape", "i", "x", "y", "Escape",
        "/", "node-b", "Enter", "Enter", "e", "x", "y", "Y", "Escape",
        "/", "Research", "Enter", "Enter", "y", "e", "Enter", "x", "y", "Y", "Escape", "Escape",
        "r", "g", "g", "s", "S", "s", "S", "t", "t", "?", "Escape", "F1", "Escape", "C-l",
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
        "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Space", "j", "k", "G",
        "Delete", "BSpace", "Insert", "a", "b", "c", "d", "u", "p", "w", "=", "+", "-", ":", "!", "y", "Y", "Enter",
        "C-a", "C-e", "C-u", "C-w", "C-d", "C-y", "M-x", "Escape",
    ]

    /// The dashboard under sh, printing its exit code and the tty modes after it.
    /// 48 rows: at 40 the help overlay clips its last line, the read-only one.
    func start(_ url: URL, _ base: String, mode: String) throws -> TmuxSession {
        let script = "\"$0\" \"$@\"; echo EXITED:$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}\\(icanon\\|echo\\)' | tr '\\n' ' '; echo; sleep 60"
        let home = NSTemporaryDirectory() + "/ctui-ro-home-\(getpid())"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return try TmuxSession(
            name: Self.name(base), width: 120, height: 48,
            command: ["/bin/sh", "-c", script, TestBinary.clustertui.path, mode, "--url", url.absoluteString, "--interval", "1"],
            environment: ["CLUSTERTUI_TOKEN": "t", "HOME": home]
        )
    }

    /// Presses `key` and waits for the screen to show `text`.
    func press(_ session: TmuxSession, _ key: String, expect text: String) throws {
        try session.press(key, until: text, timeout: 5)
    }

    /// Waits for `q` to end the program with 0 and the tty back in cooked, echoing mode.
    func quitCleanly(_ session: TmuxSession) throws {
        session.sendKeys("q")
        let end = try session.waitUntil(timeout: 10) { $0.contains("EXITED:") && $0.contains("icanon") }
        #expect(end.contains("EXITED:0"), "exit:\n\(end)")
        #expect(end.contains("icanon echo"), "tty not restored:\n\(end)")
    }

    /// Write methods the server saw (anything but GET).
    func writes(_ log: RejectingServer.Log) async -> [String] {
        await log.lines.filter { !$0.hasPrefix("GET ") }
    }

    @Test func readOnlySendsNoWriteWhateverIsPressed() async throws {
        try await RejectingServer.with { url, log in
            let session = try start(url, "browse", mode: "--read-only")
            defer { session.kill() }
            let notices = try await offPool { try hammerReadOnly(session) }
            #expect(notices.header.contains("READ-ONLY"), "header:\n\(notices.header)")
            #expect(notices.rebind.contains("read-only: rebinding is disabled"))
            #expect(notices.reset.contains("read-only: reset is disabled"))
            #expect(!notices.all.contains { $0.contains("Rebind agent") || $0.contains("Remove the explicit binding?") },
                    "a write form opened in read-only mode")
            try await offPool { try quitCleanly(session) }
            let seen = await log.lines
            #expect(seen.contains { $0.hasPrefix("GET /api/cluster/overview") }, "the recording server saw the polls: \(seen.prefix(5))")
            #expect(await writes(log) == [], "read-only sent writes")
            #expect(!seen.contains { $0.hasPrefix("PUT") || $0.hasPrefix("DELETE") })
        }
    }

    /// Screens seen while hammering a `--read-only` dashboard.
    struct Notices: Sendable {
        var header = "", rebind = "", reset = ""
        var all: [String] = []
    }

    /// The write paths one by one (each must show its notice), then the
    /// whole storm on every pane, then the help overlay as the final sync.
    func hammerReadOnly(_ session: TmuxSession) throws -> Notices {
        var notices = Notices()
        notices.header = try session.waitFor("Research Agent", timeout: 20)
        // Focus starts on Instances: each write key there says read-only.
        try press(session, "e", expect: "read-only: rebinding is disabled")
        notices.rebind = session.capture()
        try press(session, "x", expect: "read-only: reset is disabled")
        notices.reset = session.capture()
        // Enter opens the details instead of the form; its write keys are refused too.
        try press(session, "Enter", expect: "Instance — Esc closes")
        notices.all += [notices.rebind, notices.reset, session.capture()]
        try press(session, "x", expect: "read-only: reset is disabled")
        notices.all.append(session.capture())
        try session.press("i", until: "Instance — Esc closes", timeout: 5)
        try press(session, "e", expect: "read-only: rebinding is disabled")
        notices.all.append(session.capture())
        for pane in 0..<4 {
            for key in Self.storm { session.sendKeys(key) }
            notices.all.append(session.capture())
            session.sendKeys(pane % 2 == 0 ? "Tab" : "BTab", "Tab")
        }
        // A final marker: help lists read-only; every earlier key was handled before it.
        session.sendKeys("Escape", "Escape", "?")
        notices.all.append(try session.waitFor("Read-only: rebind and reset are disabled", timeout: 5))
        session.sendKeys("Escape")
        _ = try session.waitUntil(timeout: 5) { !$0.contains("Read-only: rebind and reset are disabled") }
        #expect(session.isAlive)
        return notices
    }

    @Test func wallboardSendsNoWriteWhateverIsPressed() async throws {
        try await RejectingServer.with { url, log in
            let session = try start(url, "wall", mode: "--wallboard")
            defer { session.kill() }
            let first = try await offPool { try session.waitFor("AT RISK", timeout: 20) }
            for _ in 0..<3 {
                try await offPool { for key in Self.storm { session.sendKeys(key) } }
            }
            // The keys are handled in milliseconds; two more polls seen by the server bound the wait.
            let before = await log.lines.count
            for _ in 0..<100 where await log.lines.count < before + 4 {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            #expect(await log.lines.count >= before + 4, "the wallboard kept polling")
            let screen = try await offPool { try session.waitFor("AT RISK", timeout: 5) }
            #expect(!screen.contains("Rebind agent") && !screen.contains("Instance —"), "no form or overlay on the wallboard:\n\(screen)")
            #expect(first.contains("ONLINE"))
            try await offPool { try quitCleanly(session) }
            #expect(await writes(log) == [], "the wallboard sent writes")
        }
    }
}
