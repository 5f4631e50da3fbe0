import ClusterModel
import Foundation
import Testing
import ClusterState

/// Issue 12: the dashboard's fast orders (`PreparedInstances.baseOrder` and
/// `bucketOrder`) are said to equal the model's sort; only the bench checked
/// it. They must agree on every column they serve, both directions, on
/// random lists with ties, non-ASCII names, orphans and every binding.
@Suite struct SortAgreementTests {
    /// Numbered names too: the bench's `base_order_agrees_s2` read 0 after
    /// names sorted naturally (`agent-7` before `agent-14`) but the fast base order stayed byte-wise.
    static let names = ["alpha", "Alpha", "beta", "Ærø", "東京", "zeta", "Zeta", "mcp 1", "", "ÉCOLE", "école",
                        "agent-7", "agent-14", "agent-007", "worker-2", "worker-10", "w2", "w10x"]
    static let nodes = ["node-a", "node-b", "node-c", "gone", ""]

    static func randomList(seed: UInt64, count: Int) -> (ClusterSnapshot, RiskContext) {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ a: [T]) -> T { a[Int(random.next() % UInt64(a.count))] }
        let instances = (0..<count).map { i in
            Instance(entityType: pick([EntityType.agent, .mcp, .browser, EntityType("quantum")]), entityId: "t:\(random.next() % 15)",
                     name: pick(names), subtitle: nil, tenantId: "t", tenantSlug: nil, projectId: nil,
                     nodeName: pick(nodes), mode: pick([AssignmentMode.strict, .preferred]), explicit: random.next() % 2 == 0)
        }
        let overview = Overview(thisNodeName: "node-a", defaultNodeName: "node-a", nodes: [
            TestCluster.node("node-a", age: 2), TestCluster.node("node-b", status: .offline, age: 900),
            TestCluster.node("node-c", status: .draining, age: 3),
        ], assignments: [])
        let snapshot = ClusterSnapshot(overview: overview, instances: instances, instancesKnown: true, takenAt: TestCluster.now)
        return (snapshot, RiskContext(snapshot: snapshot, now: TestCluster.now))
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func fastOrdersEqualTheModelSort(seed: UInt64) {
        let (snapshot, risk) = Self.randomList(seed: seed, count: 300)
        let prepared = PreparedInstances.prepare(snapshot.instances)
        let table = prepared.riskTable(risk)
        let all = Array(snapshot.instances.indices)
        for column in InstanceColumn.allCases {
            for ascending in [true, false] {
                let spec = SortSpec(column: column, ascending: ascending)
                let served = column == .risk || column == .binding || (column == .name && ascending)
                guard let fast = prepared.bucketOrder(spec, riskTable: table) else {
                    #expect(!served, "\(column) \(ascending ? "↑" : "↓") has a fast order and must use it")
                    continue
                }
                #expect(fast == snapshot.sortedInstanceIndices(all, by: spec, risk: risk), "\(column) \(ascending ? "↑" : "↓")")
            }
        }
        #expect(PreparedInstances.baseOrder(snapshot.instances)
                == snapshot.sortedInstanceIndices(all, by: SortSpec(column: .name, ascending: true), risk: risk))
    }
}
