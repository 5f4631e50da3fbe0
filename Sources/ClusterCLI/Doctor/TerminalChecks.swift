import ClusterTerminal


/// The terminal checks of `clustertui doctor`: TERM, colours, locale, size
/// and whether stdin and stdout are terminals. Verdicts follow what the
/// dashboard does (`Terminal.checkUsable`, the ASCII fallback, the
/// too-small notice), so doctor explains what the operator will see.
enum TerminalChecks {
    static let suggestedTerm = "xterm-256color"

    static func lines(_ facts: TerminalFacts) -> [DoctorLine] {
        [tty(facts), term(facts), colours(facts), locale(facts), size(facts)].compactMap { $0 }
    }

    static func tty(_ f: TerminalFacts) -> DoctorLine {
        switch (f.stdinIsTerminal, f.stdoutIsTerminal) {
        case (true, true): return .ok("terminal", "standard input and output are terminals")
        case (true, false):
            return .warn("terminal", "standard output is not a terminal (a pipe or a file): fine for doctor, "
                + "but the dashboard needs one; run `clustertui` without redirecting its output")
        case (false, _):
            return .warn("terminal", "standard input is not a terminal: the dashboard needs one; "
                + "over SSH run `ssh -t HOST clustertui` (a command given to ssh gets no terminal without -t)")
        }
    }

    static func term(_ f: TerminalFacts) -> DoctorLine {
        let name = f.term ?? ""
        let fix = "export TERM=\(suggestedTerm) (or the name of the terminal you use)"
        if name.isEmpty {
            return .fail("TERM", "TERM is not set, so the dashboard cannot run; \(fix); over SSH use `ssh -t`")
        }
        if name == "dumb" {
            return .fail("TERM", "TERM=dumb cannot run the dashboard (`clustertui get` works there); \(fix)")
        }
        switch f.terminfo {
        case .known, .notChecked:
            return .ok("TERM", "TERM=\(name) is described by terminfo")
        case .unknown:
            return .fail("TERM", "TERM=\(name) has no terminfo entry on this machine, so the dashboard cannot run; "
                + "install ncurses-term, copy the entry (`infocmp -x \(name) | ssh HOST tic -x -`) or \(fix)")
        case .noDatabase:
            return .fail("TERM", "no terminfo database on this machine describes TERM=\(name); install ncurses-base "
                + "(or set TERMINFO to a directory that has it)")
        }
    }

    static func colours(_ f: TerminalFacts) -> DoctorLine? {
        if f.noColor {
            return .ok("colours", "NO_COLOR is set: the dashboard draws in monochrome (bold, reverse, underline)")
        }
        guard case .known(let colors) = f.terminfo else { return nil }
        if colors >= 8 { return .ok("colours", "\(colors) colours") }
        return .warn("colours", "TERM=\(f.term ?? "") has no colours: health and risk are drawn bold, reverse and "
            + "underlined instead; if your terminal does colour, export TERM=\(suggestedTerm)")
    }

    static func locale(_ f: TerminalFacts) -> DoctorLine {
        let named = f.localeVariable.map { "\($0.name)=\($0.value)" } ?? "LANG, LC_CTYPE and LC_ALL are unset"
        let utf8 = ["utf-8", "utf8"].contains(f.codeset.lowercased())
        if !f.localeLoads {
            return .warn("locale", "\(named) names a locale not installed here, so the C locale applies and the "
                + "dashboard draws ASCII glyphs (-> for arrows, | and - for lines); export LANG=C.UTF-8, "
                + "or install that locale (locale-gen)")
        }
        if utf8 { return .ok("locale", "\(named): UTF-8, full glyphs") }
        return .warn("locale", "\(named) gives codeset \(f.codeset.isEmpty ? "unknown" : f.codeset), not UTF-8: "
            + "the dashboard draws ASCII glyphs (-> for arrows, | and - for lines); export LANG=C.UTF-8 for the full ones")
    }

    static func size(_ f: TerminalFacts) -> DoctorLine {
        guard let size = f.size else {
            return .warn("size", "unknown: no terminal to measure (the dashboard needs at least 30x8)")
        }
        let text = "\(size.width)x\(size.height)"
        if size.width < 30 || size.height < 8 {
            return .warn("size", "\(text) is below the dashboard's minimum of 30x8: it shows a notice until the "
                + "window grows")
        }
        if size.width < 80 || size.height < 24 {
            return .warn("size", "\(text): the dashboard runs, with fewer columns and rows; 80x24 or more shows "
                + "the main ones")
        }
        return .ok("size", text)
    }
}
