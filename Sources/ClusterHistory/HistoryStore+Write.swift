import ClusterModel
import Foundation
import GRDB

extension HistoryStore {
    /// Keeps what one poll added, in one transaction. Rows two dashboards
    /// both saw (a restart, a binding change) are kept once.
    package func persist(_ writes: HistoryWrites) throws {
        guard !writes.isEmpty else { return }
        try write { db in
            if let span = writes.span {
                try db.execute(sql: "INSERT INTO spans(start, end) VALUES (?, ?) ON CONFLICT(start) DO UPDATE SET end = excluded.end",
                               arguments: [span.start.timeIntervalSince1970, span.end.timeIntervalSince1970])
            }
            for (name, facts) in writes.facts {
                try db.execute(sql: """
                    INSERT INTO nodes(name, started_at, pid, version, status) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET started_at = excluded.started_at, pid = excluded.pid,
                        version = excluded.version, status = excluded.status
                    """, arguments: [name, facts.startedAt?.timeIntervalSince1970, facts.pid, facts.version, facts.status])
            }
            for run in writes.closedRuns {
                try db.execute(sql: "UPDATE runs SET end = ?, period = coalesce(?, period) WHERE node_id = ? AND start = ?",
                               arguments: [run.end?.timeIntervalSince1970, run.period, try nodeID(db, run.node),
                                           run.start.timeIntervalSince1970])
            }
            for run in writes.openedRuns {
                try db.execute(sql: "INSERT OR IGNORE INTO runs(node_id, start, end, state, period) VALUES (?, ?, NULL, ?, ?)",
                               arguments: [try nodeID(db, run.node), run.start.timeIntervalSince1970, Int(run.state.rawValue),
                                           run.period])
            }
            for event in writes.events {
                try db.execute(sql: "INSERT OR IGNORE INTO events(node_id, at, kind, detail) VALUES (?, ?, ?, ?)",
                               arguments: [try nodeID(db, event.node), event.at.timeIntervalSince1970, event.kind.rawValue, event.detail])
            }
            for change in writes.changes { try insert(change, db) }
            try persistBindings(writes.bindings, db)
        }
    }

    private func insert(_ change: BindingChange, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO changes(seen_at, entity_type, entity_id, before_node, before_mode, after_node, after_mode,
                                updated_by, updated_at, batch, dedupe)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(dedupe) DO UPDATE SET batch = coalesce(changes.batch, excluded.batch)
            """, arguments: [change.seenAt.timeIntervalSince1970, change.entityType, change.entityId,
                             change.before?.node, change.before?.mode, change.after?.node, change.after?.mode,
                             change.updatedBy, change.updatedAt?.timeIntervalSince1970, change.batch, change.dedupeKey])
    }

    private func persistBindings(_ bindings: [EntityKey: HistoryBinding?], _ db: Database) throws {
        guard !bindings.isEmpty else { return }
        for (key, binding) in bindings {
            if let binding {
                try db.execute(sql: """
                    INSERT INTO bindings(entity_type, entity_id, node, mode) VALUES (?, ?, ?, ?)
                    ON CONFLICT(entity_type, entity_id) DO UPDATE SET node = excluded.node, mode = excluded.mode
                    """, arguments: [key.entityType.rawValue, key.entityId, binding.node, binding.mode])
            } else {
                try db.execute(sql: "DELETE FROM bindings WHERE entity_type = ? AND entity_id = ?",
                               arguments: [key.entityType.rawValue, key.entityId])
            }
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('bindings', 'known')")
    }

    /// The id of node `name`, made on first use.
    func nodeID(_ db: Database, _ name: String) throws -> Int64 {
        if let id = nodeIDs.get(name) { return id }
        try db.execute(sql: "INSERT OR IGNORE INTO nodes(name) VALUES (?)", arguments: [name])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM nodes WHERE name = ?", arguments: [name]) else {
            throw HistoryStore.failure("cannot write", path, "node \(TextSanitizer.excerpt(name)) has no id")
        }
        nodeIDs.set(name, id)
        return id
    }

    /// Forgets what ended before `cutoff`, then, while the file is larger
    /// than `maxBytes`, the oldest half of what is left; gives the pages back.
    package func prune(before cutoff: Date, maxBytes: Int) throws {
        try forget(before: cutoff.timeIntervalSince1970)
        for _ in 0..<8 {
            guard try sizeInBytes() > maxBytes else { break }
            let range = try read { db in
                try Row.fetchOne(db, sql: "SELECT min(start) AS low, max(end) AS high FROM spans")
            }
            guard let low: Double = range?["low"], let high: Double = range?["high"], high > low else { break }
            try forget(before: low + (high - low) / 2)
        }
    }

    private func forget(before cutoff: Double) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM spans WHERE end < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM runs WHERE end < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM events WHERE at < ?", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM changes WHERE seen_at < ?", arguments: [cutoff])
        }
        try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA incremental_vacuum") }
    }
}
