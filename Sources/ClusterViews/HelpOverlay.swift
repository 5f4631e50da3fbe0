import ClusterGrid
import ClusterModel
import ClusterState

/// The help overlay: every key of `KeyMap` by section, then the filter syntax.
package enum HelpContent {

    package static func draw(_ state: AppState, into screen: inout Screen) {
        let lines = state.helpLineCount
        let frame = ModalFrame(screen: screen, width: 110, height: lines + 2)
        let overflow = max(0, lines - frame.innerHeight)
        let name = "Help · clustertui \(BuildInfo.version)"
        frame.draw(into: &screen, title: overflow > 0 ? "\(name) — ↑↓ PgUp PgDn scroll · other keys close" : "\(name) — any key closes")
        // Rows are laid out from 0 and shifted up by the scroll; the frame drops those outside it.
        var row = -min(state.helpScroll, overflow)
        if !state.canWrite {
            frame.line(&screen, row, "Read-only: rebind and reset are disabled; Enter shows details.",
                       style: TextStyle(role: .warning, bold: true))
            row += 2
        }
        for (title, keys) in state.helpSections {
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
