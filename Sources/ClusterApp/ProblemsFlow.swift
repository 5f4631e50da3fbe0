import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The problems view (`P`, issue 23): unhealthy nodes and instances at risk
/// of every cluster, most severe first, with their context. `Enter` opens
/// that cluster (a context switch when it is another) and selects the row
/// once its data is there.
package enum ProblemsFlow {
    package static func open(_ state: inout AppState) {
        // The other clusters' rows need their overviews: start the fleet's polls.
        if !state.config.contexts.isEmpty { state.fleet.start(state.config.contexts, now: state.now) }
        state.overlays.close(.problems)
        state.overlays.append(.problems(ProblemsList()))
    }

    package static func key(_ state: inout AppState, _ list: inout ProblemsList, _ key: Key) -> [Effect] {
        let rows = state.problemRows
        let at = list.index(in: rows)
        if let moved = ListKeys.moved(key, at: at, count: rows.count, page: ListKeys.page(state.height)) {
            list.selected = moved
            list.anchor = rows.indices.contains(moved) ? rows[moved] : nil
            return []
        }
        switch key {
        case .escape, .char("q"), .char("P"):
            state.overlays.close(.problems)
            return []
        case .enter:
            // The row the operator sees highlighted, even if the list re-sorted since.
            guard at < rows.count else { return [] }
            return jump(&state, to: PendingSelect(context: rows[at].context, subject: rows[at].subject))
        default: return []
        }
    }

    /// Opens `target`'s cluster (a context switch when it is another) and
    /// selects its row once it is listed (the problems view, the merged tables).
    package static func jump(_ state: inout AppState, to target: PendingSelect) -> [Effect] {
        state.overlays.removeAll()
        if target.subject != .cluster { state.pendingSelect = target }
        if target.context == (state.config.currentContext ?? state.config.label) {
            selectPending(&state)
            return []
        }
        return ContextSwitchFlow.switchTo(&state, target.context)
    }

    /// Selects the row chosen in the problems view once it is listed (called
    /// after every snapshot change); said when it is not there any more.
    package static func selectPending(_ state: inout AppState) {
        guard let pending = state.pendingSelect, pending.context == (state.config.currentContext ?? state.config.label),
              let snapshot = state.snapshot else { return }
        switch pending.subject {
        case .cluster:
            state.pendingSelect = nil
            return
        case .node(let name):
            state.pendingSelect = nil
            state.nodePane.filter = FilterState()
            state.recompute(.filter)
            guard let row = state.derived.nodes.firstIndex(where: { $0.name == name }) else {
                return state.post("\(TextSanitizer.visible(name)) is no longer listed", .notice)
            }
            state.focus = .nodes
            state.nodePane.cursor.moveTo(row, count: state.derived.nodes.count)
        case .instance(let key):
            guard snapshot.instancesKnown else { return }  // its list is on its way
            state.pendingSelect = nil
            state.instancePane.filter = FilterState()
            state.recompute(.filter)
            guard let row = state.derived.instanceRows.firstIndex(where: { snapshot.instances[$0].key == key }) else {
                return state.post("\(TextSanitizer.visible(key.description)) is no longer listed", .notice)
            }
            state.focus = .instances
            state.instancePane.cursor.moveTo(row, count: state.derived.instanceRows.count)
        }
        state.clampCursors()
    }
}
