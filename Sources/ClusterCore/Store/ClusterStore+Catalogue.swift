import ClusterModel
import Foundation
import GRDB

/// One assignable entity in the catalogue, as seeded (the demo) or imported.
public struct CatalogueEntry: Sendable, Hashable {
    public var entityType: EntityType
    public var entityId: String
    public var name: String
    public var subtitle: String?
    public var tenantId: String?
    public var projectId: String?
    public init(
        entityType: EntityType, entityId: String, name: String, subtitle: String? = nil,
        tenantId: String? = nil, projectId: String? = nil
    ) {
        self.entityType = entityType; self.entityId = entityId; self.name = name
        self.subtitle = subtitle; self.tenantId = tenantId; self.projectId = projectId
    }
}

/// A tenant: its id and the slug operators know it by.
public struct Tenant: Sendable, Hashable {
    public var id: String
    public var slug: String?
    public init(id: String, slug: String?) { self.id = id; self.slug = slug }
}

/// Tenants, the instance catalogue and the instance list query.
extension ClusterStore {
    /// Inserts (or replaces) tenants and entries in one transaction (100,000 rows in about a second).
    func seed(tenants: [Tenant], entries: [CatalogueEntry]) async throws {
        try await writeImmediate { db in try Self.insert(db, tenants: tenants, entries: entries) }
    }

    /// The inserts of `seed`, inside a transaction the caller already holds
    /// (the demo seeder adds nodes and assignments in the same one).
    static func insert(_ db: Database, tenants: [Tenant], entries: [CatalogueEntry]) throws {
        let t = try db.cachedStatement(sql: "INSERT OR REPLACE INTO tenants (id, slug) VALUES (?, ?)")
        for tenant in tenants { try t.execute(arguments: [tenant.id, tenant.slug]) }
        let c = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO catalogue (entityType, entityId, name, subtitle, tenantId, projectId)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for e in entries {
            try c.execute(arguments: [e.entityType.rawValue, e.entityId, e.name, e.subtitle, e.tenantId, e.projectId])
        }
    }

    /// Every catalogue entity with its assignment, or `defaultNode`/preferred/not explicit.
    func instances(defaultNode: String) async throws -> [Instance] {
        try await read { db in
            var out: [Instance] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.entityType, c.entityId, c.name, c.subtitle, c.tenantId, t.slug, c.projectId, a.nodeName, a.mode
                FROM catalogue c
                LEFT JOIN tenants t ON t.id = c.tenantId
                LEFT JOIN assignments a ON a.entityType = c.entityType AND a.entityId = c.entityId
                ORDER BY c.rowid
                """)
            while let row = try rows.next() {
                let node: String? = row[7]
                let mode: String? = row[8]
                out.append(Instance(
                    entityType: EntityType(row[0] as String), entityId: row[1], name: row[2], subtitle: row[3],
                    tenantId: row[4], tenantSlug: row[5], projectId: row[6], nodeName: node ?? defaultNode,
                    mode: node == nil ? .preferred : AssignmentMode(mode ?? "strict"), explicit: node != nil))
            }
            return out
        }
    }
}
