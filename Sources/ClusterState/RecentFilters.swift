import ClusterModel

/// The last few filter answers over one instance list, newest last.
///
/// Decision (issue 6): typing narrows (each key filters within the last
/// answer), but Backspace widens and used to rescan every row — at S2 a
/// 100,000-row scan per key. Typing then deleting is the common edit, so
/// the answers of the queries just typed are kept and Backspace finds its
/// query here. An answer is a list of rows in the sorted order it was found
/// over; a new list drops every answer. When only the order moved (a node's
/// health changed under the risk sort), answers that read only the rows
/// themselves still hold and are put in the new order when next asked for
/// — a pass over the order, not a scan of every row's text (issue 19:
/// that rescan was most of an S2 overview reply). Answers that read node
/// status, role or risk are dropped after anything but a filter edit.
/// At most `capacity` entries (≤ 800 KB each at S2).
package struct RecentFilters: Sendable {
    package static let capacity = 8

    /// One answer: `rows` in the order of `order` (a `sortedAll`).
    private struct Entry: Sendable {
        var query: FilterQuery
        var rows: [Int]
        var order: [Int]
    }
    private var entries: [Entry] = []

    /// Drops what a change made stale: everything for a new list
    /// (`sameList` false); otherwise what may have moved, unless only the
    /// filter text moved (`rowsOnly`) over the same order.
    package mutating func keepValid(over all: [Int], rowsOnly: Bool, sameList: Bool = true) {
        guard sameList else { entries.removeAll(); return }
        entries.removeAll { entry in
            !entry.query.readsOnlyInstanceRows && !(rowsOnly && entry.order.sharesStorage(with: all))
        }
    }

    /// The answer for `query` in the order `all`, re-ordered if it was found over another order.
    package mutating func rows(for query: FilterQuery, over all: [Int], rowCount: Int) -> [Int]? {
        guard let i = entries.lastIndex(where: { $0.query == query }) else { return nil }
        if !entries[i].order.sharesStorage(with: all) {
            entries[i].rows = Self.keep(entries[i].rows, inOrderOf: all, rowCount: rowCount)
            entries[i].order = all
        }
        return entries[i].rows
    }

    package mutating func remember(_ query: FilterQuery, _ rows: [Int], over all: [Int]) {
        entries.removeAll { $0.query == query }
        entries.append(Entry(query: query, rows: rows, order: all))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }

    /// The rows of `subset` in the order they appear in `all` (every row of
    /// `subset` is in `all`; indices below `rowCount`).
    package static func keep(_ subset: [Int], inOrderOf all: [Int], rowCount: Int) -> [Int] {
        var member = [Bool](repeating: false, count: rowCount)
        for row in subset { member[row] = true }
        var out: [Int] = []
        out.reserveCapacity(subset.count)
        for row in all where member[row] { out.append(row) }
        return out
    }
}
