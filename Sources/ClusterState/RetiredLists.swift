import ClusterModel
import ClusterSupport
import Foundation

/// Instance lists that `update` has just replaced, kept alive until the UI
/// loop hands them to the low-priority `BackgroundLane` to be freed.
///
/// Decision (issue 6): at S2 freeing the old 100,000-instance list (some
/// 400,000 strings) took ~5 ms of the UI thread per changed poll, time a
/// keystroke would wait behind. `update` stays pure: it only moves the old
/// values here; `DashboardLoop` (and the benchmark probe) call
/// `releaseInBackground` after each batch of messages.
package struct RetiredLists: Sendable {
    fileprivate var snapshots: [ClusterSnapshot] = []
    fileprivate var prepared: [PreparedInstances] = []

    package init() {}

    package var isEmpty: Bool { snapshots.isEmpty && prepared.isEmpty }

    package mutating func retire(_ snapshot: ClusterSnapshot?, _ prepared: PreparedInstances?) {
        if let snapshot { snapshots.append(snapshot) }
        if let prepared { self.prepared.append(prepared) }
    }
}
