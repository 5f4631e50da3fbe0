import ClusterModel
import Foundation
import ClusterApp
import ClusterGrid
import ClusterState

/// A small, fixed cluster for `update` and view tests: four live nodes in
/// every health, one ghost, and instances covering every binding and risk.
enum TestCluster {
    /// 2026-05-18T10:00:00Z: the reference's own timestamp.
    static let now = Date(timeIntervalSince1970: 1_779_098_400)

    static func node(_ name: String, status: NodeStatus = .online, age: TimeInterval, role: NodeRole = .worker,
                     version: String = "0.4.1", started: TimeInterval = 86_400) -> Node {
        Node(name: name, role: role, url: "https://\(name).internal:3000", tags: [], status: status,
             lastHeartbeatAt: now.addingTimeInterval(-age), startedAt: now.addingTimeInterval(-started),
             version: version, hostname: "host-\(name)", pid: 1000 + name.count)
    }

    static let overview = Overview(
        thisNodeName: "node-a", defaultNodeName: "node-a",
        nodes: [
            node("node-a", age: 2, role: .all),
            node("node-b", age: 4),
            node("node-c", status: .draining, age: 3, version: "0.4.0"),
            node("node-d", status: .offline, age: 600),
            node("old-1234", status: .offline, age: 5 * 86_400, version: "0.3.0"),
        ],
        assignments: [
            Assignment(entityType: .browser, entityId: "tenant1:brw_42", nodeName: "node-b", mode: .strict,
                       updatedBy: "u_alice", updatedAt: now.addingTimeInterval(-3600)),
            Assignment(entityType: .agent, entityId: "tenant1:blocked", nodeName: "node-d", mode: .strict,
                       updatedBy: "u_bob", updatedAt: now.addingTimeInterval(-7200)),
        ]
    )

    static let instances: [Instance] = [
        Instance(entityType: .agent, entityId: "tenant1:research-agent", name: "Research Agent", subtitle: "research-agent",
                 tenantId: "tenant1", tenantSlug: "acme", projectId: "prj_1", nodeName: "node-a", mode: .preferred, explicit: false),
        Instance(entityType: .browser, entityId: "tenant1:brw_42", name: "research-browser", subtitle: "brw_42",
                 tenantId: "tenant1", tenantSlug: "acme", projectId: "prj_1", nodeName: "node-b", mode: .strict, explicit: true),
        Instance(entityType: .agent, entityId: "tenant1:blocked", name: "Blocked Agent", subtitle: "blocked",
                 tenantId: "tenant1", tenantSlug: "acme", projectId: "prj_1", nodeName: "node-d", mode: .strict, explicit: true),
        Instance(entityType: .mcp, entityId: "tenant2:mcp/a?b#c", name: "Hostile \u{1B}[31mred\u{1B}[0m", subtitle: "mcp",
                 tenantId: "tenant2", tenantSlug: "globex", projectId: "prj_2", nodeName: "node-a", mode: .preferred, explicit: false),
    ]

    static func fetched<T: Sendable>(_ value: T?, digest: UInt64 = 1) -> Fetched<T> {
        Fetched(value: value, digest: BodyDigest(value: digest, length: 1), serverDate: nil, byteCount: 1)
    }

    /// The message the runner sends for an instance-list reply: the list
    /// prepared as the runner prepares it, off the UI thread.
    static func listed(_ fetched: Fetched<InstanceList>, latency: TimeInterval = 0) -> Message {
        .instancesPrepared(.success(PreparedInstances.prepared(fetched)), latency: latency)
    }

    /// A state that has seen one overview and one instance list.
    static func loadedState(width: Int = 120, height: Int = 40, config: AppConfig = AppConfig(label: "test")) -> AppState {
        var state = AppState(config: config, width: width, height: height, now: now)
        _ = Update.update(&state, .tick, now: now)
        _ = Update.update(&state, .overviewFetched(.success(fetched(overview)), latency: 0.012), now: now)
        _ = Update.update(&state, listed((fetched(InstanceList(instances: instances))), latency: 0.02), now: now)
        return state
    }

    /// A loaded state whose config has contexts `names`, the first one open (issue 23).
    static func withContexts(_ names: [String], protected: Bool = false) -> AppState {
        var config = AppConfig(label: names[0])
        config.contexts = names.map { ContextChoice(name: $0, url: "https://\($0)", hasToken: true) }
        config.currentContext = names[0]
        config.isProtected = protected
        return loadedState(config: config)
    }

    /// Sends keys one by one, collecting every effect.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += Update.update(&state, .key(key), now: state.now) }
        return effects
    }

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = Update.update(&state, .key(.char(c)), now: state.now) }
    }

    static func isWrite(_ effect: Effect) -> Bool {
        switch effect {
        case .write, .applyPlan: true
        default: false
        }
    }
}
