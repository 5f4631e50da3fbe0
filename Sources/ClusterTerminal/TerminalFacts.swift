import Foundation

/// What the terminal probe found (see `TerminalProbe`); plain data so the
/// verdicts can be tested for any terminal without having one.
package struct TerminalFacts: Sendable {
    /// The terminfo entry of `TERM`.
    package enum Terminfo: Sendable, Equatable {
        /// Not looked up (TERM unset or empty).
        case notChecked
        /// Loaded; `colors` is its `colors` capability (-1 when absent).
        case known(colors: Int)
        /// No entry for this name, or a generic one curses cannot drive.
        case unknown
        /// No terminfo database at all.
        case noDatabase
    }

    /// The environment variable that decides the locale (LC_ALL, LC_CTYPE, LANG).
    package struct LocaleSetting: Sendable, Equatable {
        package var name: String
        package var value: String
    }

    package var term: String?
    package var terminfo: Terminfo = .notChecked
    package var stdinIsTerminal = false
    package var stdoutIsTerminal = false
    package var size: (width: Int, height: Int)?
    package var noColor = false
    package var localeVariable: LocaleSetting?
    /// False when the locale the environment names is not installed here.
    package var localeLoads = true
    /// The codeset in force (`UTF-8`, `ANSI_X3.4-1968`…).
    package var codeset = ""
}
