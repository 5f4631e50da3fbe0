import ClusterWrites
import Foundation
import Testing
@testable import ClusterHistory
@testable import ClusterModel

/// The changes view credits "ours" only to a batch that could have made the
/// change, lists changes by when they happened, and `changes --by me` means
/// what the view's `by:me` does. A new user's run after restarting a demo
/// core: seeded changes of hours before read "ours · <today's batch>", sat
/// out of order under "newest first", and `--by me` found nothing.
@Suite struct ChangesAttributionTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let key = EntityKey(.agent, "t:a")

    func change(seen: TimeInterval, updated: TimeInterval?, batch: String? = nil) -> BindingChange {
        BindingChange(seenAt: t0.addingTimeInterval(seen), entityType: "agent", entityId: "t:a",
                      before: HistoryBinding(node: "a", mode: "strict"), after: HistoryBinding(node: "b", mode: "strict"),
                      updatedBy: "u_demo", updatedAt: updated.map { t0.addingTimeInterval($0) }, batch: batch)
    }

    /// A change the server dates two hours before our write was credited to it.
    @Test func oursOnlyWhenTheWriteCameBeforeTheChange() {
        let wanted = PlanBinding.explicit(node: "b", mode: .strict).normalized
        let entry = JournalEntry(time: t0, batch: "20261207-010016-x", seq: 1, kind: "rebind",
                                 target: ClusterIdentity(context: nil, url: "http://h:1"), key: key,
                                 prior: .explicit(node: "a", mode: .strict), requested: .explicit(node: "b", mode: .strict))
        #expect(JournalMatcher.couldHaveMade(entry, change(seen: 5, updated: 1), wanted: wanted))
        #expect(JournalMatcher.couldHaveMade(entry, change(seen: 5, updated: nil), wanted: wanted), "no server time: the poll's")
        #expect(JournalMatcher.couldHaveMade(entry, change(seen: 5, updated: -200), wanted: wanted), "within the clocks' allowance")
        #expect(!JournalMatcher.couldHaveMade(entry, change(seen: 5, updated: -7200), wanted: wanted), "made two hours before our write")
    }

    /// "Newest first" listed by when a poll saw them: a restart's changes of hours before sat above today's.
    @Test func theViewListsChangesByWhenTheyHappened() {
        let seenOrder = [change(seen: 0, updated: -3600), change(seen: 10, updated: -86_400), change(seen: 10, updated: -60),
                         change(seen: 20, updated: nil)]
        let whens = HistoryWindow.newestFirst(seenOrder).map { $0.when.timeIntervalSince(t0) }
        #expect(whens == [20, -60, -3600, -86_400], "\(whens)")
    }

    /// `changes --by me` matched "me" inside user ids; the view's `by:me` means this machine's own.
    @Test func byMeIsThisMachinesOwnChanges() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctui-changes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try HistoryStore(path: HistoryStore.path(for: "http://h:1", in: dir))
        var writes = HistoryWrites()
        writes.changes = [change(seen: 0, updated: 0), change(seen: 1, updated: 1, batch: "b1")]
        try store.persist(writes)
        #expect(try store.changes(since: nil, by: "me").map(\.batch) == ["b1"])
        #expect(try store.changes(since: nil, by: "demo").count == 2)
    }
}
