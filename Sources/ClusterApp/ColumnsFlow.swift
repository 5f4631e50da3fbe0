import ClusterGrid
import ClusterModel
import ClusterState

/// `o`: which columns the focused table shows (issue 24). Each column is
/// `auto` (shown when the width allows, by its priority), `on` (laid out
/// before all but the identifying ones) or `off`; the choice applies at
/// once, is kept per cluster, and is written for the next run.
package enum ColumnsFlow {
    package static func open(_ state: inout AppState) {
        guard state.focus != .events else {
            state.post("o chooses the columns of the nodes or instances table (1, 2)", .notice)
            return
        }
        state.overlays.append(.columns(ColumnPicker(pane: state.focus)))
    }

    package static func key(_ state: inout AppState, _ picker: inout ColumnPicker, _ key: Key) -> [Effect] {
        let list = ColumnPicker.columns(picker.pane)
        switch key {
        case .escape, .enter, .char("q"), .char("o"):
            state.overlays.close(.columns)
            return []
        case .char(" "):
            guard list.indices.contains(picker.selected) else { return [] }
            let column = list[picker.selected]
            var choices = state.columns
            choices.set(picker.pane, column.name, choices.visibility(picker.pane, column.name).next(identifying: column.identifying))
            state.columnsByCluster[state.config.clusterURL] = choices
            state.clampCursors()
            return [.saveColumns(state.columnsByCluster)]
        default:
            if let moved = ListKeys.moved(key, at: picker.selected, count: list.count, page: 10) { picker.selected = moved }
            return []
        }
    }
}
