import ClusterGrid
import ClusterModel
import ClusterState

/// The bottom line: the filter prompt while typing, else a notice, else
/// the key hints for the focused pane.
package enum StatusLine {
    package static func draw(_ state: AppState, into screen: inout Screen, row: Int) {
        let width = screen.width
        screen.fill(x: 0, y: row, width: width, height: 1, style: TextStyle(role: .keyHint))
        let pane: Pane? = state.editingFilter
            ?? (state.nodePane.filter.error != nil ? .nodes : (state.instancePane.filter.error != nil ? .instances : nil))
        if let pane {
            let filter = state[keyPath: pane.filter]
            // Says which pane it filters: "/ instances: bro".
            var x = screen.put("/ ", x: 0, y: row, maxWidth: width, style: TextStyle(role: .keyHintKey, bold: true))
            x += screen.put(pane == .nodes ? "nodes: " : "instances: ", x: x, y: row, maxWidth: width - x,
                            style: TextStyle(role: .keyHint, bold: true))
            // A long query shows its end, where the cursor is, and leaves room for its error.
            let errorRoom = filter.error.map { min(40, DisplayWidth.of($0) + 2) } ?? 0
            let shown = DisplayWidth.tail(TextSanitizer.visible(filter.text), room: max(8, width - x - 1 - errorRoom))
            x += screen.put(shown, x: x, y: row, maxWidth: width - x, style: TextStyle(role: .input))
            if filter.editing {
                screen.cursor = ScreenPoint(x: x, y: row)
                x += screen.put("█", x: x, y: row, maxWidth: width - x, style: TextStyle(role: .input))
            }
            if let error = filter.error {
                screen.put("  " + error, x: x, y: row, maxWidth: width - x, style: TextStyle(role: .error, bold: true))
            } else if filter.editing {
                screen.put("  Enter keep · Esc clear", x: x, y: row, maxWidth: width - x, style: TextStyle(role: .keyHint))
            }
            return
        }
        if let notice = state.notice {
            screen.put(" " + notice.text, x: 0, y: row, maxWidth: width, style: TextStyle(role: Roles.severity(notice.severity), bold: true))
            return
        }
        var x = 0
        // A screen's own bar skips a hint too long for what is left (Esc may still fit after it);
        // the main screen's stops there, its hints being in order of use.
        let skips = state.keyScreen.map(ScreenKeys.of)?.ownsKeyBar == true
        for (key, label) in hints(state) {
            // A hint is drawn whole or not at all (issue 11: no cut words).
            guard x + DisplayWidth.of(" \(key) \(label)") <= width else {
                if skips { continue } else { break }
            }
            x += screen.put(" " + key, x: x, y: row, maxWidth: width - x, style: TextStyle(role: .keyHintKey, bold: true))
            x += screen.put(" " + label, x: x, y: row, maxWidth: width - x, style: TextStyle(role: .keyHint))
        }
    }

    /// The key bar's hints: the screen's own keys when it covers the panes
    /// (`ScreenKeys.ownsKeyBar`), else `KeyMap`'s. A screen's own bar puts
    /// Enter and Esc first and the arrow keys last: everyone knows the
    /// arrows, and at 80 columns their long row crowded out the way out.
    /// It shows each row's short `bar` word and first key, not the help's
    /// sentence: with sentences, 80 columns held two hints of six.
    package static func hints(_ state: AppState) -> [(String, String)] {
        if let screen = state.keyScreen.map(ScreenKeys.of), screen.ownsKeyBar {
            let rank = { (row: ScreenKeyRow) in
                row.keys.contains(.enter) ? 0 : row.keys.contains(.escape) ? 1 : row.isMovement ? 3 : 2
            }
            // Typing needs no hint: the field's cursor says it.
            let ordered = screen.rows.enumerated().filter { !$0.element.keys.isEmpty }
                .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            return ordered.map { ($0.element.barKey, $0.element.bar ?? $0.element.help) }
        }
        return state.config.keys.hints(state)
    }
}
