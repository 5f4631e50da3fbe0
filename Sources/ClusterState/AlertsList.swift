import ClusterModel
import Foundation

/// The alerts list overlay (`A`, issue 21): which row is selected. The rows
/// themselves are the engine's alerts, read fresh at every frame
/// (`AppState.alertRows`), so the list never shows an alert that resolved.
package struct AlertsList: Sendable, Equatable {
    /// The selected alert's id: the selection follows the alert, not the row number.
    package var selectedID: String?

    package init(selectedID: String? = nil) { self.selectedID = selectedID }

    /// The snooze lengths `z` steps through, then off.
    package static let snoozeSteps: [TimeInterval] = [15 * 60, 3600, 4 * 3600, 24 * 3600]

    /// The snooze after `current` (remaining time, or nil when not snoozed): the next longer step, or off after the last.
    package static func nextSnooze(after remaining: TimeInterval?) -> TimeInterval? {
        guard let remaining else { return snoozeSteps[0] }
        return snoozeSteps.first { $0 > remaining + 1 }
    }
}

extension AppState {
    /// Every alert the engine holds, firing first (worst, then oldest), then pending.
    package var alertRows: [Alert] {
        let firing = alerts.firing
        let pending = alerts.alerts.values.filter { !$0.isFiring }.sorted { $0.since != $1.since ? $0.since < $1.since : $0.id < $1.id }
        return firing + pending
    }

    /// The row of the alerts list that is selected: the alert with the list's id, else the first.
    package func selectedAlertRow(_ list: AlertsList, in rows: [Alert]) -> Int {
        guard let id = list.selectedID, let index = rows.firstIndex(where: { $0.id == id }) else { return 0 }
        return index
    }
}
