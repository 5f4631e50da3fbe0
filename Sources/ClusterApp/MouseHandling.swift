import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The opt-in mouse (`--mouse`, issue 11): a click on a row focuses its
/// pane and selects the row, a click on a pane's title focuses it, and the
/// wheel scrolls the pane under the pointer (three rows a notch) without
/// moving the focus. Only the main screen takes the mouse; the wallboard,
/// overlays and the filter prompt ignore it.
package enum MouseHandling {
    package static let wheelRows = 3

    package static func handle(_ state: inout AppState, x: Int, y: Int, button: MouseButton) -> [Effect] {
        guard state.keyContext == .main else { return [] }
        guard let (pane, row) = hit(state, y: y) else { return [] }
        switch button {
        case .left:
            state.focus = pane
            if let row { select(&state, pane, row) }
        case .scrollUp, .scrollDown:
            state.move(pane, by: button == .scrollUp ? -wheelRows : wheelRows)
        case .middle, .right, .other:
            break
        }
        return []
    }

    /// The pane at screen row `y`, and the list row under it (nil on its title or column header).
    package static func hit(_ state: AppState, y: Int) -> (Pane, Int?)? {
        let layout = Layout(state: state)
        // The status line is the key bar's, whatever a pane at the minimum height reaches down to.
        guard !layout.tooSmall, state.snapshot != nil, y < layout.statusRow else { return nil }
        func inTable(_ top: Int, _ rows: Int, _ offset: Int, _ count: Int, _ pane: Pane) -> (Pane, Int?)? {
            guard pane.isShown(layout), y >= top, y < top + 2 + rows else { return nil }
            guard y >= top + 2 else { return (pane, nil) }
            let row = offset + (y - top - 2)
            return (pane, row < count ? row : nil)
        }
        if let hit = inTable(layout.nodesTop, layout.nodeRows, state.nodePane.cursor.offset, state.derived.nodes.count, .nodes) {
            return hit
        }
        if let hit = inTable(layout.instancesTop, layout.instanceRows, state.instancePane.cursor.offset,
                             state.derived.instanceRows.count, .instances) {
            return hit
        }
        if Pane.events.isShown(layout), layout.eventRows > 0, y >= layout.eventsTop, y <= layout.eventsTop + layout.eventRows {
            guard y > layout.eventsTop else { return (.events, nil) }
            var cursor = state.eventPane.cursor
            cursor.clamp(count: state.shownEvents.count, rows: layout.eventRows)
            let row = cursor.offset + (y - layout.eventsTop - 1)
            return (.events, row < state.shownEvents.count ? row : nil)
        }
        return nil
    }

    private static func select(_ state: inout AppState, _ pane: Pane, _ row: Int) {
        let count = pane.rowCount(state)
        state[keyPath: pane.cursor].moveTo(row, count: count)
        state[keyPath: pane.cursor].clamp(count: count, rows: pane.visibleRows(Layout(state: state)))
    }
}
