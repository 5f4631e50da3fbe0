import ClusterModel
import Foundation
import GRDB

/// The node registry's table operations.
extension ClusterStore {
    /// Inserts or replaces a node's row as freshly started: `status`, heartbeat and start time now.
    func register(_ r: NodeRegistration, status: NodeStatus = .online, at now: Date) async throws {
        try await writeImmediate { db in try Self.upsert(db, r, status: status, heartbeat: now, startedAt: now) }
    }

    static func upsert(_ db: Database, _ r: NodeRegistration, status: NodeStatus, heartbeat: Date?, startedAt: Date?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO nodes (name, role, url, tags, status, lastHeartbeatAt, startedAt, version, hostname, pid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET role = excluded.role, url = excluded.url, tags = excluded.tags,
              status = excluded.status, lastHeartbeatAt = excluded.lastHeartbeatAt, startedAt = excluded.startedAt,
              version = excluded.version, hostname = excluded.hostname, pid = excluded.pid
            """).execute(arguments: [
                r.name, r.role.rawValue, r.url, r.tags.joined(separator: StoreRows.tagSeparator), status.rawValue,
                heartbeat?.timeIntervalSince1970, startedAt?.timeIntervalSince1970, r.version, r.hostname, r.pid,
            ])
    }

    /// Records a heartbeat; an offline node comes back online, a draining one
    /// stays draining. Returns false when the row no longer exists.
    func heartbeat(_ names: [String], at now: Date) async throws -> Bool {
        try await writeImmediate { db in
            var all = true
            for name in names {
                try Self.heartbeat(db, name, at: now)
                all = all && db.changesCount > 0
            }
            return all
        }
    }

    static func heartbeat(_ db: Database, _ name: String, at now: Date) throws {
        try db.cachedStatement(sql: """
            UPDATE nodes SET lastHeartbeatAt = ?, status = CASE WHEN status = 'offline' THEN 'online' ELSE status END
            WHERE name = ?
            """).execute(arguments: [now.timeIntervalSince1970, name])
    }

    /// Marks offline every node whose last heartbeat is older than `cutoff`; returns how many changed.
    func sweep(olderThan cutoff: Date) async throws -> Int {
        try await writeImmediate { db in
            try db.execute(
                sql: "UPDATE nodes SET status = 'offline' WHERE status != 'offline' AND (lastHeartbeatAt IS NULL OR lastHeartbeatAt < ?)",
                arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Sets one node's status (offline on clean shutdown, draining…).
    func setStatus(_ name: String, _ status: NodeStatus) async throws {
        try await writeImmediate { db in
            try db.execute(sql: "UPDATE nodes SET status = ? WHERE name = ?", arguments: [status.rawValue, name])
        }
    }

    /// Every node, by name.
    func nodes() async throws -> [Node] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM nodes ORDER BY name").map(StoreRows.node) }
    }

    /// The first online node that may be the default (`main`/`all`), oldest first.
    func firstDefaultCandidate() async throws -> String? {
        try await read { db in
            try String.fetchOne(db, sql: """
                SELECT name FROM nodes WHERE status = 'online' AND role IN ('main', 'all')
                ORDER BY startedAt, name LIMIT 1
                """)
        }
    }
}
