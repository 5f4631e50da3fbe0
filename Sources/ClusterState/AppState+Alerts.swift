import ClusterModel
import Foundation

extension AppState {
    /// What the alert engine sees now (issue 21), or `nil` before anything
    /// is known (no data and no failure yet). Stale when the overview polls
    /// fail or are overdue; node healths as judged (`derived`), on the
    /// server's clock.
    package var alertInput: AlertInput? {
        let failing = overviewPoll.lastError
        if snapshot == nil, failing == nil { return nil }
        var input = AlertInput(cluster: config.label, now: serverNow)
        if isStale || snapshot == nil {
            let why = failing.map { ErrorExcerpt.short($0, limit: 120) } ?? "no reply for \(AgeFormat.compact(now.timeIntervalSince(overviewPoll.lastSuccess ?? now)))"
            input.staleBecause = why
            if case .unauthorized = failing { input.unauthorized = true }
            return input
        }
        guard let snapshot else { return input }
        let thresholds = self.thresholds
        input.nodes = snapshot.overview.nodes.map { ($0, derived.healthSignature[$0.name] ?? $0.health(now: observedAt, thresholds: thresholds)) }
        input.defaultNode = snapshot.defaultNodeName
        input.atRisk = snapshot.instancesKnown ? derived.instanceSummary?.atRisk : nil
        if let versions = derived.nodeSummary?.versions, versions.count > 1 {
            input.versions = versions.map { "\($0.version) (\($0.count))" }
        }
        return input
    }

    /// Loud alerts (firing, not acknowledged, not snoozed) per severity, for the header.
    package var loudAlerts: [AlertSeverity: Int] { alerts.loudCounts(now: serverNow) }
}
