import Foundation

/// An explicit instance-to-node binding: one row of the assignments table.
public struct Assignment: Codable, Hashable, Sendable {
    public var entityType: EntityType
    public var entityId: String
    public var nodeName: String
    public var mode: AssignmentMode
    /// The user id of whoever last set it; `nil` when the server did not say.
    @WireNullable public var updatedBy: String?
    @WireTime public var updatedAt: Date?

    public init(
        entityType: EntityType, entityId: String, nodeName: String, mode: AssignmentMode,
        updatedBy: String? = nil, updatedAt: Date? = nil
    ) {
        self.entityType = entityType; self.entityId = entityId; self.nodeName = nodeName
        self.mode = mode; self.updatedBy = updatedBy; self.updatedAt = updatedAt
    }

    /// The `entityType:entityId` key the server uses for audit resources.
    public var key: EntityKey { EntityKey(entityType, entityId) }

    /// The JSON keys: read by `init(from:)`, written back (`serve`, `-o json`)
    /// by the synthesised `encode(to:)`, `@WireNullable` and `@WireTime`
    /// fields as `null` when unknown. A stored property left out of this list
    /// is not written, nor one without its wrapper when `nil`:
    /// `WireEncodingTests` fails on either.
    enum CodingKeys: String, CodingKey { case entityType, entityId, nodeName, mode, updatedBy, updatedAt }

    /// Reads the API's JSON with the tolerances the type's comment gives.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        entityType = try c.decode(EntityType.self, forKey: .entityType)
        entityId = try c.decode(String.self, forKey: .entityId)
        nodeName = try c.decode(String.self, forKey: .nodeName)
        mode = (try? c.decodeIfPresent(AssignmentMode.self, forKey: .mode)) ?? .strict
        updatedBy = try? c.decodeIfPresent(String.self, forKey: .updatedBy)
        updatedAt = c.decodeWireDate(forKey: .updatedAt)
    }
}

/// Identifies one assignable entity across the cluster: type plus id.
public struct EntityKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var entityType: EntityType
    public var entityId: String
    public init(_ entityType: EntityType, _ entityId: String) {
        self.entityType = entityType; self.entityId = entityId
    }
    public var description: String { "\(entityType.rawValue):\(entityId)" }
    public static func < (a: EntityKey, b: EntityKey) -> Bool {
        a.entityType == b.entityType ? a.entityId < b.entityId : a.entityType < b.entityType
    }
}
