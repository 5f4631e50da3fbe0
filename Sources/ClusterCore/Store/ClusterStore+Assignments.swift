import ClusterModel
import Foundation
import GRDB

/// Assignment writes, each with its audit row in the same transaction.
extension ClusterStore {
    /// Every explicit assignment, by key.
    func assignments() async throws -> [Assignment] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assignments ORDER BY entityType, entityId").map(StoreRows.assignment)
        }
    }

    /// Stores a binding to an existing node and writes `cluster.assignment.set`.
    /// `nodeName` is already trimmed and non-blank.
    func setAssignment(
        _ key: EntityKey, nodeName: String, mode: AssignmentMode, actor: String, at now: Date
    ) async throws -> Assignment {
        try await writeImmediate { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM nodes WHERE name = ?", arguments: [nodeName]) == true else {
                throw CoreError.unknownNode(nodeName)
            }
            let row = Assignment(
                entityType: key.entityType, entityId: key.entityId, nodeName: nodeName, mode: mode,
                updatedBy: actor, updatedAt: now)
            try Self.upsert(db, row)
            try Self.audit(db, "cluster.assignment.set", actor: actor, key: key, nodeName: nodeName, mode: mode, at: now)
            return row
        }
    }

    static func upsert(_ db: Database, _ a: Assignment) throws {
        try db.cachedStatement(sql: """
            INSERT INTO assignments (entityType, entityId, nodeName, mode, updatedBy, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(entityType, entityId) DO UPDATE SET nodeName = excluded.nodeName, mode = excluded.mode,
              updatedBy = excluded.updatedBy, updatedAt = excluded.updatedAt
            """).execute(arguments: [
                a.entityType.rawValue, a.entityId, a.nodeName, a.mode.rawValue, a.updatedBy, a.updatedAt?.timeIntervalSince1970,
            ])
    }

    /// Removes a binding; writes `cluster.assignment.delete` only when a row was removed.
    func deleteAssignment(_ key: EntityKey, actor: String, at now: Date) async throws -> Bool {
        try await writeImmediate { db in
            let old = try Row.fetchOne(
                db, sql: "SELECT nodeName, mode FROM assignments WHERE entityType = ? AND entityId = ?",
                arguments: [key.entityType.rawValue, key.entityId])
            guard let old else { return false }
            try db.execute(
                sql: "DELETE FROM assignments WHERE entityType = ? AND entityId = ?",
                arguments: [key.entityType.rawValue, key.entityId])
            try Self.audit(
                db, "cluster.assignment.delete", actor: actor, key: key,
                nodeName: old["nodeName"], mode: AssignmentMode(old["mode"] ?? "strict"), at: now)
            return true
        }
    }

    static func audit(
        _ db: Database, _ action: String, actor: String, key: EntityKey, nodeName: String, mode: AssignmentMode, at now: Date
    ) throws {
        let details = try JSONSerialization.data(
            withJSONObject: ["nodeName": nodeName, "mode": mode.rawValue], options: [.sortedKeys])
        try db.execute(
            sql: "INSERT INTO audit_log (action, actor, resource, details, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [action, actor, key.description, String(decoding: details, as: UTF8.self), now.timeIntervalSince1970])
    }

    /// The audit log, oldest first.
    func auditEntries() async throws -> [AuditEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id").map { row in
                AuditEntry(
                    action: row["action"], actor: row["actor"], resource: row["resource"], details: row["details"],
                    at: Date(timeIntervalSince1970: row["at"]))
            }
        }
    }
}
