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

/// The wallboard's alert band (issue 21): what is loud, or ALL CLEAR.
package struct WallboardAlertBand: Sendable, Equatable {
    /// The worst loud severity; `nil`: nothing loud (ALL CLEAR).
    package var severity: AlertSeverity?
    /// `2 CRITICAL` / `1 WARNING` / `ALL CLEAR`.
    package var headline: String
    /// The loud alerts' texts, worst first; or what is acknowledged or snoozed.
    package var detail: String
}

extension AppState {
    /// The band: unacknowledged critical alerts first; warnings when there are
    /// only those (an ALL CLEAR over a late node would be false); ALL CLEAR
    /// only when nothing is loud.
    package var wallboardAlertBand: WallboardAlertBand {
        let now = serverNow
        let firing = alerts.firing
        let loud = firing.filter { $0.isLoud(now: now) }
        let quietCount = firing.count - loud.count
        guard let worst = loud.first?.severity else {
            return WallboardAlertBand(severity: nil, headline: "ALL CLEAR",
                                      detail: quietCount > 0 ? "\(quietCount) acknowledged or snoozed" : "")
        }
        let shown = loud.filter { $0.severity == worst }
        let word = worst == .critical ? "CRITICAL" : worst == .warning ? "WARNING" : "NOTICE"
        var detail = shown.prefix(6).map(\.text).joined(separator: " · ")
        if shown.count > 6 { detail += " · +\(shown.count - 6) more" }
        let others = loud.count - shown.count
        if others > 0 { detail += "  (+\(others) less severe)" }
        return WallboardAlertBand(severity: worst, headline: "\(shown.count) \(word)", detail: detail)
    }
}
