import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The fleet screen (issue 23): every context of the config file in one
/// table; the current cluster's row from the dashboard's own polls, the
/// others from background overview polls (every 10 s, each on its own
/// schedule and back-off). `Enter` opens a cluster (a context switch);
/// `F` from any cluster comes back.
package enum FleetFlow {
    /// `F` (or `--fleet` at start): opens the screen and starts the background polls.
    package static func open(_ state: inout AppState) {
        guard !state.config.contexts.isEmpty else {
            state.post("no contexts in the config file (\(state.config.configPath)): add [contexts.NAME] tables", .notice)
            return
        }
        state.openFleetScreen()
    }

    package static func key(_ state: inout AppState, _ list: inout FleetList, _ key: Key) -> [Effect] {
        let rows = FleetRows.make(state)
        if let moved = ListKeys.moved(key, at: list.selected, count: rows.count, page: ListKeys.page(state.height)) {
            list.selected = moved
            return []
        }
        switch key {
        case .escape, .char("q"), .char("F"): state.overlays.close(.fleet)
        case .char("P"): ProblemsFlow.open(&state)
        case .char("n"): MergedFlow.open(&state, .nodes)
        case .char("i"): MergedFlow.open(&state, .instances)
        case .enter:
            guard list.selected < rows.count else { return [] }
            let row = rows[list.selected]
            state.overlays.close(.fleet)
            return row.isCurrent ? [] : ContextSwitchFlow.switchTo(&state, row.name)
        default: break
        }
        return []
    }

    /// The background overview polls that are due (never the current context's: the dashboard polls it).
    package static func duePolls(_ state: inout AppState) -> [Effect] {
        guard state.fleet.polling else { return [] }
        var effects: [Effect] = []
        for i in state.fleet.entries.indices {
            let entry = state.fleet.entries[i]
            guard entry.name != state.config.currentContext, entry.poll.isDue(state.now) else { continue }
            state.fleet.entries[i].poll.started(state.now)
            effects.append(.fetchFleetOverview(context: entry.name, previous: entry.poll.digest))
        }
        return effects
    }

    /// A background context's reply: its row's state and figures.
    package static func overviewFetched(
        _ state: inout AppState, context: String, _ result: Result<Fetched<Overview>, ClusterError>, latency: TimeInterval
    ) {
        guard let i = state.fleet.index(of: context) else { return }
        var entry = state.fleet.entries[i]
        switch result {
        case .success(let fetched):
            entry.poll.succeeded(at: state.now, latency: latency, digest: fetched.digest)
            entry.latency = fetched.roundTrip ?? latency
            if let date = fetched.serverDate,
               let skew = ClockSkew.estimate(serverDate: date, receivedAt: state.now, roundTrip: fetched.roundTrip ?? latency) {
                entry.clockSkew = skew
            }
            // An unchanged body is the same overview, older: its heartbeats have aged (a cluster
            // whose nodes all stopped sends the same bytes at every poll).
            if let overview = fetched.value { entry.overview = overview }
            entry.overviewAt = fetched.serverDate ?? state.now
            entry.figures = entry.overview.map {
                FleetFigures(overview: $0, now: entry.overviewAt ?? state.now, thresholds: state.config.thresholds)
            }
            entry.state = .live
        case .failure(let error):
            entry.poll.failed(at: state.now, error: error, random: &state.random)
            // Figures once known stay, as of the last good poll, and say so.
            if let last = entry.poll.lastSuccess, entry.overview != nil {
                entry.state = .stale(since: last, error)
            } else {
                entry.state = .down(error)
            }
        }
        state.fleet.entries[i] = entry
        state.fleet.revision += 1
    }
}
