import ClusterGrid
import Foundation

/// What `Terminal.nextEvents` reports to the UI loop.
package enum TerminalEvent: Sendable, Equatable {
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
package struct TerminalOptions: Sendable {
    /// Capture the mouse (off by default: capture stops people copying text).
    package var mouse = false
    /// No colours: roles map to bold/reverse/underline/dim only.
    package var monochrome = false
    /// How long a lone ESC waits for the rest of an escape sequence: 25 ms
    /// (ncurses' default of 1 s made Esc laggy and merged Esc + a key typed
    /// within a second into an Alt-key), or `ESCDELAY` from the environment.
    package var escapeDelayMs = TerminalOptions.escapeDelay(ProcessInfo.processInfo.environment)

    package init(mouse: Bool = false, monochrome: Bool = false,
                 escapeDelayMs: Int = TerminalOptions.escapeDelay(ProcessInfo.processInfo.environment)) {
        self.mouse = mouse; self.monochrome = monochrome; self.escapeDelayMs = escapeDelayMs
    }

    /// `ESCDELAY` (milliseconds, 0…1000) when set and valid, else 25.
    package static func escapeDelay(_ environment: [String: String]) -> Int {
        guard let text = environment["ESCDELAY"], let ms = Int(text), (0...1000).contains(ms) else { return 25 }
        return ms
    }
}

/// Why the terminal could not be started.
package enum TerminalError: Error, CustomStringConvertible, Equatable {
    case unusable(String)
    case alreadyActive

    package var description: String {
        switch self {
        case .unusable(let message): message
        case .alreadyActive: "clustertui: the terminal is already in use by this process"
        }
    }
}
