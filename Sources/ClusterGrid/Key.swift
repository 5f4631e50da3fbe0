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
