import ClusterTestSupport
import Foundation
import Testing

/// Shared steps for the SSH-grade terminal tests (`TerminalCompatE2ETests`,
/// `TerminalCompatOutputE2ETests`): starting the real binary under `sh` in
/// tmux, finding its pid, reading what the shell reported after it, and
/// recording the bytes it writes to the terminal.
///
/// Decisions:
/// - The shell after the dashboard appends its exit code and the tty's
///   `icanon`/`echo` modes to a status file as well as the screen: a pane
///   left at 1×1 shows nothing readable, the file always does.
/// - Output is recorded with tmux `pipe-pane -O`, which copies every byte
///   the program writes to the pane into a file as it arrives.
enum TerminalCompat {
    static func name(_ base: String) -> String { "tc-\(base)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" }

    /// A scratch path unique to this test process and call.
    static func scratch(_ base: String) -> String {
        NSTemporaryDirectory() + "/ctui-tc-\(base)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// A HOME with no user config, and no interactive crash backtrace.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        let home = NSTemporaryDirectory() + "/ctui-tc-home-\(getpid())"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env = ["HOME": home, "SWIFT_BACKTRACE": "interactive=no"]
        env.merge(extra) { _, new in new }
        return env
    }

    /// A running dashboard: its tmux session and the file the shell reports into.
    struct Run {
        let session: TmuxSession
        let statusFile: String

        /// What the shell reported after the dashboard ended ("EXITED:n" and the tty modes).
        func status() -> String { (try? String(contentsOfFile: statusFile, encoding: .utf8)) ?? "" }

        /// Waits for the shell's report after the dashboard, then checks the
        /// exit code and that the tty is back in canonical, echoing mode.
        @discardableResult
        func expectCleanExit(code: Int = 0, timeout: Double = 10) throws -> String {
            let deadline = Date().addingTimeInterval(timeout * TmuxSession.patience)
            var report = status()
            while !(report.contains("EXITED:") && report.contains("icanon")), Date() < deadline {
                usleep(50_000)
                report = status()
            }
            #expect(report.contains("EXITED:\(code)"), "shell report: \(report)")
            #expect(report.contains("icanon echo"), "tty not restored: \(report)")
            return report
        }
    }

    /// Starts `clustertui args…` under sh in a `width × height` pane with
    /// `environment` (TERM defaults to xterm-256color, LANG to C.UTF-8).
    static func start(_ base: String, width: Int = 120, height: Int = 40, args: [String] = [],
                      environment extra: [String: String] = [:]) throws -> Run {
        let status = scratch(base) + ".status"
        let report = "stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}\\(icanon\\|echo\\)' | tr '\\n' ' '"
        let script = "\"$0\" \"$@\"; echo EXITED:$? | tee -a '\(status)'; \(report) | tee -a '\(status)'; echo; sleep 60"
        let session = try TmuxSession(name: name(base), width: width, height: height,
                                      command: ["/bin/sh", "-c", script, TestBinary.clustertui.path] + args,
                                      environment: environment(extra))
        return Run(session: session, statusFile: status)
    }

    /// The pid of the only child of the pane's first process (the dashboard under sh or setsid).
    static func childPID(_ session: TmuxSession) throws -> pid_t {
        let parent = try #require(session.panePID())
        let deadline = Date().addingTimeInterval(10 * TmuxSession.patience)
        while Date() < deadline {
            let result = try ChildProcess.run("/usr/bin/pgrep", ["-P", String(parent)], environment: [:])
            if let pid = result.stdout.split(separator: "\n").first.flatMap({ pid_t($0) }) { return pid }
            usleep(50_000)
        }
        throw TmuxError(description: "no child process under pane pid \(parent)")
    }

    /// True while `pid` runs (a zombie no init reaps yet counts as gone).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// Seconds until `pid` is gone, or nil if it still runs after `timeout`.
    static func secondsUntilGone(_ pid: pid_t, timeout: Double) -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout * TmuxSession.patience {
            if !isRunning(pid) { return Date().timeIntervalSince(start) }
            usleep(20_000)
        }
        return nil
    }

    /// The visible pane with its attributes as escape sequences (`capture-pane -e`).
    static func captureWithAttributes(_ session: TmuxSession) -> String {
        (try? TmuxSession.tmux(["capture-pane", "-p", "-e", "-t", "=" + session.name + ":"]).stdout) ?? ""
    }

    /// The SGR colour parameters (30–37, 38, 40–47, 48, 90–97, 100–107) found in `text`.
    static func colourParameters(_ text: String) -> [String] {
        var found: [String] = []
        let parts = text.components(separatedBy: "\u{1B}[").dropFirst()
        for part in parts {
            guard let end = part.firstIndex(where: { $0.isLetter }), part[end] == "m" else { continue }
            for param in part[..<end].split(separator: ";") {
                guard let n = Int(param) else { continue }
                if (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n) {
                    found.append(String(n))
                }
            }
        }
        return found
    }

    /// Starts copying every byte the pane's program writes into `path`.
    static func record(_ session: TmuxSession, into path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let result = try TmuxSession.tmux(["pipe-pane", "-O", "-t", "=" + session.name + ":", "cat >> '\(path)'"])
        guard result.status == 0 else { throw TmuxError(description: "pipe-pane failed: \(result.stderr)") }
    }

    /// Everything recorded so far.
    static func recorded(_ path: String) -> [UInt8] {
        (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
    }

    /// Whole-screen clears: ED 2 anywhere, ED 0 right after cursor-home, RIS.
    static let clearSequences: [String] = ["\u{1B}[2J", "\u{1B}[H\u{1B}[J", "\u{1B}[H\u{1B}[0J", "\u{1B}[1;1H\u{1B}[J",
                                           "\u{1B}[1;1H\u{1B}[0J", "\u{1B}c"]

    /// The whole-screen clear sequences found in `bytes`.
    static func clears(in bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        return clearSequences.filter { text.contains($0) }.map { $0.replacingOccurrences(of: "\u{1B}", with: "ESC") }
    }
}
