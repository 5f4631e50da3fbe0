import ClusterModel
import Foundation

extension HistoryStore {
    /// Keeps what one poll added, in one transaction. Rows two dashboards
    /// both saw (a restart, a binding change) are kept once.
    package func persist(_ writes: HistoryWrites) throws {
        guard !writes.isEmpty else { return }
        try write { db in
            if let span = writes.span {
                try db.run("INSERT INTO spans(start, end) VALUES (?, ?) ON CONFLICT(start) DO UPDATE SET end = excluded.end",
                           [SQLValue(span.start), SQLValue(span.end)])
            }
            for (name, facts) in writes.facts {
                try db.run("""
                    INSERT INTO nodes(name, started_at, pid, version, status) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET started_at = excluded.started_at, pid = excluded.pid,
                        version = excluded.version, status = excluded.status
                    """, [.text(name), SQLValue(facts.startedAt), SQLValue(facts.pid), SQLValue(facts.version), .text(facts.status)])
            }
            for run in writes.closedRuns {
                try db.run("UPDATE runs SET end = ?, period = coalesce(?, period) WHERE node_id = ? AND start = ?",
                           [SQLValue(run.end), SQLValue(run.period), .int(try nodeID(db, run.node)), SQLValue(run.start)])
            }
            for run in writes.relearnedRuns {
                try db.run("UPDATE runs SET period = ? WHERE node_id = ? AND start = ?",
                           [SQLValue(run.period), .int(try nodeID(db, run.node)), SQLValue(run.start)])
            }
            for run in writes.openedRuns {
                try db.run("INSERT OR IGNORE INTO runs(node_id, start, end, state, period) VALUES (?, ?, NULL, ?, ?)",
                           [.int(try nodeID(db, run.node)), SQLValue(run.start), .int(Int64(run.state.rawValue)), SQLValue(run.period)])
            }
            for event in writes.events {
                try db.run("INSERT OR IGNORE INTO events(node_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                           [.int(try nodeID(db, event.node)), SQLValue(event.at), .text(event.kind.rawValue), .text(event.detail)])
            }
            for change in writes.changes { try insert(change, db) }
            if let point = writes.trend { try insert(point, db) }
            try persistBindings(writes.bindings, db)
        }
    }

    private func insert(_ change: BindingChange, _ db: SQLiteConnection) throws {
        try db.run("""
            INSERT INTO changes(seen_at, entity_type, entity_id, before_node, before_mode, after_node, after_mode,
                                updated_by, updated_at, batch, dedupe)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(dedupe) DO UPDATE SET batch = coalesce(changes.batch, excluded.batch)
            """, [SQLValue(change.seenAt), .text(change.entityType), .text(change.entityId),
                  SQLValue(change.before?.node), SQLValue(change.before?.mode), SQLValue(change.after?.node),
                  SQLValue(change.after?.mode), SQLValue(change.updatedBy), SQLValue(change.updatedAt),
                  SQLValue(change.batch), .text(change.dedupeKey)])
    }

    /// A minute of the trend: the worst of what every dashboard saw in it.
    private func insert(_ point: TrendPoint, _ db: SQLiteConnection) throws {
        try db.run("""
            INSERT INTO trend(minute, ok, late, down, at_risk) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(minute) DO UPDATE SET ok = min(ok, excluded.ok), late = max(late, excluded.late),
                down = max(down, excluded.down),
                at_risk = max(coalesce(at_risk, excluded.at_risk), coalesce(excluded.at_risk, at_risk))
            """, [.int(Int64(point.minute)), SQLValue(point.ok), SQLValue(point.late), SQLValue(point.down), SQLValue(point.atRisk)])
    }

    private func persistBindings(_ bindings: [EntityKey: HistoryBinding?], _ db: SQLiteConnection) throws {
        guard !bindings.isEmpty else { return }
        for (key, binding) in bindings {
            if let binding {
                try db.run("""
                    INSERT INTO bindings(entity_type, entity_id, node, mode) VALUES (?, ?, ?, ?)
                    ON CONFLICT(entity_type, entity_id) DO UPDATE SET node = excluded.node, mode = excluded.mode
                    """, [.text(key.entityType.rawValue), .text(key.entityId), .text(binding.node), .text(binding.mode)])
            } else {
                try db.run("DELETE FROM bindings WHERE entity_type = ? AND entity_id = ?",
                           [.text(key.entityType.rawValue), .text(key.entityId)])
            }
        }
        try db.run("INSERT OR REPLACE INTO meta(key, value) VALUES ('bindings', 'known')")
    }

    /// The id of node `name`, made on first use.
    func nodeID(_ db: SQLiteConnection, _ name: String) throws -> Int64 {
        if let id = nodeIDs[name] { return id }
        try db.run("INSERT OR IGNORE INTO nodes(name) VALUES (?)", [.text(name)])
        guard case .int(let id) = try db.value("SELECT id FROM nodes WHERE name = ?", [.text(name)]) else {
            throw HistoryStore.failure("cannot write", path, "node \(TextSanitizer.excerpt(name)) has no id")
        }
        nodeIDs[name] = id
        return id
    }

    /// Forgets what ended before `cutoff`, then, while the rows take more
    /// than `maxBytes`, the oldest half of what is left; gives the pages back.
    package func prune(before cutoff: Date, maxBytes: Int) throws {
        try forget(before: cutoff.timeIntervalSince1970)
        for _ in 0..<8 {
            guard try usedBytes() > maxBytes else { break }
            let range = try read { try $0.rows("SELECT min(start) AS low, max(end) AS high FROM spans").first }
            guard let low = range?["low"].double, let high = range?["high"].double, high > low else { break }
            try forget(before: low + (high - low) / 2)
        }
        try? read { try $0.execute("PRAGMA incremental_vacuum") }
    }

    /// A run still open (its dashboard stopped, or another is running) is
    /// forgotten with its span: by its start.
    private func forget(before cutoff: Double) throws {
        try write { db in
            try db.run("DELETE FROM spans WHERE end < ?", [.double(cutoff)])
            try db.run("DELETE FROM runs WHERE coalesce(end, start) < ?", [.double(cutoff)])
            try db.run("DELETE FROM events WHERE at < ?", [.double(cutoff)])
            try db.run("DELETE FROM changes WHERE seen_at < ?", [.double(cutoff)])
            try db.run("DELETE FROM trend WHERE minute < ?", [.int(Int64(cutoff / 60))])
        }
    }
}
