import ClusterModel
import Foundation
import GRDB

extension HistoryStore {
    /// What a dashboard starts from: spans, runs and node events since
    /// `since` (of every node, or of `node` alone), the newest `changes`
    /// binding changes, and the last facts and bindings seen.
    package func load(since: Date, node: String? = nil, changes limit: Int = 500) throws -> HistoryRecords {
        try read { db in
            let cutoff = since.timeIntervalSince1970
            var records = HistoryRecords()
            records.spans = try Row.fetchAll(db, sql: "SELECT start, end FROM spans WHERE end >= ? ORDER BY start",
                                             arguments: [cutoff]).map {
                ObservedSpan(start: Date(timeIntervalSince1970: $0["start"]), end: Date(timeIntervalSince1970: $0["end"]))
            }
            let only = node == nil ? "" : " AND n.name = ?"
            var arguments: StatementArguments = [cutoff]
            if let node { _ = arguments.append(contentsOf: [node]) }
            records.runs = try Row.fetchAll(db, sql: """
                SELECT n.name, r.start, r.end, r.state, r.period FROM runs r JOIN nodes n ON n.id = r.node_id
                WHERE (r.end IS NULL OR r.end >= ?)\(only) ORDER BY r.start
                """, arguments: arguments).map { row in
                StateRun(node: row["name"], state: HistoryState(rawValue: UInt8(clamping: row["state"] as Int)) ?? .unknown,
                         start: Date(timeIntervalSince1970: row["start"]),
                         end: (row["end"] as Double?).map(Date.init(timeIntervalSince1970:)), period: row["period"])
            }
            records.events = try Row.fetchAll(db, sql: """
                SELECT n.name, e.at, e.kind, e.detail FROM events e JOIN nodes n ON n.id = e.node_id
                WHERE e.at >= ?\(only) ORDER BY e.at
                """, arguments: arguments).compactMap { row in
                NodeEvent.Kind(rawValue: row["kind"]).map {
                    NodeEvent(node: row["name"], at: Date(timeIntervalSince1970: row["at"]), kind: $0, detail: row["detail"])
                }
            }
            records.changes = try Self.changes(db, since: nil, limit: limit).reversed()
            for row in try Row.fetchAll(db, sql: "SELECT name, started_at, pid, version, status FROM nodes") {
                records.facts[row["name"]] = NodeFacts(
                    startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    pid: row["pid"], version: row["version"], status: row["status"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT entity_type, entity_id, node, mode FROM bindings") {
                records.bindings[EntityKey(EntityType(row["entity_type"] as String), row["entity_id"])] =
                    HistoryBinding(node: row["node"], mode: row["mode"])
            }
            records.bindingsKnown = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'bindings'") != nil
            return records
        }
    }

    /// Binding changes seen since `since` (all when `nil`), newest first,
    /// made by someone whose id contains `by` (any when `nil`).
    package func changes(since: Date?, by: String? = nil, limit: Int = 10_000) throws -> [BindingChange] {
        try read { db in try Self.changes(db, since: since, by: by, limit: limit) }
    }

    static func changes(_ db: Database, since: Date?, by: String? = nil, limit: Int) throws -> [BindingChange] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let since {
            conditions.append("seen_at >= ?")
            _ = arguments.append(contentsOf: [since.timeIntervalSince1970])
        }
        if let by {
            conditions.append("instr(lower(coalesce(updated_by, '')), lower(?)) > 0")
            _ = arguments.append(contentsOf: [by])
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        _ = arguments.append(contentsOf: [limit])
        return try Row.fetchAll(db, sql: """
            SELECT * FROM changes \(clause) ORDER BY seen_at DESC, id DESC LIMIT ?
            """, arguments: arguments).map(change)
    }

    private static func change(_ row: Row) -> BindingChange {
        func binding(_ prefix: String) -> HistoryBinding? {
            guard let node: String = row[prefix + "_node"] else { return nil }
            return HistoryBinding(node: node, mode: row[prefix + "_mode"] ?? "strict")
        }
        return BindingChange(
            seenAt: Date(timeIntervalSince1970: row["seen_at"]), entityType: row["entity_type"], entityId: row["entity_id"],
            before: binding("before"), after: binding("after"), updatedBy: row["updated_by"],
            updatedAt: (row["updated_at"] as Double?).map(Date.init(timeIntervalSince1970:)), batch: row["batch"])
    }
}
