import ClusterGrid
import ClusterModel
import ClusterState

/// The `c` picker: each context of the config file with its URL and
/// whether a token file is there; the current and protected ones marked.
package enum ContextPickerView {
    package static func draw(_ state: AppState, _ picker: ContextPicker, into screen: inout Screen, glyphs: Glyphs) {
        let contexts = picker.shown(state.config.contexts)
        let frame = ModalFrame(screen: screen, width: 90, height: state.config.contexts.count + 6)
        frame.draw(into: &screen, title: "Switch context — type to narrow · ↑↓ pick · Enter switch · Esc cancel")
        frame.line(&screen, 0, "[\(picker.text)█]", style: TextStyle(role: .input))
        if contexts.isEmpty { frame.line(&screen, 2, "no context matches", style: TextStyle(role: .dim)) }
        for (index, context) in contexts.enumerated() {
            let row = index + 2
            let current = context.name == state.config.currentContext
            let mark = index == picker.selected ? glyphs.pointer : " "
            let token = context.hasToken ? "token" : "no token"
            // "protected" right after the name: a long URL is cut at the frame, the mark must not be.
            let text = "\(mark) \(context.name)\(current ? " (current)" : "")\(context.isProtected ? " · protected" : "")"
                + "  \(context.url)  · \(token)"
            let style = index == picker.selected ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal)
            frame.line(&screen, row, text, style: style)
            if index == picker.selected, row < frame.innerHeight { screen.cursor = ScreenPoint(x: frame.innerX, y: frame.innerY + row) }
        }
    }
}
