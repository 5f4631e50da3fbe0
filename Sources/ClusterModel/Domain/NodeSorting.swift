import Foundation

extension ClusterSnapshot {
    /// The nodes in table order.
    ///
    /// `nil` is the default order, `defaultOrder`: problems first (late,
    /// silent, offline, clock ahead, waiting, draining, then ok; the
    /// dashboard's tables) or live first (ok, …, ghost; a picker of
    /// targets), then name; ghosts last either way. With a column: `status` sorts by that same
    /// health order; `heartbeat` and `uptime` by age (youngest first when
    /// ascending); `version` numerically ("0.10" after "0.9"); `bound` by the
    /// number of instances bound. Unknown values (`null` version, pid, …) go
    /// last in both directions. Ties fall back to name, then registry order.
    public func sortedNodes(
        by spec: SortSpec<NodeColumn>?, now: Date, thresholds: HeartbeatThresholds = .standard,
        defaultOrder: NodeDefaultOrder = .problemsFirst, flapping: Set<String> = []
    ) -> [Node] {
        let rows = nodes.enumerated().map { (pos, n) in
            NodeRow(node: n, pos: pos, health: n.health(now: now, thresholds: thresholds),
                    name: TextFolding.loweredString(n.name))
        }
        guard let spec else {
            // Indices are sorted, not the rows: moving a row copies a whole Node.
            let rank: (HeartbeatHealth) -> Int = defaultOrder == .problemsFirst
                ? { $0.problemRank } : { HeartbeatHealth.allCases.firstIndex(of: $0) ?? 0 }
            // A flapping node (issue 22) sorts with the problems, however it reads this second.
            let ranks = rows.map { row in
                flapping.contains(row.node.name) && defaultOrder == .problemsFirst
                    ? min(rank(row.health), HeartbeatHealth.ahead.problemRank) : rank(row.health)
            }
            return rows.indices.sorted { a, b in
                ranks[a] != ranks[b] ? ranks[a] < ranks[b] : rows[a].tieBreak(rows[b])
            }.map { rows[$0].node }
        }
        let keys = rows.map { sortKey(of: $0.node, spec.column, health: $0.health, now: now) }
        let order = rows.indices.sorted { a, b in
            RowSortKey.precedes(keys[a], keys[b], ascending: spec.ascending) ?? rows[a].tieBreak(rows[b])
        }
        return order.map { rows[$0].node }
    }

    /// `n`'s value in `column`, its health judged at `now` (the merged
    /// tables compare nodes of several clusters, each judged on its own clock).
    package func sortKey(of n: Node, _ column: NodeColumn, health: HeartbeatHealth, now: Date) -> RowSortKey {
        switch column {
        case .status: return .number(Double(HeartbeatHealth.allCases.firstIndex(of: health) ?? 0))
        case .name: return .text(TextFolding.loweredString(n.name))
        case .role: return .text(TextFolding.loweredString(n.role.rawValue))
        case .heartbeat: return n.heartbeatAge(now: now).map { .number($0) } ?? .none
        // A node that is down shows no uptime ("—"), and sorts with the unknown.
        case .uptime: return health.isDown ? .none : n.uptime(now: now).map { .number($0) } ?? .none
        case .version: return n.version.map { .version($0) } ?? .none
        case .hostname: return n.hostname.map { .text(TextFolding.loweredString($0)) } ?? .none
        case .pid: return n.pid.map { .number(Double($0)) } ?? .none
        case .url: return n.url.map { .text(TextFolding.loweredString($0)) } ?? .none
        case .tags: return n.tags.isEmpty ? .none : .text(TextFolding.loweredString(n.tags.joined(separator: ",")))
        case .bound: return .number(Double(boundCount[n.name, default: 0]))
        }
    }
}

/// The node order when no column is chosen.
public enum NodeDefaultOrder: Sendable {
    /// Late, silent, offline, clock ahead, waiting, draining, ok, ghost: the dashboard's tables.
    case problemsFirst
    /// Ok first, ghosts last: where a healthy node is what one is looking for (a target picker).
    case liveFirst
}

/// A node with what its sort needs, computed once per sort.
struct NodeRow {
    var node: Node
    var pos: Int
    var health: HeartbeatHealth
    var name: String

    func tieBreak(_ o: NodeRow) -> Bool { name != o.name ? NaturalOrder.precedes(name, o.name) : pos < o.pos }
}

/// One row's value in the sorted column; `none` is unknown and sorts last.
package enum RowSortKey: Sendable {
    case none
    case number(Double)
    case text(String)
    case version(String)

    package var isNil: Bool { if case .none = self { return true } else { return false } }

    /// Whether the row keyed `a` goes before the one keyed `b` when sorted
    /// `ascending`; `none` last either way; nil when they tie.
    package static func precedes(_ a: RowSortKey, _ b: RowSortKey, ascending: Bool) -> Bool? {
        switch compare(a, b) {
        case .orderedSame: return nil
        case .orderedAscending: return a.isNil ? false : (b.isNil ? true : ascending)
        case .orderedDescending: return a.isNil ? false : !ascending
        }
    }

    package static func compare(_ a: RowSortKey, _ b: RowSortKey) -> ComparisonResult {
        switch (a, b) {
        case (.none, .none): return .orderedSame
        case (.none, _): return .orderedDescending
        case (_, .none): return .orderedAscending
        case (.number(let x), .number(let y)): return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
        case (.text(let x), .text(let y)):
            let c = NaturalOrder.compare(x, y)
            return c == 0 ? .orderedSame : (c < 0 ? .orderedAscending : .orderedDescending)
        case (.version(let x), .version(let y)):
            let r = x.compare(y, options: .numeric)
            return r == .orderedSame && x != y ? (x < y ? .orderedAscending : .orderedDescending) : r
        default: return .orderedSame
        }
    }
}
