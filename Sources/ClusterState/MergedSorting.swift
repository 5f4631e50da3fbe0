import ClusterModel
import Foundation

/// The merged tables' columns behind CONTEXT (issue 23), and so what `s`
/// cycles through there: the panes' own, less what other clusters cannot
/// fill (the recorded history's columns, and BOUND, which counts an
/// instance list the node table does not read).
package enum MergedColumns {
    package static let nodes = NodeColumns.all.onDashboard()
        .filter { !NodeColumns.fromHistory.contains($0.name) && $0.name != "bound" }
    package static let instances = InstanceColumns.all.onDashboard()
}

/// A merged table's order across clusters: a node or an instance column
/// and a direction. None keeps each cluster's own order, in config order.
package enum MergedSort: Sendable, Equatable {
    case nodes(SortSpec<NodeColumn>)
    case instances(SortSpec<InstanceColumn>)

    package var ascending: Bool {
        switch self {
        case .nodes(let spec): return spec.ascending
        case .instances(let spec): return spec.ascending
        }
    }

    /// The sorted column's name, as the title and the notice say it.
    package var columnName: String {
        switch self {
        case .nodes(let spec): return MergedColumns.nodes.sortName(spec.column)
        case .instances(let spec): return MergedColumns.instances.sortName(spec.column)
        }
    }

    /// Ages: the open cluster's grow with the clock while the others stay as
    /// of their last poll, so its rows are placed again as its ages move.
    var readsTheClock: Bool {
        if case .nodes(let spec) = self { return spec.column == .heartbeat || spec.column == .uptime }
        return false
    }
}

/// One cluster's rows in the sorted column's order, with each row's value:
/// kept in its `MergedSource` while that cluster's data and the sort stay,
/// so a poll of one cluster sorts that cluster's rows alone.
struct MergedOrder: Sendable {
    var sort: MergedSort
    /// The moment the ages were taken at.
    var now: Date
    /// Places in `nodes` or `snapshot.instances`, sorted.
    var order: [Int32]
    /// Each row's value in the column, by place.
    var keys: [RowSortKey]
    /// Each row's rank in `order`, by place: ties between rows of one cluster keep it.
    var rank: [Int32]
}

extension MergedSource {
    /// This cluster's rows sorted by `sort`, ties in the cluster's own order;
    /// ages taken at `now` (the open cluster's moment, as its cells show them),
    /// else at its last poll.
    func sorted(by sort: MergedSort, now moment: Date? = nil) -> MergedOrder {
        let now = moment ?? filter.risk.now
        let own: [Int]
        var keys: [RowSortKey]
        switch sort {
        case .nodes(let spec):
            own = Array(nodes.indices)
            keys = nodes.map { node in
                let health = filter.risk.health(ofNode: node.name) ?? node.health(now: now, thresholds: filter.risk.thresholds)
                return snapshot.sortKey(of: node, spec.column, health: health, now: now)
            }
        case .instances(let spec):
            own = instanceOrder
            keys = [RowSortKey](repeating: .none, count: snapshot.instances.count)
            for i in instanceOrder { keys[i] = snapshot.sortKey(of: snapshot.instances[i], spec.column, risk: filter.risk) }
        }
        let ascending = sort.ascending
        let sorted = own.indices.sorted { a, b in
            RowSortKey.precedes(keys[own[a]], keys[own[b]], ascending: ascending) ?? (a < b)
        }.map { Int32(own[$0]) }
        var rank = [Int32](repeating: 0, count: keys.count)
        for (r, place) in sorted.enumerated() { rank[Int(place)] = Int32(r) }
        return MergedOrder(sort: sort, now: now, order: sorted, keys: keys, rank: rank)
    }
}

extension MergedModel {
    /// `rows` (each cluster's already in the sorted order) in one order
    /// across clusters; ties in config order, then each cluster's.
    static func merged(_ rows: [MergedRow], _ orders: [MergedOrder], ascending: Bool) -> [MergedRow] {
        // Each row's value and rank gathered once: a comparison reads two flat arrays.
        let keys = rows.map { orders[Int($0.source)].keys[Int($0.index)] }
        let ranks = rows.map { orders[Int($0.source)].rank[Int($0.index)] }
        // Runs already sorted: the standard library's merge sort takes them as they are.
        let order = rows.indices.sorted { a, b in
            if let first = RowSortKey.precedes(keys[a], keys[b], ascending: ascending) { return first }
            return rows[a].source != rows[b].source ? rows[a].source < rows[b].source : ranks[a] < ranks[b]
        }
        return order.map { rows[$0] }
    }
}
