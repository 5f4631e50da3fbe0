import CNcurses
import Glibc

/// What `clustertui doctor` learns about the terminal it runs in, without
/// starting curses: terminfo is loaded and freed again, the locale is set
/// from the environment only for as long as it takes to read its codeset.
/// Part of the terminal backend because it calls curses (terminfo).
package enum TerminalProbe {
    package static func facts(environment: [String: String]) -> TerminalFacts {
        var facts = TerminalFacts()
        facts.term = environment["TERM"]
        if let term = facts.term, !term.isEmpty {
            let status = term.withCString { ctui_terminfo_status($0) }
            facts.terminfo = status == 1 ? .known(colors: Int(term.withCString { ctui_terminfo_colors($0) }))
                : status == 0 ? .unknown : .noDatabase
        }
        facts.stdinIsTerminal = isatty(STDIN_FILENO) == 1
        facts.stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        facts.size = windowSize()
        facts.noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        facts.localeVariable = ["LC_ALL", "LC_CTYPE", "LANG"].lazy
            .compactMap { name in environment[name].flatMap { $0.isEmpty ? nil : (name, $0) } }
            .first.map { TerminalFacts.LocaleSetting(name: $0.0, value: $0.1) }
        (facts.localeLoads, facts.codeset) = localeCodeset()
        return facts
    }

    /// Columns and rows of the terminal on stdout, stdin or /dev/tty.
    private static func windowSize() -> (width: Int, height: Int)? {
        var rows: Int32 = 0, cols: Int32 = 0
        if ctui_winsize(STDOUT_FILENO, &rows, &cols) == 0 || ctui_winsize(STDIN_FILENO, &rows, &cols) == 0 {
            return (Int(cols), Int(rows))
        }
        let fd = open("/dev/tty", O_RDONLY | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return ctui_winsize(fd, &rows, &cols) == 0 ? (Int(cols), Int(rows)) : nil
    }

    /// Whether the environment's locale loads (`setlocale(LC_ALL, "")`) and
    /// the codeset that applies then; the process's locale is put back.
    private static func localeCodeset() -> (loads: Bool, codeset: String) {
        let saved = setlocale(LC_ALL, nil).map { String(cString: $0) } ?? "C"
        let loaded = setlocale(LC_ALL, "") != nil
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        _ = setlocale(LC_ALL, saved)
        return (loaded, codeset)
    }
}
