import ClusterModel
import ClusterState
import ClusterSupport
import Foundation

extension AppState {
    /// Moves the retired lists out of the state and drops them on the
    /// background lane, where their storage is freed.
    package mutating func releaseRetiredInBackground() {
        guard !retired.isEmpty else { return }
        let box = RetiredBox(retired)
        retired = RetiredLists()
        BackgroundLane.shared.async { box.empty() }
    }
}

extension RetiredLists {
    /// Waits until every list handed over so far is freed (the benchmark
    /// uses it so that freeing never overlaps what it times next).
    package static func waitUntilReleased() { BackgroundLane.shared.sync {} }
}

/// Carries the retired lists to the background queue; `empty` drops them there.
private final class RetiredBox: @unchecked Sendable {
    private var lists: RetiredLists?
    package init(_ lists: RetiredLists) { self.lists = lists }
    package func empty() { lists = nil }
}
