import ClusterModel
import ClusterState
import Foundation

/// Alerts for the clusters polled in the background (issue 23): each
/// background context's overview goes through an alert engine of its own
/// (the open cluster's rules), so a node dying on a cluster nobody has open
/// still rings, notifies, runs the hook and is a line in the events pane,
/// named with its context; the fleet screen's ALERTS column counts them.
///
/// Decision: overview only — the instances-at-risk alert needs a cluster's
/// instance list, which is fetched only while that cluster is open, so it
/// does not fire for background clusters (their rows show the overview's
/// lower bound instead). Acknowledging is done in the cluster itself (`A`
/// once it is open): a switch hands its engine over, so nothing fires twice.
package enum FleetAlerts {
    package static func look(_ state: inout AppState, context: String) -> [Effect] {
        guard let entry = state.fleet.entries.first(where: { $0.name == context }),
              let input = input(entry, thresholds: state.config.thresholds, now: state.now) else { return [] }
        var engine = state.fleetAlerts[context] ?? AlertEngine(rules: state.config.alertRules)
        let notices = engine.evaluate(input)
        state.fleetAlerts[context] = engine
        guard !notices.isEmpty else { return [] }
        Polling.appendEvents(&state, notices.map { notice in
            var event = AlertsFlow.event(notice, at: state.serverNow)
            event.subject = "\(context) · \(event.subject)"
            event.context = context
            return event
        })
        var config = state.config
        config.label = context
        config.currentContext = context
        return notices.flatMap { AlertsFlow.deliveries($0, config) }
    }

    /// What the engine is shown for a background context: its last overview,
    /// at the moment it describes, or why there is none.
    static func input(_ entry: FleetEntry, thresholds: HeartbeatThresholds, now: Date) -> AlertInput? {
        switch entry.state {
        case .connecting:
            return nil
        case .stale(_, let error), .down(let error):
            var input = AlertInput(cluster: entry.name, now: entry.overviewAt ?? now, staleBecause: ErrorExcerpt.short(error, limit: 120))
            if case .unauthorized = error { input.unauthorized = true }
            return input
        case .live:
            guard let overview = entry.overview else { return nil }
            let at = entry.overviewAt ?? now
            var input = AlertInput(cluster: entry.name, now: at)
            input.nodes = overview.nodes.map { ($0, $0.health(now: at, thresholds: thresholds)) }
            input.defaultNode = overview.defaultNodeName
            let versions = entry.figures?.versions ?? []
            if versions.count > 1 { input.versions = versions.map { "\($0.version) (\($0.count))" } }
            return input
        }
    }
}
