import ClusterModel
import Foundation

/// One other context of the config file as the fleet screen knows it
/// (issue 23): polled in the background, overview only, on its own
/// schedule (every `Fleet.interval` seconds), with its own back-off.
package struct FleetEntry: Sendable, Equatable {
    package var name: String
    package var url: String
    package var poll: PollTracker
    package var state: ContextState = .connecting
    package var latency: TimeInterval?
    /// The answering node's clock less ours, when its reply had a `Date` header.
    package var clockSkew: TimeInterval?
    /// Its last good overview (kept, and shown as stale, while it fails) and
    /// the moment, on its clock, it describes: the row's figures and the
    /// problems view are derived from these.
    package var overview: Overview?
    package var overviewAt: Date?
    /// The row's figures, derived once from `overview` at `overviewAt` when
    /// it arrives (not per frame: twenty rows redrawn every second cost
    /// more than their polls).
    package var figures: FleetFigures?

    package init(name: String, url: String, firstDue: Date) {
        self.name = name; self.url = url
        poll = PollTracker(interval: Fleet.interval, firstDue: firstDue)
        poll.maxBackoff = 120
    }
}

/// Every other context, for the fleet screen. Background polls start when
/// the fleet is first opened (`F`, or `--fleet` at start) and go on from
/// then: the rows are live whenever the screen is opened again.
package struct Fleet: Sendable, Equatable {
    /// Seconds between a background context's overview polls.
    package static let interval: TimeInterval = 10
    package var entries: [FleetEntry] = []
    package var polling = false
    /// Background clusters' instance lists, only while a merged instance table or the problems view is open.
    package var instanceLists: [String: FleetInstanceList] = [:]
    /// Counts the background replies taken (the merged tables rebuild on it).
    package var revision = 0

    /// Starts the background polls of `contexts` (all but `current`, which the dashboard polls itself).
    package mutating func start(_ contexts: [ContextChoice], now: Date) {
        guard !polling else { return }
        polling = true
        entries = contexts.map { FleetEntry(name: $0.name, url: $0.url, firstDue: now) }
    }

    package func index(of name: String) -> Int? { entries.firstIndex { $0.name == name } }
}

extension AppState {
    /// Opens the fleet screen on the open cluster's row and starts the
    /// background polls (`F`, `--fleet`). Its rows are the config's contexts, in order.
    package mutating func openFleetScreen() {
        fleet.start(config.contexts, now: now)
        let current = config.contexts.firstIndex { $0.name == config.currentContext } ?? 0
        overlays.append(.fleet(FleetList(selected: current)))
    }
}

/// The fleet screen's overlay: the row under the cursor.
package struct FleetList: Sendable, Equatable {
    package var selected = 0
    package init(selected: Int = 0) { self.selected = selected }
}
