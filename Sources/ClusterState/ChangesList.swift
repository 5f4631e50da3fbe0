import ClusterModel
import Foundation

/// The changes view's own state (issue 22): the selected row, anchored to
/// its change so new changes arriving on top do not move the selection, and
/// its filter (`by:`, `changed:<10m`, words) with the prompt that edits it.
package struct ChangesList: Sendable, Equatable {
    package var selected = 0
    package var anchor: BindingChange?
    package var filterText = ""
    package var editing = false
    package var filter: ChangeFilter?
    package var error: String?

    package init() {}

    /// The selected row's index in `rows`: the anchored change where it still is, else `selected` clamped.
    package func index(in rows: [BindingChange]) -> Int {
        if let anchor, let i = rows.firstIndex(of: anchor) { return i }
        return min(selected, max(0, rows.count - 1))
    }

    /// The recorded changes this view lists, newest first, filtered.
    package func rows(_ state: AppState) -> [BindingChange] {
        let all = state.history?.changes ?? []
        guard let filter, !filter.isEmpty else { return all }
        return all.filter { filter.matches($0, now: state.now) }
    }
}
