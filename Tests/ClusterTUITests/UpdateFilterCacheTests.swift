import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState

/// Backspace back to a query already typed reuses its answer; the answer
/// is always the one a fresh filter would give, even after the cluster moved.
@Suite struct UpdateFilterCacheTests {
    /// The rows (entity ids) a fresh state shows for `query`.
    static func freshRows(_ query: String, nodeDStatus: NodeStatus? = nil) -> [String] {
        var state = byName()
        if let nodeDStatus { moveNodeD(&state, to: nodeDStatus) }
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, query)
        return ids(state)
    }

    /// Sorted by name, an order that a node's status does not move (so the
    /// kept answers stay tied to the same order and only the rule that
    /// drops status queries protects them).
    static func byName() -> AppState {
        var state = TestCluster.loadedState()
        state.instancePane.sort = SortSpec(column: .name, ascending: true)
        state.recompute(.sort)
        return state
    }

    static func ids(_ state: AppState) -> [String] {
        state.derived.instanceRows.map { state.snapshot!.instances[$0].entityId }
    }

    /// An overview in which node-d has `status`, swapped in as a poll would.
    static func moveNodeD(_ state: inout AppState, to status: NodeStatus) {
        var overview = TestCluster.overview
        overview.nodes = overview.nodes.map { n in
            var n = n
            if n.name == "node-d" { n.status = status; n.lastHeartbeatAt = TestCluster.now }
            return n
        }
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 77)), latency: 0.01), now: state.now)
    }

    @Test func backspaceGivesTheAnswerOfTheShorterQuery() {
        var state = Self.byName()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "research")
        #expect(Self.ids(state) == Self.freshRows("research"))
        for _ in 0..<5 { TestCluster.press(&state, .backspace) }
        #expect(state.instancePane.filter.text == "res")
        #expect(Self.ids(state) == Self.freshRows("res"))
        TestCluster.type(&state, "earch-b")
        #expect(Self.ids(state) == ["tenant1:brw_42"])
    }

    /// `status:offline` read node-d as offline; after node-d came back,
    /// typing on and deleting again must not show the old answer.
    @Test func aQueryOnNodeStatusIsNotReusedAfterTheClusterMoved() {
        var state = Self.byName()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "status:offline")
        let before = Self.ids(state)
        #expect(before.contains("tenant1:blocked"))
        TestCluster.type(&state, " a")
        Self.moveNodeD(&state, to: .online)
        TestCluster.press(&state, .backspace, .backspace)
        #expect(state.instancePane.filter.text == "status:offline")
        #expect(Self.ids(state) == Self.freshRows("status:offline", nodeDStatus: .online))
        #expect(!Self.ids(state).contains("tenant1:blocked"))
    }

    /// Issue 19: under the risk sort a node's health change re-sorts the rows;
    /// a kept answer is put in the new order (not rescanned) and equals a fresh filter.
    @Test func aReSortKeepsAnswersInTheNewOrder() {
        func nodeBOffline(_ state: inout AppState) {
            var overview = TestCluster.overview
            if let i = overview.nodes.firstIndex(where: { $0.name == "node-b" }) { overview.nodes[i].status = .offline }
            _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 78)), latency: 0.01), now: state.now)
        }
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "r")
        TestCluster.type(&state, "e")
        let before = Self.ids(state)
        nodeBOffline(&state)  // brw_42, strict on node-b, is now at risk: it sorts first
        var fresh = TestCluster.loadedState()
        nodeBOffline(&fresh)
        TestCluster.press(&fresh, .char("/"))
        TestCluster.type(&fresh, "re")
        #expect(Self.ids(state) == Self.ids(fresh))
        #expect(Self.ids(state) != before && Self.ids(state).first == "tenant1:brw_42", "the order moved")
        TestCluster.press(&state, .backspace)
        TestCluster.press(&fresh, .backspace)
        #expect(Self.ids(state) == Self.ids(fresh), "Backspace to a query typed before the re-sort")
    }

    /// The kept rows in a new order: exactly the new order's rows that were kept.
    @Test func keepInOrderOfIsAFilterOfTheOrder() {
        #expect(RecentFilters.keep([4, 1, 3], inOrderOf: [0, 3, 2, 1, 4], rowCount: 5) == [3, 1, 4])
        #expect(RecentFilters.keep([], inOrderOf: [1, 0], rowCount: 2) == [])
    }
}
