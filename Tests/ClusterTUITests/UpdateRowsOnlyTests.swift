import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState

/// A filter keystroke or an instance swap recomputes rows only (issue 14:
/// risk, node health and node counts are kept from the last tick): what
/// still has to follow them does.
@Suite struct UpdateRowsOnlyTests {
    let now = TestCluster.now

    /// Guards: skipping node work on an instance swap left a node filter that reads bound instances stale.
    @Test func aNodeFilterReadingBoundInstancesFollowsAnInstanceSwap() throws {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("g"), .char("1"), .char("/"))
        TestCluster.type(&state, "is:risk")
        TestCluster.press(&state, .enter)
        #expect(state.derived.nodes.map(\.name) == ["node-d"], "a ghost holding no work is not at risk")
        // An instance turns up bound to the ghost: now the ghost holds work.
        let list = TestCluster.instances + [Instance(entityType: .agent, entityId: "t1:lost", name: "Lost", nodeName: "old-1234")]
        let prepared = PreparedInstances.prepared(TestCluster.fetched(InstanceList(instances: list), digest: 7), after: nil)
        _ = Update.update(&state, .instancesPrepared(.success(prepared), latency: 0.01), now: now)
        #expect(state.derived.nodes.map(\.name) == ["node-d", "old-1234"])
    }

    /// Guards: a swap or keystroke that kept the last risk context also kept a health the clock has since moved.
    @Test func theNextTickRenewsWhatAKeystrokeKept() {
        var state = TestCluster.loadedState()
        #expect(state.derived.healthSignature["node-b"] == .ok)
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "agent")
        #expect(state.derived.healthSignature["node-b"] == .ok, "a keystroke does not re-judge health")
        // node-b's heartbeat was 4 s old; 20 s on (polls unchanged), it is late.
        let later = now.addingTimeInterval(20)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(nil as Overview?)), latency: 0.01), now: later)
        _ = Update.update(&state, .tick, now: later)
        #expect(state.derived.healthSignature["node-b"] == .late)
        #expect(state.derived.nodeSummary?.late == 2, "node-a and node-b")
    }

    /// Guards: skipping node work on a filter key also skipped the ghost fold (`g`).
    @Test func theGhostFoldStillChangesTheNodeRows() {
        var state = TestCluster.loadedState()
        #expect(!state.derived.nodes.contains { $0.name == "old-1234" })
        TestCluster.press(&state, .char("g"))
        #expect(state.derived.nodes.contains { $0.name == "old-1234" })
        TestCluster.press(&state, .char("g"))
        #expect(!state.derived.nodes.contains { $0.name == "old-1234" })
    }
}
