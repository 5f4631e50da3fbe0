import Foundation

/// Why a tmux-driven test step failed; the message carries the last screen.
public struct TmuxError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}

/// A detached tmux session running one command in a pane of a fixed size:
/// the end-to-end harness for the dashboard (Bubble Tea's screen tests, with
/// a real terminal emulator in between).
///
/// Decisions:
/// - A private server socket (`-L clustertui-test-<pid>`) and `-f` pointing
///   at our own config, so the user's tmux server and ~/.tmux.conf are never
///   touched; the server exits by itself when its last session is killed.
/// - The config turns the status line off (the pane is exactly
///   `width × height`), keeps dead panes (`remain-on-exit`) so the output of
///   a command that already exited can still be captured, and sets
///   `default-terminal` so `TERM` inside is `xterm-256color`.
/// - The command runs under `env` with the given variables, so `TERM`,
///   `LANG` and anything else are exactly what the test says.
/// - Waiting polls `capture-pane` every 50 ms up to a deadline.
public final class TmuxSession {
    public let name: String
    public private(set) var killed = false
    private static let socket = "clustertui-test-\(getpid())"
    /// Where tmux puts that socket; tmux leaves the file behind when its
    /// server exits, so it is removed when the test process exits.
    public static let socketPath: String = {
        let dir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        return "\(dir)/tmux-\(getuid())/\(socket)"
    }()
    private static let removeSocketAtExit: Void = {
        _ = socketPath
        atexit { _ = TmuxSession.socketPath.withCString { unlink($0) } }
    }()

    /// Starts `command` in a new detached session `name` (unique per test).
    /// `environment` is added to a minimal one: TERM=xterm-256color,
    /// LANG=C.UTF-8, PATH and HOME from this process.
    public init(name: String, width: Int, height: Int, command: [String], environment: [String: String] = [:]) throws {
        self.name = name
        Self.removeSocketAtExit
        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let mine = ProcessInfo.processInfo.environment
        for key in ["PATH", "HOME"] { env[key] = mine[key] }
        // The write journal of a dashboard under test stays out of the real ~/.local/state.
        env["XDG_STATE_HOME"] = NSTemporaryDirectory() + "/ctui-state-\(name)"
        env.merge(environment) { _, new in new }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let args = ["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                    "--", "/usr/bin/env", "-i"] + assignments + command
        let result = try Self.tmux(args)
        guard result.status == 0 else {
            throw TmuxError(description: "tmux new-session failed (\(result.status)): \(result.stderr)")
        }
    }

    deinit { kill() }

    /// Sends keys: each argument that is a tmux key name ("Enter", "Escape",
    /// "C-c", "Up", "F1", "BSpace"…) is sent as that key, anything else as
    /// literal text (`send-keys -l`).
    public func sendKeys(_ keys: String...) {
        for key in keys {
            if Self.isKeyName(key) {
                _ = try? Self.tmux(["send-keys", "-t", target, key])
            } else {
                _ = try? Self.tmux(["send-keys", "-t", target, "-l", key])
            }
        }
    }

    /// The visible pane as text, one line per row (trailing blanks trimmed by tmux).
    public func capture() -> String {
        (try? Self.tmux(["capture-pane", "-p", "-t", target]).stdout) ?? ""
    }

    /// The terminal cursor as tmux sees it: column, row, and whether it is shown (issue 24, `--accessible`).
    public func cursor() -> (x: Int, y: Int, visible: Bool)? {
        guard let out = try? Self.tmux(["display-message", "-p", "-t", target, "#{cursor_x},#{cursor_y},#{cursor_flag}"]).stdout else { return nil }
        let parts = out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], parts[2] == 1) : nil
    }

    /// How many times its stated time-out a wait may take. A wait returns as
    /// soon as its screen appears, so this costs nothing when tests pass; it
    /// keeps a parallel run on a loaded 2-core CI machine from failing on a
    /// slow, not a wrong, screen. `E2E_PATIENCE` overrides it.
    public static let patience: Double = ProcessInfo.processInfo.environment["E2E_PATIENCE"].flatMap(Double.init) ?? 4

    /// One step of an operator: sends `keys`, then waits until the screen
    /// contains `text` (the state those keys lead to); returns that screen.
    @discardableResult
    public func press(_ keys: String..., until text: String, timeout: Double = 10) throws -> String {
        for key in keys { sendKeys(key) }
        return try waitFor(text, timeout: timeout)
    }

    /// Waits until the screen contains `text`; returns that screen, or
    /// throws with the last screen seen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        do {
            return try waitUntil(timeout: timeout) { $0.contains(text) }
        } catch let error as TmuxError {
            throw TmuxError(description: "waited \(timeout)s for \"\(text)\": " + error.description)
        }
    }

    /// Waits until `predicate` holds for the captured screen; returns that
    /// screen, or throws with the last screen seen.
    @discardableResult
    public func waitUntil(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout * Self.patience)
        var screen = capture()
        while !predicate(screen) {
            if Date() >= deadline {
                throw TmuxError(description: "timed out; last screen:\n" + screen)
            }
            usleep(50_000)
            screen = capture()
        }
        return screen
    }

    /// Resizes the window (and so the pane): the program gets SIGWINCH.
    public func resize(width: Int, height: Int) {
        _ = try? Self.tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the pane's process (the command), nil once the session is gone.
    public func panePID() -> pid_t? {
        paneFormat("#{pane_pid}").flatMap { pid_t($0) }
    }

    /// True while the command in the pane is still running.
    public var isAlive: Bool { paneFormat("#{pane_dead}") == "0" }

    /// True while the program has the terminal's alternate screen on (curses is active).
    public var alternateScreenOn: Bool { paneFormat("#{alternate_on}") == "1" }

    /// True when the program left the cursor visible.
    public var cursorVisible: Bool { paneFormat("#{cursor_flag}") == "1" }

    /// The command's exit status once it has exited, else nil.
    public var exitStatus: Int? {
        guard paneFormat("#{pane_dead}") == "1" else { return nil }
        return paneFormat("#{pane_dead_status}").flatMap { Int($0) }
    }

    /// Ends the session and its command; safe to call more than once.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? Self.tmux(["kill-session", "-t", target])
    }

    /// The session's current pane, matched by exact session name.
    private var target: String { "=" + name + ":" }

    private func paneFormat(_ format: String) -> String? {
        guard let result = try? Self.tmux(["display-message", "-p", "-t", target, format]), result.status == 0 else {
            return nil
        }
        let value = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    private static let namedKeys: Set<String> = [
        "Enter", "Escape", "Tab", "BTab", "Space", "BSpace", "Up", "Down", "Left", "Right",
        "Home", "End", "PageUp", "PageDown", "PgUp", "PgDn", "PPage", "NPage", "IC", "DC", "Insert", "Delete",
    ]

    public static func isKeyName(_ key: String) -> Bool {
        if namedKeys.contains(key) { return true }
        if key.count >= 2, key.first == "F", let n = Int(key.dropFirst()), (1...12).contains(n) { return true }
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, ["C", "M", "S"].contains(String(parts[0])), !parts[1].isEmpty {
            return parts[1].count == 1 || isKeyName(String(parts[1]))
        }
        return false
    }

    /// Runs tmux on the private socket with the private config.
    @discardableResult
    public static func tmux(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        let result = try ChildProcess.run(tmuxPath, ["-L", socket, "-f", try configPath()] + args, environment: env)
        return (result.status, result.stdout, result.stderr)
    }

    /// True when a tmux binary is installed (tests are skipped without one).
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tmuxPath) }

    private static let tmuxPath: String = {
        for dir in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/tmux") {
            return dir + "/tmux"
        }
        return "/usr/bin/tmux"
    }()

    private static func configPath() throws -> String {
        let path = NSTemporaryDirectory() + "/clustertui-tmux-\(getpid()).conf"
        if !FileManager.default.fileExists(atPath: path) {
            let config = """
                set -g status off
                set -g remain-on-exit on
                set -g default-terminal xterm-256color
                set -g history-limit 100
                set -g escape-time 0
                set -g exit-empty on

                """
            try config.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return path
    }
}
