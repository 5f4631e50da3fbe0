import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// Keys while a `/` filter prompt is open. Each table pane has its own
/// filter (issue 11): `/` opens the focused pane's. The query is re-parsed
/// and applied on every keystroke; a parse error, or a term that means
/// nothing for that pane, is shown and the last good query stays in force.
/// `Enter` keeps the filter and closes the prompt (not while the text has
/// an error: it stays, with the error shown), `Esc` clears it.
package enum FilterKeys {
    package static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        let pane = state.editingFilter ?? .instances
        let path = pane.filter
        switch key {
        case .enter:
            // A query with an error stays in the prompt: closed, the title would show it over
            // the rows of the last good query, which it does not match (found by a new user).
            if state[keyPath: path].error == nil { state[keyPath: path].editing = false }
        case .escape:
            clear(&state, pane)
        case _ where TextEditing.isEditingKey(key):
            let before = state[keyPath: path].text
            TextEditing.apply(key, to: &state[keyPath: path].text, limit: 200)
            if state[keyPath: path].text != before { apply(&state, pane) }
        default:
            _ = KeyHandling.moveCursor(&state, key)
        }
        return []
    }

    /// Opens the prompt of the focused pane's filter (each pane its own; the events pane's by words).
    package static func open(_ state: inout AppState) {
        state[keyPath: state.focus.filter].editing = true
    }

    package static func clear(_ state: inout AppState, _ pane: Pane) {
        state[keyPath: pane.filter] = FilterState()
        state.recompute(.filter)
        state[keyPath: pane.cursor] = TableCursor()
    }

    /// Parses the text; applies it when it parses, keeps the old query otherwise.
    package static func apply(_ state: inout AppState, _ pane: Pane) {
        let path = pane.filter
        switch FilterQuery.parse(state[keyPath: path].text) {
        case .success(let query):
            if pane == .events, let term = query.terms.first(where: { $0.field != nil }) {
                state[keyPath: path].error = "the events pane filters by words in the subject and message, not \(term.text)"
                return
            }
            if pane == .nodes, let term = query.firstInstanceOnlyTerm {
                state[keyPath: path].error = "\(term.text) filters instances, not nodes (2 or Tab: the instances pane)"
                return
            }
            state[keyPath: path].error = nil
            guard query != state[keyPath: path].query else { return }
            state[keyPath: path].query = query
            state.recompute(.filter)
            state[keyPath: pane.cursor].moveTo(0, count: pane.rowCount(state))
            state.clampCursors()
        case .failure(let error):
            state[keyPath: path].error = error.message
        }
    }
}
