import ClusterModel

/// The last few filter answers over one sorted row order, newest last.
///
/// Decision (issue 6): typing narrows (each key filters within the last
/// answer), but Backspace widens and used to rescan every row — at S2 a
/// 100,000-row scan per key. Typing then deleting is the common edit, so
/// the answers of the queries just typed are kept and Backspace finds its
/// query here. Entries are valid only over the same `sortedAll` storage;
/// after anything but a filter edit, queries that read more than the rows
/// themselves (node status, role, risk) are dropped, since their answers
/// may have moved. At most `capacity` entries (≤ 800 KB each at S2).
package struct RecentFilters: Sendable {
    package static let capacity = 8
    private var order: [Int]?
    private var entries: [(query: FilterQuery, rows: [Int])] = []

    /// Drops what `all` (the current sorted order) or a non-filter change
    /// made stale; `rowsOnly` says only the filter text moved.
    package mutating func keepValid(over all: [Int], rowsOnly: Bool) {
        let same = order?.sharesStorage(with: all) ?? false
        if !same {
            entries.removeAll()
            order = all
        } else if !rowsOnly {
            entries.removeAll { !$0.query.readsOnlyInstanceRows }
        }
    }

    package func rows(for query: FilterQuery) -> [Int]? {
        entries.last(where: { $0.query == query })?.rows
    }

    package mutating func remember(_ query: FilterQuery, _ rows: [Int]) {
        entries.removeAll { $0.query == query }
        entries.append((query, rows))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
