import CNcurses
import Foundation

extension Terminal {
    /// Gives the terminal to another program for the length of `body` (a
    /// custom action in the foreground, issue 24), as Ctrl-Z does for the
    /// shell: curses ends (the screen and modes are restored), `body` runs,
    /// then the screen is taken back and repainted in full, at the size
    /// the terminal has now.
    package func stepAside<T>(_ body: () -> T) -> T {
        guard isActive else { return body() }
        _ = endwin()
        let result = body()
        _ = ctui_clearok_on()
        _ = ctui_wnoutrefresh()
        _ = doupdate()
        syncSizeWithKernel()
        Self.wake()
        return result
    }
}
