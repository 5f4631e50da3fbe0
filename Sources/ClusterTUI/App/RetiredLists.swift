import ClusterModel
import Foundation

/// Instance lists that `update` has just replaced, kept alive until the UI
/// loop hands them to the low-priority `BackgroundLane` to be freed.
///
/// Decision (issue 6): at S2 freeing the old 100,000-instance list (some
/// 400,000 strings) took ~5 ms of the UI thread per changed poll, time a
/// keystroke would wait behind. `update` stays pure: it only moves the old
/// values here; `DashboardLoop` (and the benchmark probe) call
/// `releaseInBackground` after each batch of messages.
struct RetiredLists: Sendable {
    fileprivate var snapshots: [ClusterSnapshot] = []
    fileprivate var prepared: [PreparedInstances] = []

    var isEmpty: Bool { snapshots.isEmpty && prepared.isEmpty }

    mutating func retire(_ snapshot: ClusterSnapshot?, _ prepared: PreparedInstances?) {
        if let snapshot { snapshots.append(snapshot) }
        if let prepared { self.prepared.append(prepared) }
    }
}

extension AppState {
    /// Moves the retired lists out of the state and drops them on the
    /// background lane, where their storage is freed.
    mutating func releaseRetiredInBackground() {
        guard !retired.isEmpty else { return }
        let box = RetiredBox(retired)
        retired = RetiredLists()
        BackgroundLane.shared.async { box.empty() }
    }
}

extension RetiredLists {
    /// Waits until every list handed over so far is freed (the benchmark
    /// uses it so that freeing never overlaps what it times next).
    static func waitUntilReleased() { BackgroundLane.shared.sync {} }
}

/// Carries the retired lists to the background queue; `empty` drops them there.
private final class RetiredBox: @unchecked Sendable {
    private var lists: RetiredLists?
    init(_ lists: RetiredLists) { self.lists = lists }
    func empty() { lists = nil }
}
