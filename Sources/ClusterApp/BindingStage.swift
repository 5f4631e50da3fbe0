import ClusterModel
import ClusterState
import Foundation

/// The derivation stage "an instance row shows the overview's binding"
/// (issue 19: one fact, one place). The overview is the only source of a
/// binding; the rows on screen are bound to a binding generation
/// (`ClusterSnapshot.bindingGeneration`). When the overview's bindings move
/// on, or a list arrives bound to older ones, `bindRows` re-derives the rows
/// off the UI thread and `rowsBound` swaps them in — if the rows and the
/// bindings are still those the job was made from.
package enum BindingStage {
    /// `bindRows` when the rows on screen show older bindings than the snapshot's.
    package static func bindIfNeeded(_ state: AppState) -> [Effect] {
        guard let snapshot = state.snapshot, snapshot.instancesKnown,
              let rows = state.derived.prepared, state.derived.preparedMatches(snapshot.instances),
              rows.boundTo != snapshot.bindingGeneration else { return [] }
        return [.bindRows(RowsToBind(rows: rows, source: snapshot.bindingSource))]
    }

    /// The rows bound off the UI thread: taken while still current, else dropped
    /// (the change that made them stale asked for a newer job itself).
    package static func rowsBound(_ state: inout AppState, _ bound: RowsBound) -> [Effect] {
        guard let current = state.snapshot, current.instancesKnown, bound.generation == current.bindingGeneration,
              bound.basis.sharesStorage(with: current.instances) else { return [] }
        guard let rows = bound.rows else {
            state.derived.prepared?.boundTo = bound.generation
            return []
        }
        state.retired.retire(current, state.derived.prepared)
        state.derived.prepared = rows
        // No events: the overview's diff already reported each binding change.
        Polling.apply(&state, current.replacing(instances: rows.instances, boundCount: rows.boundCount),
                      change: .instances, events: [])
        return []
    }

    /// After a write landed, the first overview asked for after it shows the
    /// new binding: say so, or say it does not. The overview, not the
    /// instance list, is where a binding lives.
    package static func checkPendingWrite(_ state: inout AppState, requestSent: Date) {
        guard let check = state.pendingCheck, requestSent >= check.since, let snapshot = state.snapshot else { return }
        state.pendingCheck = nil
        let listed = snapshot.instancesKnown ? snapshot.instances.first(where: { $0.key == check.key }) : nil
        if snapshot.instancesKnown && listed == nil {
            state.post("\(TextSanitizer.visible(check.key.entityId)) is no longer listed by the server", .warning)
            return
        }
        let name = TextSanitizer.visible(listed?.name ?? check.key.entityId)
        let row = snapshot.assignmentsByKey[check.key]
        if let node = check.nodeName, let mode = check.mode {
            if let row, row.nodeName == node, row.mode == mode {
                state.post("✓ confirmed: \(name) is bound to \(node) (\(mode))", .notice)
            } else {
                let shown = row.map { "\($0.nodeName) (\($0.mode))" } ?? "the default node"
                state.post("server shows \(name) on \(TextSanitizer.visible(shown)), not \(node)", .warning)
            }
        } else if row == nil {
            state.post("✓ confirmed: \(name) follows the default node (\(TextSanitizer.visible(snapshot.defaultNodeName)))", .notice)
        } else {
            state.post("server still shows an explicit binding for \(name)", .warning)
        }
    }
}
