import ClusterGrid
import ClusterModel
import ClusterState

/// The `o` picker (issue 24): the focused table's columns with each one's
/// choice — `auto` shown when it fits, `on` before most others, `off` never.
package enum ColumnPickerView {
    package static func draw(_ state: AppState, _ picker: ColumnPicker, into screen: inout Screen) {
        let list = ColumnPicker.columns(picker.pane)
        let frame = ModalFrame(screen: screen, width: 64, height: list.count + 5)
        let table = picker.pane == .nodes ? "nodes" : "instances"
        frame.draw(into: &screen, title: "Columns of the \(table) table — Space changes · Esc close")
        frame.line(&screen, 0, "remembered for \(TextSanitizer.visible(state.config.label))", style: TextStyle(role: .dim))
        PickerList.draw(count: list.count, selected: picker.selected, rows: max(0, frame.innerHeight - 2), frame: frame,
                        into: &screen, top: 2, indent: 0) { index, selected in
            let column = list[index]
            let choice = state.columns.visibility(picker.pane, column.name)
            let word: String
            switch choice {
            case .auto: word = "auto  shown when it fits"
            case .on: word = "on    always, before most"
            case .off: word = "off   never"
            }
            let title = column.title.padding(toLength: 16, withPad: " ", startingAt: 0)
            let line = "\(selected ? "▶" : " ") \(title)\(word)\(column.identifying ? "  (never off)" : "")"
            let role: StyleRole = selected ? .selection : (choice == .off ? .dim : .modal)
            return (line, TextStyle(role: role, bold: selected || choice == .on))
        }
    }
}
