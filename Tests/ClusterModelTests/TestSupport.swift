import Foundation
import Testing
import ClusterModel

/// Shared builders and fixture loading for the ClusterModel tests.
enum Fixture {
    /// The bytes of `Fixtures/<name>.json`, copied into the test bundle.
    static func data(_ name: String) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")
                ?? Bundle.module.url(forResource: name, withExtension: "json"),
            "fixture \(name).json missing from the test bundle")
        return try Data(contentsOf: url)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(T.self, from: data(name))
    }
}

/// 2026-05-18T10:00:00Z, the reference's heartbeat time; all tests count from it.
let t0 = Date(timeIntervalSince1970: 1_779_098_400)

func node(
    _ name: String, status: NodeStatus = .online, age: TimeInterval? = 0, role: NodeRole = .all,
    version: String? = "1.0.0", startedAt: Date? = nil, pid: Int? = nil, hostname: String? = nil,
    url: String? = nil, tags: [String] = [], at now: Date = t0
) -> Node {
    Node(name: name, role: role, url: url, tags: tags, status: status,
         lastHeartbeatAt: age.map { now.addingTimeInterval(-$0) }, startedAt: startedAt,
         version: version, hostname: hostname, pid: pid)
}

func inst(
    _ id: String, type: EntityType = .agent, name: String? = nil, node: String, mode: AssignmentMode = .preferred,
    explicit: Bool = false, tenantSlug: String? = "acme", tenantId: String? = "t1", subtitle: String? = nil
) -> Instance {
    Instance(entityType: type, entityId: id, name: name ?? id, subtitle: subtitle, tenantId: tenantId,
             tenantSlug: tenantSlug, nodeName: node, mode: mode, explicit: explicit)
}

func snap(
    nodes: [Node], instances: [Instance] = [], assignments: [Assignment] = [], this: String = "a",
    defaultNode: String = "a", known: Bool = true, at: Date = t0
) -> ClusterSnapshot {
    ClusterSnapshot(
        overview: Overview(thisNodeName: this, defaultNodeName: defaultNode, nodes: nodes, assignments: assignments),
        instances: instances, instancesKnown: known, takenAt: at)
}
