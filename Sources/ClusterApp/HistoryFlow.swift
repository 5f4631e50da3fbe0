import ClusterModel
import ClusterState
import Foundation

/// The history half of `update` (issue 22): every good overview poll is
/// handed to the recorder, and its digest comes back to be shown.
package enum HistoryFlow {
    /// The sample for the poll just applied: values the state already
    /// holds (copy-on-write), so the UI thread copies nothing.
    package static func record(_ state: AppState) -> [Effect] {
        guard state.config.recordsHistory, let snapshot = state.snapshot, !state.isStale else { return [] }
        var sample = HistorySample(
            at: state.now, pollEvery: state.config.overviewInterval, nodes: snapshot.nodes,
            health: state.derived.healthSignature, assignments: snapshot.overview.assignments,
            bindingGeneration: snapshot.bindingGeneration, thresholds: state.thresholds,
            atRisk: snapshot.instancesKnown ? state.derived.instanceSummary?.atRisk : nil)
        sample.cluster = state.config.clusterURL
        sample.instanceCount = snapshot.instances.count
        return [.recordHistory(sample)]
    }

    /// A failed poll: the strips go on showing the time since the last good
    /// one as unknown, not frozen on the last states seen.
    package static func missed(_ state: AppState) -> [Effect] {
        guard state.config.recordsHistory, state.history != nil else { return [] }
        return [.historyClock(state.now)]
    }

    /// A new digest: strips and counts follow; a node that starts or stops
    /// flapping moves in the problems-first order and in `is:flapping`.
    package static func updated(_ state: inout AppState, _ digest: HistoryDigest) {
        let flappingBefore = state.history?.flapping ?? []
        // The gap graph is drawn only in node details: elsewhere a digest that moved only there draws nothing.
        let drawsTheSame = state.history.map { $0.drawsLike(digest) } ?? false
        var detailsOpen = false
        if case .nodeDetails? = state.topOverlay { detailsOpen = true }
        state.history = digest
        if !drawsTheSame || detailsOpen { state.historyRevision += 1 }
        if digest.flapping != flappingBefore { state.recompute(.overview) }
    }

    /// The store failed: said once, in the notice line and the events pane.
    package static func problem(_ state: inout AppState, _ text: String) {
        state.post(text, .warning, seconds: 10)
        Polling.appendEvents(&state, [ClusterEvent(time: state.serverNow, kind: .alertFired, severity: .warning,
                                                   subject: "history", message: text)])
    }
}
