import ClusterModel
import ClusterWrites
import Foundation

/// Finds the journal batch that asked for a binding change (issue 22: "ours,
/// with the batch id"): an intent for the same entity and the same new
/// binding, on this cluster, in the quarter hour before the change was seen
/// and, when the server says when it was made (`updatedAt`), no later than
/// that (5 minutes allowed for the two clocks). A restarted demo core's
/// seeded changes, made hours before, were credited to a batch of ours.
/// The journal is read once per poll that found changes, not per change.
struct JournalMatcher {
    let path: String?
    let url: String
    private let cache = Cache()

    /// How far the server's clock may run behind ours and a change still be ours.
    static let clockAllowance: TimeInterval = 300

    init(path: String?, url: String) { self.path = path; self.url = url }

    func batch(for change: BindingChange) -> String? {
        guard let entries = cache.entries ?? load() else { return nil }
        let wanted = change.after.map { PlanBinding.explicit(node: $0.node, mode: AssignmentMode($0.mode)).normalized }
            ?? .followsDefault
        return entries.last { Self.couldHaveMade($0, change, wanted: wanted) }?.batch
    }

    /// Whether the journal's `entry` (asking for `wanted`) could be what made `change`.
    static func couldHaveMade(_ entry: JournalEntry, _ change: BindingChange, wanted: PlanBinding) -> Bool {
        entry.key == change.key && entry.requested.normalized == wanted
            && entry.time <= change.seenAt.addingTimeInterval(60)
            && entry.time >= change.seenAt.addingTimeInterval(-900)
            && change.updatedAt.map { entry.time <= $0.addingTimeInterval(clockAllowance) } != false
    }

    private func load() -> [JournalEntry]? {
        guard let path, let contents = try? WriteJournal.read(path: path) else {
            cache.entries = []
            return nil
        }
        let entries = JournalEntries.entries(contents.records).filter { $0.target.url == url }
        cache.entries = entries
        return entries
    }

    /// The entries read for one poll.
    final class Cache { var entries: [JournalEntry]? }
}
