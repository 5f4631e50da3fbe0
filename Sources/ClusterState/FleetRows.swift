import ClusterModel
import ClusterWrites
import Foundation

/// One row of the fleet screen: a context, its state with the cause, and
/// what its overview shows (issue 23).
package struct FleetRow: Sendable, Equatable {
    package var name: String
    package var url: String
    /// The cluster the dashboard has open: its row comes from the dashboard's own polls.
    package var isCurrent: Bool
    package var state: ContextState
    package var figures: FleetFigures?
    /// Instances at risk: the full count when the open cluster's list is
    /// loaded (`atRiskIsFull`), else the overview's lower bound.
    package var atRisk: Int?
    package var atRiskIsFull = false
    /// Unacknowledged loud alerts: the open cluster's engine, or the
    /// background engine of another (`FleetAlerts`, from its overviews).
    package var alerts: Int?
    package var latency: TimeInterval?
    package var clockSkew: TimeInterval?
    /// When its last good poll was.
    package var lastGood: Date?
    /// `protected = true` in the config file, or the open cluster connected as protected.
    package var isProtected = false
    /// Its colour from the config file, if any.
    package var color: String?

    /// Its name after the protected mark when its context is protected: the
    /// fleet screen and the fleet wallboard say it alike, the mark first (a
    /// long name is cut at the column's width; the mark must not be).
    package func markedName(_ glyphs: Glyphs) -> String { isProtected ? glyphs.protected + " " + name : name }

    /// Whether anything in the row needs an eye: not live, a node in
    /// trouble, an instance at risk, a loud alert.
    package var hasProblem: Bool {
        if state != .live { return true }
        return (figures?.problemNodes ?? 0) > 0 || (atRisk ?? 0) > 0 || (alerts ?? 0) > 0
    }
}

/// The fleet screen's rows, in the config file's (name) order: a cursor
/// never jumps because another cluster's state changed.
package enum FleetRows {
    package static func make(_ state: AppState) -> [FleetRow] {
        state.config.contexts.map { choice in
            var row = self.row(state, choice)
            row.isProtected = choice.isProtected || (row.isCurrent && state.config.isProtected)
            row.color = choice.color
            return row
        }
    }

    /// One context's row: the open cluster's from the dashboard's state, another's from its background polls.
    private static func row(_ state: AppState, _ choice: ContextChoice) -> FleetRow {
        if choice.name == state.config.currentContext { return current(state, choice) }
        guard let entry = state.fleet.entries.first(where: { $0.name == choice.name }) else {
            return FleetRow(name: choice.name, url: choice.url, isCurrent: false, state: .connecting)
        }
        // Derived from its last good overview at the moment it describes, once, when it arrived.
        let figures = entry.figures
        return FleetRow(
            name: entry.name, url: entry.url, isCurrent: false, state: entry.state, figures: figures,
            atRisk: figures?.atRiskFromOverview,
            alerts: state.fleetAlerts[entry.name].map { $0.loudCounts(now: state.serverNow).values.reduce(0, +) },
            latency: entry.latency, clockSkew: entry.clockSkew, lastGood: entry.poll.lastSuccess)
    }

    /// The open cluster's state, from the dashboard's own polls.
    package static func openClusterState(_ state: AppState) -> ContextState {
        let poll = state.overviewPoll
        if let error = poll.lastError { return poll.lastSuccess.map { .stale(since: $0, error) } ?? .down(error) }
        if state.isStale, let last = poll.lastSuccess {
            return .stale(since: last, .timedOut("no reply for \(Int(state.now.timeIntervalSince(last))) s"))
        }
        return poll.lastSuccess == nil ? .connecting : .live
    }

    /// The open cluster, from the dashboard's state.
    private static func current(_ state: AppState, _ choice: ContextChoice) -> FleetRow {
        let poll = state.overviewPoll
        // The server it is talking to (the file's, written as --url gave it when both were given).
        let url = state.config.clusterURL == ClusterIdentity.embedded ? choice.url : state.config.clusterURL
        var row = FleetRow(name: choice.name, url: url, isCurrent: true, state: openClusterState(state),
                           latency: poll.lastLatency, clockSkew: state.clockSkew, lastGood: poll.lastSuccess)
        if let snapshot = state.snapshot {
            let figures = FleetFigures(overview: snapshot.overview, now: state.observedAt, thresholds: state.thresholds)
            row.figures = figures
            if snapshot.instancesKnown, let summary = state.derived.instanceSummary {
                row.atRisk = summary.atRisk
                row.atRiskIsFull = true
            } else {
                row.atRisk = figures.atRiskFromOverview
            }
        }
        row.alerts = state.loudAlerts.values.reduce(0, +)
        return row
    }
}
