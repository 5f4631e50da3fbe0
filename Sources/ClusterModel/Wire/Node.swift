import Foundation

/// One node of the cluster registry, as `GET /api/cluster/overview` lists it.
///
/// `url`, `version`, `hostname` and `pid` may be `null`; `tags` may be empty
/// or absent; a malformed `startedAt` decodes as `nil` (unknown). The fields
/// health is judged from (`name`, `status`, `lastHeartbeatAt`) are strict
/// (issue 20): a wrong type or an unreadable heartbeat makes the reply
/// malformed, never a node that reads "silent".
public struct Node: Codable, Hashable, Sendable {
    public var name: String
    public var role: NodeRole
    @WireNullable public var url: String?
    public var tags: [String]
    public var status: NodeStatus
    @WireTime public var lastHeartbeatAt: Date?
    @WireTime public var startedAt: Date?
    @WireNullable public var version: String?
    @WireNullable public var hostname: String?
    @WireNullable public var pid: Int?

    public init(
        name: String, role: NodeRole = .all, url: String? = nil, tags: [String] = [],
        status: NodeStatus = .online, lastHeartbeatAt: Date? = nil, startedAt: Date? = nil,
        version: String? = nil, hostname: String? = nil, pid: Int? = nil
    ) {
        self.name = name; self.role = role; self.url = url; self.tags = tags; self.status = status
        self.lastHeartbeatAt = lastHeartbeatAt; self.startedAt = startedAt
        self.version = version; self.hostname = hostname; self.pid = pid
    }

    /// The JSON keys: read by `init(from:)`, written back (`serve`, `-o json`)
    /// by the synthesised `encode(to:)`, `@WireNullable` and `@WireTime`
    /// fields as `null` when unknown. A stored property left out of this list
    /// is not written, nor one without its wrapper when `nil`:
    /// `WireEncodingTests` fails on either.
    enum CodingKeys: String, CodingKey {
        case name, role, url, tags, status, lastHeartbeatAt, startedAt, version, hostname, pid
    }

    /// Reads the API's JSON with the tolerances the type's comment gives.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        role = (try? c.decodeIfPresent(NodeRole.self, forKey: .role)) ?? NodeRole("")
        url = try? c.decodeIfPresent(String.self, forKey: .url)
        tags = (try? c.decodeIfPresent([String].self, forKey: .tags)) ?? []
        status = try c.decodeIfPresent(NodeStatus.self, forKey: .status) ?? NodeStatus("")
        lastHeartbeatAt = try c.decodeStrictWireDate(forKey: .lastHeartbeatAt)
        startedAt = c.decodeWireDate(forKey: .startedAt)
        version = try? c.decodeIfPresent(String.self, forKey: .version)
        hostname = try? c.decodeIfPresent(String.self, forKey: .hostname)
        pid = try? c.decodeIfPresent(Int.self, forKey: .pid)
    }
}
