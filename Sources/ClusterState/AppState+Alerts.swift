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

/// The wallboard's alert band (issue 21): what is loud, what is about to
/// be, or ALL CLEAR.
package struct WallboardAlertBand: Sendable, Equatable {
    /// The worst loud severity; `nil`: nothing loud (ALL CLEAR, or pending).
    package var severity: AlertSeverity?
    /// `2 CRITICAL` / `1 WARNING` / `1 PENDING` / `ALL CLEAR`.
    package var headline: String
    /// The loud alerts' texts, worst first; the pending ones' with when
    /// they alert; or what is acknowledged or snoozed.
    package var detail: String
    /// Nothing is loud, but a condition is holding before it alerts: not
    /// ALL CLEAR (the AT RISK count above it may already read 3).
    package var pending = false
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
        let quiet = quietCount > 0 ? "\(quietCount) acknowledged or snoozed" : ""
        guard let worst = loud.first?.severity else {
            return pendingBand(now: now, quiet: quiet)
                ?? WallboardAlertBand(severity: nil, headline: "ALL CLEAR", detail: quiet)
        }
        let shown = loud.filter { $0.severity == worst }
        let word = worst == .critical ? "CRITICAL" : worst == .warning ? "WARNING" : "NOTICE"
        var detail = shown.prefix(6).map(\.text).joined(separator: " · ")
        if shown.count > 6 { detail += " · +\(shown.count - 6) more" }
        let others = loud.count - shown.count
        if others > 0 { detail += "  (+\(others) less severe)" }
        return WallboardAlertBand(severity: worst, headline: "\(shown.count) \(word)", detail: detail)
    }

    /// Conditions holding before they alert (instances at risk for 15 s, a
    /// version skew for 5 min), worst and soonest first, each with the time
    /// left before it alerts if it lasts.
    private func pendingBand(now: Date, quiet: String) -> WallboardAlertBand? {
        let rules = alerts.rules
        let pending = alerts.alerts.values
            .filter { !$0.isFiring && !rules.disabled.contains($0.kind) }
            .map { (alert: $0, left: $0.since.addingTimeInterval(rules.hold($0.kind)).timeIntervalSince(now)) }
            .sorted { ($0.alert.severity, $1.left, $1.alert.subject) > ($1.alert.severity, $0.left, $0.alert.subject) }
        guard !pending.isEmpty else { return nil }
        var detail = pending.prefix(4).map { alert, left in
            alert.text + (left >= 1 ? " (alerts in \(AgeFormat.compact(left)))" : "")
        }.joined(separator: " · ")
        if pending.count > 4 { detail += " · +\(pending.count - 4) more" }
        if !quiet.isEmpty { detail += "  (\(quiet))" }
        return WallboardAlertBand(severity: nil, headline: "\(pending.count) PENDING", detail: detail, pending: true)
    }
}
