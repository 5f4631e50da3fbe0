import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The changes view (`C`, issue 22): recorded binding changes, newest
/// first. `/` edits its filter (`by:`, `changed:<10m`, words), `Enter`
/// shows the changed instance in the instances pane.
package enum ChangesFlow {
    package static func key(_ state: inout AppState, _ list: inout ChangesList, _ key: Key) {
        if list.editing { return edit(&list, key) }
        let rows = list.rows(state)
        let page = max(1, state.height - 5)
        let last = max(0, rows.count - 1)
        let at = list.index(in: rows)
        switch key {
        case .up, .char("k"): list.selected = max(0, at - 1)
        case .down, .char("j"): list.selected = min(last, at + 1)
        case .pageUp: list.selected = max(0, at - page)
        case .pageDown: list.selected = min(last, at + page)
        case .home: list.selected = 0
        case .end: list.selected = last
        case .char("/"):
            list.editing = true
            return
        case .escape where list.filter != nil:
            list.filter = nil
            list.filterText = ""
        case .escape, .char("q"), .char("C"):
            state.overlays.close(.changes)
            return
        case .enter:
            guard at < rows.count else { return }
            let change = rows[at]
            state.overlays.removeAll()
            state.pendingSelect = PendingSelect(context: state.config.currentContext ?? state.config.label,
                                                subject: .instance(change.key))
            ProblemsFlow.selectPending(&state)
            return
        default: return
        }
        list.anchor = rows.indices.contains(list.selected) ? rows[list.selected] : nil
    }

    /// The filter prompt: the one text field's keys; Enter applies, Esc cancels.
    private static func edit(_ list: inout ChangesList, _ key: Key) {
        switch key {
        case .enter:
            switch ChangeFilter.parse(list.filterText) {
            case .success(let filter):
                list.filter = filter.isEmpty ? nil : filter
                list.error = nil
                list.editing = false
                list.selected = 0
                list.anchor = nil
            case .failure(let error):
                list.error = error.message
            }
        case .escape:
            list.editing = false
            list.error = nil
        default:
            TextEditing.apply(key, to: &list.filterText, limit: 200)
            list.error = nil
        }
    }
}
