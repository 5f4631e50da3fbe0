import CNcurses
import ClusterGrid
import ClusterModel
import Glibc

/// The one owner of the terminal and the only code that calls curses
/// (htop's CRT.c): setup, colours, drawing a `Screen`, input, suspend and
/// teardown. Use it from one thread only (the UI loop's); `wake()` is the
/// one entry point safe from any thread or a signal handler.
///
/// Decisions:
/// - Raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys (`.ctrl("c")`…), so
///   quitting and suspending go through the app's key map like any key;
///   SIGINT/SIGTERM/SIGHUP sent from outside arrive as `.signal`.
/// - `newterm` rather than `initscr`, so a failure throws instead of exiting.
/// - Teardown (`stop`) runs once, from every exit: explicit call, `deinit`,
///   `atexit`, and crash signals (see `SignalBridge`).
package final class Terminal {
    /// Whether the locale's codeset is UTF-8; if not, the app draws ASCII glyphs.
    package let isUTF8: Bool
    /// True when colour pairs are in use (false: monochrome attributes).
    package let usesColor: Bool
    private let options: TerminalOptions
    private var stopped = false
    /// The cursor is shown (`--accessible`); see `placeCursor`.
    package var cursorShown = false
    /// curses attributes and pair per role, indexed by `StyleRole.rawValue`.
    package var roleAttrs: [attr_t] = []
    package var rolePairs: [Int16] = []
    /// Scratch space for one cell's wide-character string (no per-cell allocation).
    package let cellBuffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: 8)

    /// nil when the dashboard can run on this terminal; otherwise one line
    /// for stderr. Loads the terminfo entry without touching the terminal.
    /// `requireTTY: false` skips the isatty checks (for tests).
    package static func checkUsable(environment: [String: String], requireTTY: Bool = true) -> String? {
        let fallback = "use `clustertui get nodes` instead"
        let term = environment["TERM"] ?? ""
        let shown = TextSanitizer.visible(term)
        if term.isEmpty { return "clustertui: TERM is not set, so the dashboard cannot run; \(fallback)" }
        if term == "dumb" { return "clustertui: terminal \"dumb\" cannot run the dashboard; \(fallback)" }
        if requireTTY, isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            return "clustertui: the dashboard needs a terminal on standard input and output; \(fallback)"
        }
        switch term.withCString({ ctui_terminfo_status($0) }) {
        case 1: return nil
        case 0: return "clustertui: terminal \"\(shown)\" cannot run the dashboard (unknown or too limited); \(fallback)"
        default: return "clustertui: no terminfo database describes terminal \"\(shown)\"; \(fallback)"
        }
    }

    /// Takes over the terminal. Signal handlers are installed before curses
    /// starts, so curses does not install its own for SIGINT/SIGTERM/SIGWINCH.
    package init(options: TerminalOptions = TerminalOptions()) throws {
        self.options = options
        _ = setlocale(LC_ALL, "")
        isUTF8 = ctui_codeset_is_utf8() != 0
        guard !SignalBridge.cursesActive.load(ordering: .acquiring) else { throw TerminalError.alreadyActive }
        guard SignalBridge.prepare() else { throw TerminalError.unusable("clustertui: cannot create the wake-up pipe") }
        _ = Self.drainWakePipe()
        _ = SignalBridge.takePending()
        SignalBridge.install()
        guard ctui_newterm() != nil else {
            SignalBridge.restore()
            throw TerminalError.unusable("clustertui: cannot start curses on this terminal")
        }
        SignalBridge.cursesActive.store(true, ordering: .releasing)
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = ctui_keypad_on()
        _ = ctui_nodelay_on()
        _ = ctui_intrflush_off()
        _ = ctui_scrollok_off()
        _ = ctui_leaveok_on()
        _ = ctui_meta_on()
        _ = ctui_set_escdelay(Int32(max(0, min(options.escapeDelayMs, 1000))))
        _ = curs_set(0)
        usesColor = !options.monochrome && Self.startColor()
        configureRoles()
        if options.mouse {
            _ = ctui_enable_mouse()
            _ = mouseinterval(0)
        }
    }

    deinit {
        stop()
        cellBuffer.deallocate()
    }

    /// The terminal's size in columns and rows as curses knows it.
    package var size: (width: Int, height: Int) { (Int(ctui_cols()), Int(ctui_lines())) }

    /// Idempotent teardown: leaves curses, restores the signal actions. The
    /// wake pipe stays open (see `SignalBridge`).
    package func stop() {
        guard !stopped else { return }
        stopped = true
        if SignalBridge.cursesActive.load(ordering: .acquiring) { blankBottomRow() }
        SignalBridge.emergencyEndwin()
        SignalBridge.restore()
    }

    /// htop's exit: blank the bottom row before leaving curses. `endwin`
    /// leaves the cursor at the start of that row; on a terminal without an
    /// alternate screen (vt100, the linux console) the shell's next output
    /// would otherwise overprint the status line still shown there. With an
    /// alternate screen the row is thrown away anyway (a few bytes).
    private func blankBottomRow() {
        _ = attrset(0)
        _ = move(ctui_lines() - 1, 0)
        _ = clrtoeol()
        _ = refresh()
    }

    /// True once `stop()` has run.
    package var isStopped: Bool { stopped }

    /// True between init and `stop()`, and while no crash handler or
    /// `atexit` hook has ended curses behind our back: after that, drawing
    /// would put the terminal back into curses mode over the backtrace.
    package var isActive: Bool { !stopped && SignalBridge.cursesActive.load(ordering: .acquiring) }

    /// Wakes a `nextEvents` call blocked in poll(2). Safe from any thread and
    /// from a signal handler.
    package static func wake() { SignalBridge.poke(SignalBridge.wakeByte) }

    /// Writes a notification (bell, OSC 9 or OSC 777, issue 21) straight to
    /// the terminal between frames: curses' buffer is flushed first, and
    /// none of these sequences moves the cursor or changes what is drawn.
    package func notify(_ bytes: [UInt8]) {
        guard isActive, !bytes.isEmpty else { return }
        fflush(nil)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else { break }
            }
        }
    }

    /// Makes the next `present` repaint the whole terminal (Ctrl-L).
    package func forceRepaint() {
        guard isActive else { return }
        _ = ctui_clearok_on()
    }

    /// Ctrl-Z: gives the terminal back to the shell, stops the process, and
    /// on `fg` takes the terminal again and repaints everything.
    ///
    /// The stop is sent to this thread (`pthread_kill`), not the process
    /// group: a process-directed SIGTSTP may be picked up by another thread
    /// only after curses' own handler is back in place, and then the
    /// process never stops (seen in tmux). A thread-directed stop happens
    /// on return from the call, before the handler is restored. Outside job
    /// control (an orphaned process group) the kernel discards the stop and
    /// the screen is simply repainted.
    package func suspend() {
        guard isActive else { return }
        _ = endwin()
        var dfl = sigaction()
        var previous = sigaction()
        dfl.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&dfl.sa_mask)
        _ = sigaction(SIGTSTP, &dfl, &previous)
        _ = pthread_kill(pthread_self(), SIGTSTP)
        _ = sigaction(SIGTSTP, &previous, nil)
        _ = ctui_clearok_on()
        _ = ctui_wnoutrefresh()
        _ = doupdate()
        syncSizeWithKernel()
        Self.wake()
    }

    /// If the kernel's size differs from curses' (a resize while stopped, or
    /// a SIGWINCH), tells curses; returns true when the size changed.
    @discardableResult
    package func syncSizeWithKernel() -> Bool {
        var rows: Int32 = 0, cols: Int32 = 0
        guard ctui_winsize(STDOUT_FILENO, &rows, &cols) == 0 || ctui_winsize(STDIN_FILENO, &rows, &cols) == 0 else { return false }
        guard rows != ctui_lines() || cols != ctui_cols() else { return false }
        _ = resizeterm(rows, cols)
        return true
    }

    /// Empties the wake pipe; `wake` is true when a `wake()` byte was among them.
    @discardableResult
    package static func drainWakePipe() -> (wake: Bool, bytes: Int) {
        let fd = SignalBridge.wakeReadFD.load(ordering: .acquiring)
        guard fd >= 0 else { return (false, 0) }
        var sawWake = false
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 64) }
            if n <= 0 { break }
            total += n
            if buffer[0..<n].contains(SignalBridge.wakeByte) { sawWake = true }
        }
        return (sawWake, total)
    }
}
