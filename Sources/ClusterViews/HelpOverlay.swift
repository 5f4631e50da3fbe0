import ClusterGrid
import ClusterModel
import ClusterState

/// The help overlay: every key of `KeyMap` by section, then the filter syntax.
package enum HelpContent {

    package static func draw(_ state: AppState, into screen: inout Screen) {
        let lines = state.helpLines
        let frame = ModalFrame(screen: screen, width: HelpLine.frameWidth, height: lines.count + 2)
        let overflow = max(0, lines.count - frame.innerHeight)
        let name = "Help · clustertui \(BuildInfo.version)"
        frame.draw(into: &screen, title: overflow > 0 ? "\(name) — ↑↓ PgUp PgDn scroll · other keys close" : "\(name) — any key closes")
        // Rows are laid out from 0 and shifted up by the scroll; the frame drops those outside it.
        let top = -min(state.helpScroll, overflow)
        for (index, line) in lines.enumerated() {
            let row = top + index
            switch line {
            case .title(let text): frame.line(&screen, row, text, style: TextStyle(role: .title, bold: true))
            case .warning(let text): frame.line(&screen, row, text, style: TextStyle(role: .warning, bold: true))
            case .key(let key, let text, let indent):
                frame.line(&screen, row, key, style: TextStyle(role: .keyHintKey, bold: true), indent: 2)
                frame.line(&screen, row, text, indent: indent)
            case .more(let text, let indent): frame.line(&screen, row, text, indent: indent)
            case .blank: break
            }
        }
    }
}
