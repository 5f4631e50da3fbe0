import ClusterModel
import ClusterState
import Foundation

/// Builds the `get` tables from wire data. Ages are computed against the
/// server's clock (`now` is the reply's `Date` header when it had one).
enum ResourceTables {
    /// `get nodes`: the columns `NodeColumns` shows in `-o table` (or `wide`),
    /// in the dashboard's default order (problems first, ghosts last);
    /// `only`: the nodes `--filter` kept (version skew is still judged on all).
    static func nodes(_ overview: Overview, now: Date, wide: Bool, only: Set<String>? = nil) -> TextTable {
        let columns = NodeColumns.all.filter { $0.isShown(wide: wide) }
        var table = TextTable(columns.map(\.spec.title))
        let snapshot = ClusterSnapshot(overview: overview, instances: [], instancesKnown: false, takenAt: now)
        let summary = snapshot.nodeSummary(now: now)
        let cells = snapshot.sortedNodes(by: nil, now: now).filter { only?.contains($0.name) ?? true }.map { node in
            var cell = NodeCell(node: node, health: node.health(now: now), now: now, glyphs: .ascii)
            cell.mark(from: snapshot)
            cell.skewed = summary.isSkewed(node)
            return cell
        }
        for cell in cells { table.add(columns.map { $0.cliText(cell) }) }
        return table
    }

    /// `get instances` by type and id; `risk` is given for `-o wide` only.
    static func instances(_ list: [Instance], risk: RiskContext?) -> TextTable {
        let columns = InstanceColumns.all.filter { $0.isShown(wide: risk != nil) }
        var table = TextTable(columns.map(\.spec.title))
        for i in list.sorted(by: { $0.key < $1.key }) {
            let cell = InstanceCell(instance: i, risk: risk?.risk(of: i) ?? .none, glyphs: .ascii)
            table.add(columns.map { $0.cliText(cell) })
        }
        return table
    }

    static func assignments(_ list: [Assignment], now: Date) -> TextTable {
        var table = TextTable(["TYPE", "ID", "NODE", "MODE", "UPDATED-BY", "UPDATED"])
        for a in list.sorted(by: { $0.key < $1.key }) {
            let age = a.updatedAt.map { AgeFormat.compact(now.timeIntervalSince($0)) + " ago" } ?? ""
            table.add([a.entityType.rawValue, a.entityId, a.nodeName, a.mode.rawValue, a.updatedBy ?? "", age])
        }
        return table
    }
}
