import ClusterGrid
import ClusterModel
import ClusterState

/// The confirmation before a write on a protected context (issue 23): what
/// would be sent, and a field for the context's name.
package enum TypeNameView {
    package static func draw(_ state: AppState, _ confirm: TypeNameConfirm, into screen: inout Screen) {
        let name = TextSanitizer.visible(state.config.currentContext ?? state.config.label)
        let lines = confirm.lines
        let shown = Array(lines.prefix(6))
        let frame = ModalFrame(screen: screen, width: 90, height: shown.count + 8)
        frame.draw(into: &screen, title: "PROTECTED: \(name) — type its name to send · Esc: do not send")
        frame.line(&screen, 0, "This context is protected. About to send:", style: TextStyle(role: .error, bold: true))
        for (i, line) in shown.enumerated() { frame.line(&screen, 1 + i, "  " + line, style: TextStyle(role: .modal)) }
        if lines.count > shown.count {
            frame.line(&screen, 1 + shown.count, "  … and \(lines.count - shown.count) more", style: TextStyle(role: .dim))
        }
        let row = 3 + max(shown.count, lines.count > shown.count ? shown.count + 1 : shown.count)
        frame.line(&screen, row, "Type \(name) and press Enter: [\(confirm.text)█]", style: TextStyle(role: .input, bold: true))
        if let error = confirm.error { frame.line(&screen, row + 1, error, style: TextStyle(role: .error)) }
    }
}
