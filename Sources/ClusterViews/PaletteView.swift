import ClusterGrid
import ClusterModel
import ClusterState

/// The `:` command palette (issue 24): the typed text on top, then the
/// matching entries, best first — kind, name, what it is or does, and the
/// key that does it too. Every server text is made visible, never obeyed.
package enum PaletteView {
    package static func draw(_ state: AppState, _ palette: Palette, into screen: inout Screen) {
        let frame = ModalFrame(screen: screen, width: 110, height: min(24, screen.height - 2))
        let count = palette.matches.count
        frame.draw(into: &screen, title: "Command palette — \(count == Palette.limit ? "\(count)+" : "\(count)") match\(count == 1 ? "" : "es") · Enter run · Esc close")
        frame.line(&screen, 0, ":", style: TextStyle(role: .keyHintKey, bold: true))
        frame.line(&screen, 0, DisplayWidth.tail(TextSanitizer.visible(palette.text), room: frame.innerWidth - 3) + "▏",
                   style: TextStyle(role: .input), indent: 2)
        if palette.text.isEmpty {
            frame.line(&screen, 1, state.paletteHistory.isEmpty ? "every action; type to find contexts, nodes, instances, filters"
                                                                 : "chosen before, newest first, then every action",
                       style: TextStyle(role: .dim))
        }
        let rows = max(0, frame.innerHeight - 3)
        guard count > 0 else {
            frame.line(&screen, 2, "nothing matches \(TextSanitizer.excerpt(palette.text, limit: 40))", style: TextStyle(role: .dim))
            return
        }
        let titleWidth = max(12, min(40, frame.innerWidth / 3))
        PickerList.draw(count: count, selected: palette.cursor.selected, rows: rows, frame: frame, into: &screen, top: 2, indent: 0) { index, selected in
            let entry = palette.matches[index]
            let kind = entry.kind.padding(toLength: 7, withPad: " ", startingAt: 0)
            let title = fit(TextSanitizer.visible(entry.title), titleWidth)
            let key = entry.key.map { "[\($0)] " } ?? ""
            let line = "\(selected ? "▶" : " ") \(kind)\(title)  \(key)\(TextSanitizer.visible(entry.detail))"
            return (line, selected ? TextStyle(role: .selection, bold: true) : TextStyle(role: .modal))
        }
    }

    /// `text` cut or padded to `width` cells.
    private static func fit(_ text: String, _ width: Int) -> String {
        let cells = DisplayWidth.of(text)
        if cells <= width { return text + String(repeating: " ", count: width - cells) }
        var out = "", used = 0
        for c in text {
            let w = DisplayWidth.of(String(c))
            if used + w > width - 1 { break }
            out.append(c); used += w
        }
        return out + "…" + String(repeating: " ", count: max(0, width - used - 1))
    }
}
