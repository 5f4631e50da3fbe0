import Foundation

/// One key press, decoded from curses into the names the app's key maps use.
/// Control keys that have a name of their own (Enter = C-m, Tab = C-i,
/// Backspace = C-h / DEL, Escape = C-[) are reported by that name; every
/// other control key is `.ctrl` with its lower-case letter (`.ctrl("c")`).
package enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    case ctrl(Character)
    /// A curses key code with no name here (kept so it can be logged).
    case unknown(Int32)
}

/// Which mouse button (or wheel direction) an event reports.
package enum MouseButton: Hashable, Sendable {
    case left, middle, right, scrollUp, scrollDown, other
}

/// What `Terminal.nextEvents` reports to the UI loop.
enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    /// The terminal's new size; several resizes in one batch arrive as one.
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP was delivered to the process.
    case signal(Int32)
    /// The terminal went away (EOF, POLLHUP): the app should exit.
    case hangup
    /// `Terminal.wake()` was called (a network result is waiting).
    case wake
    case mouse(x: Int, y: Int, button: MouseButton)
}

/// How the terminal is set up.
struct TerminalOptions: Sendable {
    /// Capture the mouse (off by default: capture stops people copying text).
    var mouse = false
    /// No colours: roles map to bold/reverse/underline/dim only.
    var monochrome = false
    /// How long a lone ESC waits for the rest of an escape sequence: 25 ms
    /// (ncurses' default of 1 s made Esc laggy and merged Esc + a key typed
    /// within a second into an Alt-key), or `ESCDELAY` from the environment.
    var escapeDelayMs = TerminalOptions.escapeDelay(ProcessInfo.processInfo.environment)

    /// `ESCDELAY` (milliseconds, 0…1000) when set and valid, else 25.
    static func escapeDelay(_ environment: [String: String]) -> Int {
        guard let text = environment["ESCDELAY"], let ms = Int(text), (0...1000).contains(ms) else { return 25 }
        return ms
    }
}

/// Why the terminal could not be started.
enum TerminalError: Error, CustomStringConvertible, Equatable {
    case unusable(String)
    case alreadyActive

    var description: String {
        switch self {
        case .unusable(let message): message
        case .alreadyActive: "clustertui: the terminal is already in use by this process"
        }
    }
}
