import ClusterModel
import Foundation
import GRDB

/// Conversions between table rows and wire types.
enum StoreRows {
    /// Tags are stored joined by the ASCII unit separator (never typed by people).
    static let tagSeparator = "\u{1F}"

    static func date(_ v: Double?) -> Date? { v.map { Date(timeIntervalSince1970: $0) } }

    static func node(_ row: Row) -> Node {
        let tags: String = row["tags"] ?? ""
        return Node(
            name: row["name"], role: NodeRole(row["role"] ?? ""), url: row["url"],
            tags: tags.isEmpty ? [] : tags.components(separatedBy: tagSeparator),
            status: NodeStatus(row["status"] ?? ""), lastHeartbeatAt: date(row["lastHeartbeatAt"]),
            startedAt: date(row["startedAt"]), version: row["version"], hostname: row["hostname"], pid: row["pid"])
    }

    static func assignment(_ row: Row) -> Assignment {
        Assignment(
            entityType: EntityType(row["entityType"] ?? ""), entityId: row["entityId"], nodeName: row["nodeName"],
            mode: AssignmentMode(row["mode"] ?? "strict"), updatedBy: row["updatedBy"], updatedAt: date(row["updatedAt"]))
    }
}

/// One row of the audit log: who did what to which entity, when.
public struct AuditEntry: Sendable, Hashable {
    /// `cluster.assignment.set` or `cluster.assignment.delete`.
    public var action: String
    /// The acting user id.
    public var actor: String?
    /// `entityType:entityId`.
    public var resource: String
    /// `{nodeName, mode}` as JSON text.
    public var details: String
    public var at: Date
}
