import ClusterModel
import ClusterSupport
import Foundation

/// One cluster's recorded history on disk (issue 22): an SQLite file under
/// `$XDG_STATE_HOME/clustertui/history/`, 0600 in a 0700 directory. WAL
/// journal and a busy time-out, so a `clustertui history` reading while a
/// dashboard records shares it safely (one dashboard records a cluster at a
/// time: `RecorderLock`); every poll's rows
/// go in one transaction, so a crash loses at most that poll. Times are
/// `REAL` seconds since 1970, as in the core's store. One connection,
/// used under a lock (the recorder's thread, or a CLI command).
package final class HistoryStore: @unchecked Sendable {
    package let path: String
    let connection: SQLiteConnection
    let lock = NSLock()
    /// Node ids by name, filled as nodes are first written.
    var nodeIDs: [String: Int64] = [:]

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
        if create {
            let directory = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Self.failure("cannot create", directory, String(describing: error))
            }
            // Created 0600 before SQLite opens it: history names nodes and who moved what.
            let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw Self.failure("cannot create", path, String(cString: strerror(errno))) }
            close(fd)
        } else if !FileManager.default.fileExists(atPath: path) {
            throw Self.failure("no history at", path, "nothing was recorded for this cluster yet")
        }
        do {
            connection = try SQLiteConnection(path: path, readOnly: !create)
            if create { try HistorySchema.migrate(connection) } else { try HistorySchema.check(connection) }
        } catch let error as ClusterError {
            throw error
        } catch {
            throw Self.failure("cannot use", path, String(describing: error))
        }
    }

    static func failure(_ what: String, _ path: String, _ why: String) -> ClusterError {
        .usage("history store: \(what) \(TextSanitizer.excerpt(path)): \(TextSanitizer.excerpt(why, limit: 160))")
    }

    /// Runs `body` in one IMMEDIATE transaction. A lock held by another
    /// dashboard past the busy time-out throws `HistoryBusy` (skip this poll).
    func write(_ body: (SQLiteConnection) throws -> Void) throws {
        try lock.withLock {
            do {
                try connection.transaction { try body(connection) }
            } catch let error as SQLiteError where error.isBusy {
                nodeIDs = [:]  // ids made in the rolled-back transaction are gone
                throw HistoryBusy()
            } catch let error as ClusterError {
                throw error
            } catch {
                nodeIDs = [:]
                throw Self.failure("cannot write", path, String(describing: error))
            }
        }
    }

    func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock {
            do { return try body(connection) } catch {
                throw Self.failure("cannot read", path, String(describing: error))
            }
        }
    }

    /// Moves the WAL into the main file (the bench measures the file alone).
    package func checkpoint() throws {
        try read { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The bytes the rows take: pages in use, not the free ones.
    package func usedBytes() throws -> Int {
        try read { db in
            let pages = try db.value("PRAGMA page_count").int ?? 0
            let free = try db.value("PRAGMA freelist_count").int ?? 0
            let size = try db.value("PRAGMA page_size").int ?? 4096
            return (pages - free) * size
        }
    }
}

/// Another dashboard held the store's lock past the busy time-out: this
/// poll is not kept, the next one tries again.
package struct HistoryBusy: Error {}

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
        CREATE INDEX runs_end ON runs(end);
        CREATE TABLE events(node_id INTEGER NOT NULL, at REAL NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
                            PRIMARY KEY(node_id, kind, at)) WITHOUT ROWID;
        CREATE INDEX events_at ON events(at);
        CREATE TABLE changes(id INTEGER PRIMARY KEY, seen_at REAL NOT NULL, entity_type TEXT NOT NULL,
                             entity_id TEXT NOT NULL, before_node TEXT, before_mode TEXT, after_node TEXT,
                             after_mode TEXT, updated_by TEXT, updated_at REAL, batch TEXT, dedupe TEXT NOT NULL UNIQUE);
        CREATE INDEX changes_seen ON changes(seen_at);
        CREATE TABLE bindings(entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, node TEXT NOT NULL,
                              mode TEXT NOT NULL, PRIMARY KEY(entity_type, entity_id)) WITHOUT ROWID;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE trend(minute INTEGER PRIMARY KEY, ok INTEGER NOT NULL, late INTEGER NOT NULL,
                           down INTEGER NOT NULL, at_risk INTEGER);
        """,
    ]

    static func migrate(_ db: SQLiteConnection) throws {
        // Before the first table: freed pages can then be given back (`incremental_vacuum`).
        try db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute("PRAGMA synchronous = NORMAL")
        try db.transaction {
            let version = try db.value("PRAGMA user_version").int ?? 0
            guard version <= steps.count else {
                throw HistoryStore.failure("cannot use", "the file", "made by a newer clustertui (schema \(version))")
            }
            for (index, step) in steps.enumerated() where index >= version { try db.execute(step) }
            try db.execute("PRAGMA user_version = \(steps.count)")
        }
    }

    /// A store opened to read must be one of ours, at a schema this build knows.
    static func check(_ db: SQLiteConnection) throws {
        let version = try db.value("PRAGMA user_version").int ?? 0
        guard version == steps.count else {
            throw HistoryStore.failure("cannot use", "the file", "not a history store this build can read (schema \(version))")
        }
    }
}
