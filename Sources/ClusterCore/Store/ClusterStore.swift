import ClusterModel
import Foundation
import GRDB

/// The core's SQLite database (through GRDB): nodes, assignments, tenants,
/// the instance catalogue and the audit log.
///
/// In memory for the embedded default, or a file shared by several `serve`
/// processes (WAL journal, busy time-out, so concurrent writers wait instead
/// of failing). Times are stored as `REAL` seconds since 1970.
public final class ClusterStore: Sendable {
    let queue: DatabaseQueue
    /// True when backed by a file other processes may also write.
    let isShared: Bool

    /// Opens (and migrates) the database at `path`, or an in-memory one when `nil`.
    public init(path: String?) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.label = "ClusterCore"
        do {
            if let path {
                config.journalMode = .wal
                queue = try DatabaseQueue(path: path, configuration: config)
            } else {
                queue = try DatabaseQueue(configuration: config)
            }
            isShared = path != nil
            try StoreMigrations.migrate(queue)
        } catch {
            throw CoreError.storage("cannot open the database\(path.map { " at \($0)" } ?? ""): \(error)")
        }
    }

    /// Runs `body` in an IMMEDIATE transaction: the write lock is taken first,
    /// so a read-then-write cannot dead-lock against another process.
    func writeImmediate<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw CoreError.storage("transaction produced no result") }
                return result
            }
        } catch let error as CoreError {
            throw error
        } catch {
            throw CoreError.storage(String(describing: error))
        }
    }

    /// A read, with storage failures typed.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue.read(body)
        } catch let error as CoreError {
            throw error
        } catch {
            throw CoreError.storage(String(describing: error))
        }
    }

    /// SQLite's `data_version`: changes when another connection (another
    /// `serve` process) commits, so digests notice foreign writes.
    func dataVersion() async -> Int64 {
        guard isShared else { return 0 }
        return (try? await queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }) ?? 0
    }
}

/// The schema, as numbered steps recorded in `PRAGMA user_version`.
///
/// Hand-rolled rather than `DatabaseMigrator` because several processes may
/// open a fresh file at the same moment: the steps run in one IMMEDIATE
/// transaction, so exactly one process applies them and the others see them done.
enum StoreMigrations {
    static let steps: [String] = [
        """
        CREATE TABLE IF NOT EXISTS nodes (
            name TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL, url TEXT, tags TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL, lastHeartbeatAt REAL, startedAt REAL, version TEXT, hostname TEXT, pid INTEGER);
        CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY NOT NULL, slug TEXT);
        CREATE TABLE IF NOT EXISTS catalogue (
            entityType TEXT NOT NULL, entityId TEXT NOT NULL, name TEXT NOT NULL, subtitle TEXT,
            tenantId TEXT, projectId TEXT, PRIMARY KEY (entityType, entityId));
        CREATE TABLE IF NOT EXISTS assignments (
            entityType TEXT NOT NULL, entityId TEXT NOT NULL, nodeName TEXT NOT NULL, mode TEXT NOT NULL,
            updatedBy TEXT, updatedAt REAL, PRIMARY KEY (entityType, entityId));
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, actor TEXT, resource TEXT NOT NULL,
            details TEXT NOT NULL, at REAL NOT NULL);
        """
    ]

    static func migrate(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                for step in steps.dropFirst(version) { try db.execute(sql: step) }
                if version < steps.count { try db.execute(sql: "PRAGMA user_version = \(steps.count)") }
                return .commit
            }
        }
    }
}
