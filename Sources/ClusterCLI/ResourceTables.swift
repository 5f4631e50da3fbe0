import ClusterModel
import Foundation

/// Builds the `get` tables from wire data. Ages are computed against the
/// server's clock (`now` is the reply's `Date` header when it had one).
enum ResourceTables {
    static func nodes(_ overview: Overview, now: Date, wide: Bool) -> TextTable {
        var headers = ["NAME", "ROLE", "STATUS", "HEALTH", "HEARTBEAT", "VERSION"]
        if wide { headers += ["HOSTNAME", "PID", "URL", "TAGS", "UPTIME"] }
        var table = TextTable(headers)
        // Live nodes first (by health), then by name: dead records sink to the bottom.
        let sorted = overview.nodes
            .map { (node: $0, health: $0.health(now: now)) }
            .sorted { $0.health != $1.health ? $0.health < $1.health : NaturalOrder.precedes($0.node.name, $1.node.name) }
        for (node, health) in sorted {
            var row = [
                markedName(node.name, overview), node.role.rawValue, node.status.rawValue, health.word,
                AgeFormat.compact(node.heartbeatAge(now: now)), node.version ?? "",
            ]
            if wide {
                row += [
                    node.hostname ?? "", node.pid.map(String.init) ?? "", node.url ?? "",
                    node.tags.joined(separator: ","), AgeFormat.compact(node.uptime(now: now)),
                ]
            }
            table.add(row)
        }
        return table
    }

    /// `node-a (this, default)`.
    static func markedName(_ name: String, _ overview: Overview) -> String {
        var marks: [String] = []
        if name == overview.thisNodeName { marks.append("this") }
        if name == overview.defaultNodeName { marks.append("default") }
        return marks.isEmpty ? name : "\(name) (\(marks.joined(separator: ", ")))"
    }

    /// Instances by type and id; `risk` is given for `-o wide` only.
    static func instances(_ list: [Instance], risk: RiskContext?) -> TextTable {
        var headers = ["TYPE", "ID", "NAME", "TENANT", "NODE", "MODE", "BINDING"]
        if risk != nil { headers += ["SUBTITLE", "PROJECT", "RISK"] }
        var table = TextTable(headers)
        for i in list.sorted(by: { $0.key < $1.key }) {
            var row = [
                i.entityType.rawValue, i.entityId, i.name, i.tenant, i.nodeName, i.mode.rawValue,
                i.explicit ? "explicit" : "default",
            ]
            if let risk {
                let r = risk.risk(of: i)
                row += [i.subtitle ?? "", i.projectId ?? "", r == .none ? "ok" : r.label]
            }
            table.add(row)
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
