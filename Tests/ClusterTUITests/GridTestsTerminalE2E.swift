import ClusterTestSupport
import Foundation
import Testing

/// The terminal layer in a real terminal (tmux): every way the dashboard can
/// end or pause gives the terminal back in a sane state. Observed through
/// tmux itself (alternate screen, cursor) and `stty` after exit, so these
/// tests do not depend on what the views draw. Runs the embedded demo core.
@Suite(.blocking, .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct GridTestsTerminalE2E {
    static func name(_ base: String) -> String { "term-\(base)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" }

    /// Environment for a dashboard that reads no user config and prints a crash report without waiting for a key.
    static func environment() -> [String: String] {
        let home = NSTemporaryDirectory() + "/ctui-home-\(getpid())"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return ["HOME": home, "SWIFT_BACKTRACE": "interactive=no", "NO_COLOR": ""]
    }

    /// Runs the dashboard under sh, then prints its exit code and the tty's canonical/echo modes.
    func dashboardThenStty(_ base: String) throws -> TmuxSession {
        let script = "\"$0\"; echo EXITED:$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}\\(icanon\\|echo\\)' | tr '\\n' ' '; echo; sleep 60"
        return try TmuxSession(name: Self.name(base), width: 100, height: 30,
                               command: ["/bin/sh", "-c", script, TestBinary.clustertui.path], environment: Self.environment())
    }

    /// The pid of the dashboard started by the pane's shell.
    func dashboardPID(_ session: TmuxSession) throws -> pid_t {
        let shell = try #require(session.panePID())
        let result = try ChildProcess.run("/usr/bin/pgrep", ["-P", String(shell)], environment: [:])
        return try #require(result.stdout.split(separator: "\n").first.flatMap { pid_t($0) })
    }

    func waitForCurses(_ session: TmuxSession) throws {
        _ = try session.waitUntil(timeout: 20) { _ in session.alternateScreenOn }
    }

    func expectSaneAfterExit(_ session: TmuxSession) throws -> String {
        let screen = try session.waitFor("EXITED:", timeout: 20)
        let modes = try session.waitUntil(timeout: 5) { $0.contains("icanon echo") || $0.contains("-icanon") || $0.contains("-echo") }
        #expect(modes.contains("icanon echo"), "tty left in raw/noecho mode:\n\(modes)")
        #expect(!session.alternateScreenOn)
        #expect(session.cursorVisible)
        return screen
    }

    /// Issues 13 and 20: SIGTERM exited 0, SIGQUIT, SIGUSR1 and SIGALRM left the alternate screen on; a crash signal sent from outside (SIGSEGV) must still kill.
    @Test(arguments: [SIGTERM, SIGSEGV, SIGQUIT, SIGUSR1, SIGALRM])
    func fatalSignalsRestoreTheTerminal(_ sig: Int32) throws {
        let session = try dashboardThenStty("fatal\(sig)")
        defer { session.kill() }
        try waitForCurses(session)
        kill(try dashboardPID(session), sig)
        let screen = try expectSaneAfterExit(session)
        #expect(screen.contains("EXITED:\(128 + sig)"), "\(screen)")
    }

    /// Ctrl-Z gives the shell its terminal back; `fg` takes it again (process-directed stops were lost to other threads once).
    @Test func ctrlZSuspendsAndFgResumes() throws {
        var env = Self.environment()
        env["PS1"] = "$ "
        let session = try TmuxSession(name: Self.name("tstp"), width: 100, height: 30,
                                      command: ["/bin/bash", "--norc", "--noprofile", "-i"], environment: env)
        defer { session.kill() }
        try session.waitFor("$")
        session.sendKeys(TestBinary.clustertui.path, "Enter")
        try waitForCurses(session)
        for _ in 0..<2 {
            try session.press("C-z", until: "Stopped")
            #expect(!session.alternateScreenOn)
            #expect(session.cursorVisible)
            session.sendKeys("clear; fg", "Enter")
            try waitForCurses(session)
        }
        session.sendKeys("C-c")
        _ = try session.waitUntil(timeout: 10) { _ in !session.alternateScreenOn }
        #expect(session.cursorVisible)
    }

    /// Closing the terminal (tmux kill-session: SIGHUP and POLLHUP) ends the process instead of leaving it spinning.
    @Test func hangupEndsTheProcess() throws {
        let session = try TmuxSession(name: Self.name("hup"), width: 80, height: 24,
                                      command: [TestBinary.clustertui.path], environment: Self.environment())
        try waitForCurses(session)
        let pid = try #require(session.panePID())
        session.kill()
        _ = try session.waitUntil(timeout: 10) { _ in kill(pid, 0) != 0 }
    }
}
