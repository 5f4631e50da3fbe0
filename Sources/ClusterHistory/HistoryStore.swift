import ClusterModel
import ClusterSupport
import Foundation
import GRDB

/// One cluster's recorded history on disk (issue 22): an SQLite file
/// (through GRDB) under `$XDG_STATE_HOME/clustertui/history/`, 0600 in a
/// 0700 directory. WAL journal and a busy time-out, so two dashboards on one
/// cluster and a `clustertui history` reading meanwhile share it safely;
/// every poll's rows go in one transaction, so a crash loses at most that
/// poll. Times are `REAL` seconds since 1970, as in the core's store.
package final class HistoryStore: Sendable {
    let queue: DatabaseQueue
    package let path: String
    /// Node ids by name, filled as nodes are first written.
    let nodeIDs = LockedNodeIDs()

    /// `$XDG_STATE_HOME/clustertui/history`, else `~/.local/state/clustertui/history`.
    package static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        StateFiles.directory("history", environment: environment)
    }

    /// The file for the cluster at `url` in `directory`.
    package static func path(for url: String, in directory: String) -> String {
        directory + "/" + StateFiles.stem(for: url) + ".sqlite"
    }

    /// Opens (creating when `create`) the store at `path`. Throws a
    /// `ClusterError` naming the file when it cannot be opened, is not a
    /// history store, or is damaged.
    package init(path: String, create: Bool = true) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "ClusterHistory"
        config.readonly = !create
        config.journalMode = create ? .wal : .default
        do {
            if create {
                let directory = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                // Created 0600 before SQLite opens it: history names nodes and who moved what.
                let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
                guard fd >= 0 else { throw Self.failure("cannot create", path, String(cString: strerror(errno))) }
                close(fd)
            } else if !FileManager.default.fileExists(atPath: path) {
                throw Self.failure("no history at", path, "nothing was recorded for this cluster yet")
            }
            queue = try DatabaseQueue(path: path, configuration: config)
            if create { try HistorySchema.migrate(queue) } else { try HistorySchema.check(queue) }
        } catch let error as ClusterError {
            throw error
        } catch {
            throw Self.failure("cannot use", path, TextSanitizer.excerpt(String(describing: error), limit: 160))
        }
    }

    static func failure(_ what: String, _ path: String, _ why: String) -> ClusterError {
        .usage("history store: \(what) \(TextSanitizer.excerpt(path)): \(why)")
    }

    /// Runs `body` in one IMMEDIATE transaction.
    func write(_ body: (Database) throws -> Void) throws {
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try body(db)
                    return .commit
                }
            }
        } catch {
            throw Self.failure("cannot write", path, TextSanitizer.excerpt(String(describing: error), limit: 160))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch {
            throw Self.failure("cannot read", path, TextSanitizer.excerpt(String(describing: error), limit: 160))
        }
    }

    /// Moves the WAL into the main file (the bench measures the file alone).
    package func checkpoint() throws {
        do { try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } } catch {
            throw Self.failure("cannot write", path, TextSanitizer.excerpt(String(describing: error), limit: 160))
        }
    }

    /// The file's size in bytes (pages in use and free).
    package func sizeInBytes() throws -> Int {
        try read { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            return pages * size
        }
    }
}

/// Node ids by name, shared by the recorder's writes (one writer at a time).
final class LockedNodeIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int64] = [:]
    func get(_ name: String) -> Int64? { lock.withLock { ids[name] } }
    func set(_ name: String, _ id: Int64) { lock.withLock { ids[name] = id } }
}

/// The history file's schema, as numbered steps in `PRAGMA user_version`,
/// applied in one IMMEDIATE transaction (two dashboards may create it at once).
enum HistorySchema {
    static let steps: [String] = [
        """
        CREATE TABLE nodes(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                           started_at REAL, pid INTEGER, version TEXT, status TEXT NOT NULL DEFAULT '');
        CREATE TABLE spans(start REAL PRIMARY KEY, end REAL NOT NULL) WITHOUT ROWID;
        CREATE TABLE runs(node_id INTEGER NOT NULL, start REAL NOT NULL, end REAL, state INTEGER NOT NULL, period REAL,
                          PRIMARY KEY(node_id, start)) WITHOUT ROWID;
        CREATE TABLE events(node_id INTEGER NOT NULL, at REAL NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
                            PRIMARY KEY(node_id, kind, at)) WITHOUT ROWID;
        CREATE TABLE changes(id INTEGER PRIMARY KEY, seen_at REAL NOT NULL, entity_type TEXT NOT NULL,
                             entity_id TEXT NOT NULL, before_node TEXT, before_mode TEXT, after_node TEXT,
                             after_mode TEXT, updated_by TEXT, updated_at REAL, batch TEXT, dedupe TEXT NOT NULL UNIQUE);
        CREATE INDEX changes_seen ON changes(seen_at);
        CREATE TABLE bindings(entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, node TEXT NOT NULL,
                              mode TEXT NOT NULL, PRIMARY KEY(entity_type, entity_id)) WITHOUT ROWID;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        """,
    ]

    static func migrate(_ queue: DatabaseQueue) throws {
        // Must precede the first table; freed pages are then given back by `incremental_vacuum`.
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard version <= steps.count else {
                    throw HistoryStore.failure("cannot use", "the file", "made by a newer clustertui (schema \(version))")
                }
                for (index, step) in steps.enumerated() where index >= version { try db.execute(sql: step) }
                try db.execute(sql: "PRAGMA user_version = \(steps.count)")
                return .commit
            }
        }
    }

    /// A store opened to read must be one of ours, at a schema this build knows.
    static func check(_ queue: DatabaseQueue) throws {
        let version = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        guard version >= 1, version <= steps.count else {
            throw HistoryStore.failure("cannot use", "the file", "not a history store this build can read (schema \(version))")
        }
    }
}
