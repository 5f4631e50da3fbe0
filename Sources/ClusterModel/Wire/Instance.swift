import Foundation

/// One assignable entity, as `GET /api/cluster/instances` lists it, with its
/// current binding (`explicit`) or the default fallback (`explicit: false`).
public struct Instance: Codable, Hashable, Sendable {
    public var entityType: EntityType
    public var entityId: String
    public var name: String
    @WireNullable public var subtitle: String?
    @WireNullable public var tenantId: String?
    @WireNullable public var tenantSlug: String?
    @WireNullable public var projectId: String?
    public var nodeName: String
    public var mode: AssignmentMode
    public var explicit: Bool

    public init(
        entityType: EntityType, entityId: String, name: String, subtitle: String? = nil,
        tenantId: String? = nil, tenantSlug: String? = nil, projectId: String? = nil,
        nodeName: String, mode: AssignmentMode = .preferred, explicit: Bool = false
    ) {
        self.entityType = entityType; self.entityId = entityId; self.name = name
        self.subtitle = subtitle; self.tenantId = tenantId; self.tenantSlug = tenantSlug
        self.projectId = projectId; self.nodeName = nodeName; self.mode = mode; self.explicit = explicit
    }

    public var key: EntityKey { EntityKey(entityType, entityId) }
    /// The tenant as an operator knows it: its slug, else its id.
    public var tenant: String { tenantSlug ?? tenantId ?? "" }

    /// The JSON keys: read by `init(from:)`, written back (`serve`, `-o json`)
    /// by the synthesised `encode(to:)`, `@WireNullable` and `@WireTime`
    /// fields as `null` when unknown. A stored property left out of this list
    /// is not written, nor one without its wrapper when `nil`:
    /// `WireEncodingTests` fails on either.
    enum CodingKeys: String, CodingKey {
        case entityType, entityId, name, subtitle, tenantId, tenantSlug, projectId, nodeName, mode, explicit
    }

    /// Reads the API's JSON with the tolerances the type's comment gives.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        entityType = try c.decode(EntityType.self, forKey: .entityType)
        entityId = try c.decode(String.self, forKey: .entityId)
        name = (try? c.decodeIfPresent(String.self, forKey: .name)) ?? entityId
        subtitle = try? c.decodeIfPresent(String.self, forKey: .subtitle)
        tenantId = try? c.decodeIfPresent(String.self, forKey: .tenantId)
        tenantSlug = try? c.decodeIfPresent(String.self, forKey: .tenantSlug)
        projectId = try? c.decodeIfPresent(String.self, forKey: .projectId)
        nodeName = (try? c.decodeIfPresent(String.self, forKey: .nodeName)) ?? ""
        mode = (try? c.decodeIfPresent(AssignmentMode.self, forKey: .mode)) ?? .preferred
        explicit = (try? c.decodeIfPresent(Bool.self, forKey: .explicit)) ?? false
    }
}
