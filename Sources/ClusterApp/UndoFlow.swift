import ClusterModel
import ClusterState
import ClusterWrites
import Foundation

/// `u`: undo the last batch applied to this cluster (issue 10). The runner
/// reads the journal; the plan view shows the inverse moves and applies
/// them like any plan, after a confirmation.
package enum UndoFlow {
    package static func start(_ state: inout AppState) -> [Effect] {
        guard state.canWrite else { state.post("read-only: undo is disabled", .notice); return [] }
        guard state.snapshot != nil else { state.post("no cluster data yet", .notice); return [] }
        guard state.switchingTo == nil else { state.post("switching context: undo waits until it is done", .notice); return [] }
        guard state.runningBatch == nil else { state.post("a batch is being applied: undo after its summary", .notice); return [] }
        state.post("reading the journal…")
        return [.loadUndo]
    }

    package static func loaded(_ state: inout AppState, _ result: Result<JournalBatch, PlanError>) {
        switch result {
        case .failure(let error):
            // Not "nothing to undo": a damaged line means there may be more than can be picked.
            state.post("cannot undo: \(error.description)", .notice)
        case .success(let batch):
            guard let inputs = BulkFlow.planInputs(state) else { return }
            let writes = JournalEntries.undoable(batch)
            guard !writes.isEmpty else { return state.post("batch \(batch.id) has no applied writes to undo", .notice) }
            let plan = PlanBuilder.undo(writes, of: batch.id, inputs: inputs, stamp: BulkFlow.planStamp(&state))
            state.notice = nil
            PlanReviewFlow.open(&state, plan)
        }
    }
}
