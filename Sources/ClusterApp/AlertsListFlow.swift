import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Keys of the alerts list (issue 21): move, acknowledge, snooze, go to the
/// node, close. Every acknowledgement and snooze is kept for the next start
/// (`Effect.saveAlertQuiet`).
package enum AlertsListFlow {
    package static func key(_ state: inout AppState, _ list: inout AlertsList, _ key: Key) -> [Effect] {
        let rows = state.alertRows
        var row = state.selectedAlertRow(list, in: rows)
        let moved = ListKeys.moved(key, at: row, count: rows.count, page: ListKeys.page(state.height))
        if let moved { row = moved }
        switch key {
        case .escape, .char("q"), .char("A"):
            state.overlays.close(.alerts)
            return []
        case .char("a"):
            guard rows.indices.contains(row) else { return [] }
            let alert = rows[row]
            state.alerts.acknowledge(alert.id, !alert.acknowledged)
            state.post(alert.acknowledged ? "\(alert.subject): acknowledgement taken back" : "\(alert.subject): acknowledged")
            return [.saveAlertQuiet(state.alerts.quietRecords)]
        case .char("z"):
            guard rows.indices.contains(row) else { return [] }
            let alert = rows[row]
            let remaining = alert.snoozedUntil.map { $0.timeIntervalSince(state.serverNow) }.flatMap { $0 > 0 ? $0 : nil }
            let next = AlertsList.nextSnooze(after: remaining)
            state.alerts.snooze(alert.id, until: next.map { state.serverNow.addingTimeInterval($0) })
            state.post(next.map { "\(alert.subject): snoozed for \(AgeFormat.compact($0))" } ?? "\(alert.subject): snooze off")
            return [.saveAlertQuiet(state.alerts.quietRecords)]
        case .enter:
            guard rows.indices.contains(row), rows[row].kind == .node || rows[row].kind == .flapping else { return [] }
            let name = rows[row].subject
            state.overlays.close(.alerts)
            selectNode(&state, named: name)
            return []
        default:
            // A moving key is stored below (every key returned here, so the selection never moved); any other does nothing.
            guard moved != nil else { return [] }
        }
        row = max(0, min(row, rows.count - 1))
        list.selectedID = rows.indices.contains(row) ? rows[row].id : nil
        return []
    }

    /// The node in the nodes pane, focused; its filter cleared if it hid it.
    private static func selectNode(_ state: inout AppState, named name: String) {
        if !state.derived.nodes.contains(where: { $0.name == name }), state.nodePane.filter.isActive { FilterKeys.clear(&state, .nodes) }
        guard let row = state.derived.nodes.firstIndex(where: { $0.name == name }) else {
            state.post("\(name) is not in the nodes pane (a folded ghost record? g shows them)", .notice)
            return
        }
        state.focus = .nodes
        state.nodePane.cursor.selected = row
        state.clampCursors()
    }
}
