import ClusterModel
import Foundation

extension HistoryStore {
    /// What a dashboard starts from: spans, runs, node events and the trend
    /// since `since` (of every node, or of `node` alone), the newest `changes`
    /// binding changes, and the last facts and bindings seen.
    package func load(since: Date, node: String? = nil, changes limit: Int = 500) throws -> HistoryRecords {
        try read { db in
            let cutoff = since.timeIntervalSince1970
            var records = HistoryRecords()
            records.spans = try db.rows("SELECT start, end FROM spans WHERE end >= ? ORDER BY start", [.double(cutoff)]).compactMap {
                guard let start = $0["start"].date, let end = $0["end"].date else { return nil }
                return ObservedSpan(start: start, end: end)
            }
            let only = node == nil ? "" : " AND n.name = ?"
            let arguments: [SQLValue] = [.double(cutoff)] + (node.map { [.text($0)] } ?? [])
            records.runs = try db.rows("""
                SELECT n.name, r.start, r.end, r.state, r.period FROM runs r JOIN nodes n ON n.id = r.node_id
                WHERE (r.end IS NULL OR r.end >= ?)\(only) ORDER BY r.start
                """, arguments).compactMap { row in
                guard let name = row["name"].text, let start = row["start"].date else { return nil }
                return StateRun(node: name, state: HistoryState(rawValue: UInt8(clamping: row["state"].int ?? 1)) ?? .unknown,
                                start: start, end: row["end"].date, period: row["period"].double)
            }
            records.events = try db.rows("""
                SELECT n.name, e.at, e.kind, e.detail FROM events e JOIN nodes n ON n.id = e.node_id
                WHERE e.at >= ?\(only) ORDER BY e.at
                """, arguments).compactMap { row in
                guard let name = row["name"].text, let at = row["at"].date,
                      let kind = row["kind"].text.flatMap(NodeEvent.Kind.init(rawValue:)) else { return nil }
                return NodeEvent(node: name, at: at, kind: kind, detail: row["detail"].text ?? "")
            }
            records.changes = try Self.changes(db, since: nil, limit: limit).reversed()
            for row in try db.rows("SELECT name, started_at, pid, version, status FROM nodes") {
                guard let name = row["name"].text else { continue }
                records.facts[name] = NodeFacts(startedAt: row["started_at"].date, pid: row["pid"].int,
                                                version: row["version"].text, status: row["status"].text ?? "")
            }
            for row in try db.rows("SELECT entity_type, entity_id, node, mode FROM bindings") {
                guard let type = row["entity_type"].text, let id = row["entity_id"].text,
                      let node = row["node"].text else { continue }
                records.bindings[EntityKey(EntityType(type), id)] = HistoryBinding(node: node, mode: row["mode"].text ?? "strict")
            }
            records.bindingsKnown = try db.value("SELECT value FROM meta WHERE key = 'bindings'") != .null
            records.trend = try db.rows("SELECT * FROM trend WHERE minute >= ? ORDER BY minute", [.int(Int64(cutoff / 60))]).compactMap {
                guard let minute = $0["minute"].int else { return nil }
                return TrendPoint(minute: minute, ok: $0["ok"].int ?? 0, late: $0["late"].int ?? 0, down: $0["down"].int ?? 0,
                                  atRisk: $0["at_risk"].int)
            }
            return records
        }
    }

    /// Binding changes seen since `since` (all when `nil`), newest first,
    /// made by someone whose id contains `by` (any when `nil`).
    package func changes(since: Date?, by: String? = nil, limit: Int = 100_000) throws -> [BindingChange] {
        try read { db in try Self.changes(db, since: since, by: by, limit: limit) }
    }

    static func changes(_ db: SQLiteConnection, since: Date?, by: String? = nil, limit: Int) throws -> [BindingChange] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let since {
            conditions.append("seen_at >= ?")
            arguments.append(SQLValue(since))
        }
        var rows = try db.rows("""
            SELECT * FROM changes \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY seen_at DESC, id DESC LIMIT ?
            """, arguments + [.int(Int64(limit))]).compactMap(change)
        // Matched here, not in SQL: the stored text is escaped, the operator types it plain.
        // `me`: the changes this machine's journal made (a batch id), as the changes view's `by:me`.
        if let by, by.lowercased() == "me" { rows = rows.filter { $0.batch != nil } }
        else if let by { rows = rows.filter { ($0.updatedBy ?? "").lowercased().contains(by.lowercased()) } }
        return rows
    }

    private static func change(_ row: SQLRow) -> BindingChange? {
        func binding(_ prefix: String) -> HistoryBinding? {
            guard let node = row[prefix + "_node"].text else { return nil }
            return HistoryBinding(node: node, mode: row[prefix + "_mode"].text ?? "strict")
        }
        guard let seenAt = row["seen_at"].date, let type = row["entity_type"].text, let id = row["entity_id"].text else { return nil }
        return BindingChange(seenAt: seenAt, entityType: type, entityId: id, before: binding("before"), after: binding("after"),
                             updatedBy: row["updated_by"].text, updatedAt: row["updated_at"].date, batch: row["batch"].text)
    }
}
