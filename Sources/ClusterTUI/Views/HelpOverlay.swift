import ClusterModel

/// Every key the dashboard takes, as data: the help overlay draws it and
/// the README repeats it. Keep the two in step.
enum HelpContent {
    static let sections: [(String, [(String, String)])] = [
        ("Move", [
            ("↑ ↓  j k", "move the selection"),
            ("PgUp PgDn  Ctrl-B Ctrl-F Space", "page"),
            ("Home End  G", "first / last row"),
            ("Tab  Shift-Tab", "next / previous pane (nodes, instances, events)"),
            ("1 2 3", "focus nodes / instances / events"),
        ]),
        ("Act", [
            ("Enter", "instance: rebind form · node: details"),
            ("e", "rebind the selected instance"),
            ("x", "reset the selected instance to the default node"),
            ("i", "details of the selected instance or node"),
            ("r", "refresh both endpoints now"),
        ]),
        ("View", [
            ("/", "filter the focused pane, live as you type (syntax below)"),
            ("Esc", "close / cancel / clear the filter"),
            ("s  S", "next sort column / reverse the sort"),
            ("g", "show or fold ghost node records"),
            ("t", "ages ↔ absolute UTC times"),
            ("Ctrl-L", "repaint the whole screen"),
            ("?  F1", "this help"),
            ("q  Ctrl-C", "quit (Ctrl-Z suspends)"),
        ]),
        ("In the rebind form", [
            ("type  ↑ ↓", "narrow and pick the target node"),
            ("← →  Space", "switch mode strict / preferred"),
            ("Tab", "next field"),
            ("Enter", "apply (risky targets ask y/n)"),
            ("Esc", "cancel"),
        ]),
    ]

    /// Lines of help text for this state (the read-only note adds two).
    static func lineCount(_ state: AppState) -> Int {
        sections.reduce(0) { $0 + $1.1.count + 2 } + FilterQuery.syntaxHelp.count + 1 + (state.canWrite ? 0 : 2)
    }

    static func draw(_ state: AppState, into screen: inout Screen) {
        let lines = lineCount(state)
        let frame = ModalFrame(screen: screen, width: 110, height: lines + 2)
        let overflow = max(0, lines - frame.innerHeight)
        frame.draw(into: &screen, title: overflow > 0 ? "Help — ↑↓ PgUp PgDn scroll · other keys close" : "Help — any key closes")
        // Rows are laid out from 0 and shifted up by the scroll; the frame drops those outside it.
        var row = -min(state.helpScroll, overflow)
        if !state.canWrite {
            frame.line(&screen, row, "Read-only: rebind and reset are disabled; Enter shows details.",
                       style: TextStyle(role: .warning, bold: true))
            row += 2
        }
        for (title, keys) in sections {
            frame.line(&screen, row, title, style: TextStyle(role: .title, bold: true))
            row += 1
            for (key, text) in keys {
                let used = frame.line(&screen, row, key, style: TextStyle(role: .keyHintKey, bold: true), indent: 2)
                frame.line(&screen, row, text, indent: max(used + 3, 34))
                row += 1
            }
            row += 1
        }
        frame.line(&screen, row, "Filter syntax", style: TextStyle(role: .title, bold: true))
        for line in FilterQuery.syntaxHelp {
            row += 1
            frame.line(&screen, row, line, indent: 2)
        }
    }
}
