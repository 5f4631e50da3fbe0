import ClusterCore
import ClusterModel
import Foundation
import Testing

/// The read side of the conformance suite, run against the in-process core
/// and over HTTP against the server: both must answer alike.
@Suite struct ConformanceReadTests {
    @Test(arguments: Backend.allCases)
    func overviewShowsThisDefaultNodesAndAssignments(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            let overview = try await h.reader.overview()
            #expect(overview.thisNodeName == "this-node")
            // The demo's `core-main-1` is the oldest online main node; this node is a worker.
            #expect(overview.defaultNodeName == "core-main-1")
            #expect(overview.nodes.count == 8)
            let statuses = Set(overview.nodes.map(\.status))
            #expect(statuses == [.online, .draining, .offline])
            let this = try #require(overview.nodes.first { $0.name == "this-node" })
            #expect(this.role == .worker && this.pid == 42 && this.version == "1.4.0" && this.status == .online)
            #expect(this.lastHeartbeatAt == h.clock.now())
            #expect(overview.nodes.contains { $0.url == nil && $0.version == nil })
            #expect(!overview.assignments.isEmpty)
            #expect(overview.assignments.contains { $0.nodeName == "worker-retired" })
        }
    }

    @Test(arguments: Backend.allCases)
    func instancesCoverEveryTypeAndAnnotateBindings(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            let overview = try await h.reader.overview()
            let list = try await h.reader.instances().instances
            #expect(list.count == 60)
            #expect(Set(list.map(\.entityType)) == Set(EntityType.known))
            #expect(list.contains { $0.entityId == "t1:a/b?c#d%e f" })
            #expect(list.contains { $0.name == "\u{1B}[31mred\u{1B}[0m" })
            #expect(list.contains { $0.tenantSlug == "東京-labs" })
            let bound = Dictionary(uniqueKeysWithValues: overview.assignments.map { ($0.key, $0) })
            for instance in list {
                if let a = bound[instance.key] {
                    #expect(instance.explicit && instance.nodeName == a.nodeName && instance.mode == a.mode)
                } else {
                    #expect(!instance.explicit && instance.nodeName == "core-main-1" && instance.mode == .preferred)
                }
            }
            #expect(list.contains { $0.explicit } && list.contains { !$0.explicit })
        }
    }

    @Test(arguments: Backend.allCases)
    func unchangedStateYieldsNilValueAndChangeYieldsNewDigest(_ backend: Backend) async throws {
        try await Harness.with(backend) { h in
            let first = try await h.reader.overview(unlessUnchangedFrom: nil)
            #expect(first.value != nil)
            let again = try await h.reader.overview(unlessUnchangedFrom: first.digest)
            #expect(again.value == nil && again.digest == first.digest)
            let instances = try await h.reader.instances(unlessUnchangedFrom: nil)
            let instancesAgain = try await h.reader.instances(unlessUnchangedFrom: instances.digest)
            #expect(instancesAgain.value == nil)

            _ = try await h.writer.setAssignment(EntityKey(.agent, "t9:new"), nodeName: "worker-03", mode: .preferred)
            let changed = try await h.reader.overview(unlessUnchangedFrom: first.digest)
            #expect(changed.value != nil && changed.digest != first.digest)
            h.clock.advance(by: 2)
            try await h.cluster.heartbeatNow()
            let beat = try await h.reader.overview(unlessUnchangedFrom: changed.digest)
            #expect(beat.value?.nodes.first { $0.name == "this-node" }?.lastHeartbeatAt == h.clock.now())
            #expect(first.serverDate != nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func addedCatalogueEntriesAppearWithTheDefaultBinding(_ backend: Backend) async throws {
        try await Harness.with(backend, demo: nil) { h in
            let before = try await h.reader.instances(unlessUnchangedFrom: nil)
            #expect(before.value?.instances.isEmpty == true)
            try await h.cluster.addToCatalogue(
                tenants: [Tenant(id: "tx", slug: "x-corp")],
                entries: [CatalogueEntry(entityType: .crawler, entityId: "tx:ü 1", name: "Ü", tenantId: "tx")])
            let after = try await h.reader.instances(unlessUnchangedFrom: before.digest)
            let row = try #require(after.value?.instances.first)
            #expect(row.entityId == "tx:ü 1" && row.tenantSlug == "x-corp" && row.nodeName == "this-node" && !row.explicit)
        }
    }
}
