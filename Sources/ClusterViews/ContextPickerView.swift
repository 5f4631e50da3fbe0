import ClusterGrid
import ClusterModel
import ClusterState

/// The `c` picker: each context of the config file with its URL and
/// whether a token file is there; the current one marked.
package enum ContextPickerView {
    package static func draw(_ state: AppState, _ picker: ContextPicker, into screen: inout Screen, glyphs: Glyphs) {
        let contexts = state.config.contexts
        let frame = ModalFrame(screen: screen, width: 90, height: contexts.count + 4)
        frame.draw(into: &screen, title: "Switch context — ↑↓ pick · Enter switch · Esc cancel")
        for (row, context) in contexts.enumerated() {
            let current = context.name == state.config.currentContext
            let mark = row == picker.selected ? glyphs.pointer : " "
            let token = context.hasToken ? "token" : "no token"
            let text = "\(mark) \(context.name)\(current ? " (current)" : "")  \(context.url)  · \(token)"
            let style = row == picker.selected ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal)
            frame.line(&screen, row, text, style: style)
        }
    }
}
