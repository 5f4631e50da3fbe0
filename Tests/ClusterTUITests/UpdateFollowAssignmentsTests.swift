import ClusterModel
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterState
@testable import ClusterViews

/// Issue 11: after a change made elsewhere the events pane showed it at the
/// next 2 s overview while the instance row kept the old binding until the
/// 30 s instance poll. The rows now follow the overview's assignments.
@Suite struct UpdateFollowAssignmentsTests {
    let now = TestCluster.now

    /// Issue 11: a binding changed elsewhere shows in the instance row at the next overview.
    @Test func rowsFollowTheOverviewsBindingsWithoutAnInstancePoll() throws {
        var state = TestCluster.loadedState()
        var overview = TestCluster.overview
        overview.assignments.append(Assignment(entityType: .agent, entityId: "tenant1:research-agent", nodeName: "node-c", mode: .strict))
        overview.assignments.removeAll { $0.entityId == "tenant1:brw_42" }
        let later = now.addingTimeInterval(2)
        _ = Update.update(&state, .tick, now: later)
        let effects = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 5)), latency: 0.01), now: later)
        #expect(effects.contains(.followAssignments(overview)))
        let instances = try #require(state.snapshot?.instances)
        let patched = try #require(AssignmentFollow.patch(instances, to: overview))
        let dueBefore = state.instancesPoll.nextDue
        _ = Update.update(&state, .instancesRebased(PreparedInstances.prepare(patched)), now: later)
        let rows = try #require(state.snapshot?.instances)
        let agent = try #require(rows.first { $0.entityId == "tenant1:research-agent" })
        #expect(agent.nodeName == "node-c" && agent.mode == .strict && agent.explicit)
        let browser = try #require(rows.first { $0.entityId == "tenant1:brw_42" })
        #expect(browser.nodeName == "node-a" && browser.mode == .preferred && !browser.explicit, "back on the default node")
        #expect(state.instancesPoll.nextDue == dueBefore, "the instance poll keeps its schedule")
        #expect(RootView.render(state).text().split(separator: "\n").contains { $0.contains("Research Agent") && $0.contains("node-c") })
    }

    /// An overview whose bindings did not change asks for nothing.
    @Test func unchangedBindingsAskForNothing() {
        var state = TestCluster.loadedState()
        var overview = TestCluster.overview
        overview.nodes[0].lastHeartbeatAt = now
        let later = now.addingTimeInterval(2)
        _ = Update.update(&state, .tick, now: later)
        let effects = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 6)), latency: 0.01), now: later)
        #expect(!effects.contains { if case .followAssignments = $0 { true } else { false } })
        #expect(AssignmentFollow.patch(state.snapshot!.instances, to: overview) == nil, "the rows already agree")
    }
}
