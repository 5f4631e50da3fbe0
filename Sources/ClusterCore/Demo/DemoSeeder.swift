import ClusterModel
import Foundation
import GRDB

/// Fills an empty store with the demo cluster in one transaction: simulated
/// nodes (steady, draining, flaky, ghosts), tenants, the catalogue and a few
/// explicit assignments covering every risk the dashboard shows.
struct DemoSeeder {
    let cluster: EmbeddedCluster
    let options: DemoOptions

    func seedIfEmpty() async throws {
        let now = cluster.clock.now()
        let plan = DemoPlan(total: options.nodes, baseVersion: ClusterCoreInfo.version)
        let tenants = DemoCatalogue.tenants(forInstances: options.instances)
        let entries = DemoCatalogue.entries(count: options.instances, tenants: tenants)
        let assignments = Self.assignments(plan: plan, entries: entries, now: now)
        let heartbeat = cluster.options.heartbeat
        try await cluster.store.writeImmediate { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM catalogue") == 0 else { return }
            for (i, sim) in plan.nodes.enumerated() {
                try Self.insert(db, sim, index: i, now: now, heartbeat: heartbeat)
            }
            try ClusterStore.insert(db, tenants: tenants, entries: entries)
            for a in assignments { try ClusterStore.upsert(db, a) }
        }
    }

    static func insert(_ db: Database, _ sim: DemoPlan.SimNode, index: Int, now: Date, heartbeat: TimeInterval) throws {
        switch sim.behaviour {
        case .ghost(let days):
            let last = now.addingTimeInterval(-days * 86_400)
            try ClusterStore.upsert(
                db, sim.registration, status: .offline, heartbeat: last, startedAt: last.addingTimeInterval(-3 * 3600))
        case .draining, .steady, .flaky:
            let status: NodeStatus = sim.behaviour == .draining ? .draining : .online
            let age = Double(index % max(1, Int(heartbeat)))
            try ClusterStore.upsert(
                db, sim.registration, status: status, heartbeat: now.addingTimeInterval(-age),
                startedAt: now.addingTimeInterval(-Double(3600 * (2 + index % 40))))
        }
    }

    /// Every 7th of the first 7,000 entities (at most 1,000 rows, so the cheap
    /// overview stays cheap at 100,000 instances) bound round-robin to live nodes, plus the risky ones:
    /// strict and preferred on ghosts, strict on the flaky node, and one
    /// binding to a node missing from the registry.
    static func assignments(plan: DemoPlan, entries: [CatalogueEntry], now: Date) -> [Assignment] {
        let live = plan.liveNodes.map(\.registration.name)
        let ghosts = plan.ghostNodes.map(\.registration.name)
        guard !live.isEmpty else { return [] }
        var out: [Assignment] = []
        func bind(_ e: CatalogueEntry, _ node: String, _ mode: AssignmentMode, _ minutesAgo: Int) {
            out.append(Assignment(
                entityType: e.entityType, entityId: e.entityId, nodeName: node, mode: mode,
                updatedBy: "u_demo", updatedAt: now.addingTimeInterval(-Double(minutesAgo * 60))))
        }
        for (i, e) in entries.prefix(7_000).enumerated() where i % 7 == 0 {
            bind(e, live[(i / 7) % live.count], i % 2 == 0 ? .strict : .preferred, 5 + i % 600)
        }
        let special = entries.enumerated().filter { $0.offset % 7 != 0 }.map(\.element)
        if special.count > 0, let ghost = ghosts.first { bind(special[0], ghost, .strict, 90) }
        if special.count > 1, ghosts.count > 1 { bind(special[1], ghosts[1], .preferred, 240) }
        if special.count > 2, let flaky = plan.nodes.first(where: { $0.behaviour == .flaky }) {
            bind(special[2], flaky.registration.name, .strict, 30)
        }
        if special.count > 3 { bind(special[3], "worker-retired", .strict, 60 * 24 * 3) }
        return out
    }
}
