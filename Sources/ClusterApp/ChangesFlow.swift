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
        let at = list.index(in: rows)
        if let moved = ListKeys.moved(key, at: at, count: rows.count, page: ListKeys.page(state.height)) {
            list.selected = moved
            list.anchor = rows.indices.contains(moved) ? rows[moved] : nil
            return
        }
        switch key {
        case .char("/"):
            list.editing = true
            return
        case .escape where list.filter != nil:
            list.filter = nil
            list.filterText = ""
            list.anchor = nil
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
        default: return
        }
    }

    /// The filter prompt: the one text field's keys; Enter applies, Esc cancels.
    private static func edit(_ list: inout ChangesList, _ key: Key) {
        switch TextEditing.prompt(key, text: &list.filterText, limit: 200) {
        case .submit:
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
        case .cancel:
            list.editing = false
            list.error = nil
        case .edited: list.error = nil
        case .ignored: break
        }
    }
}
