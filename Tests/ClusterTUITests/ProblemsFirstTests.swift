import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Issue 23 ("problems first"): with 60 nodes the one dead node sorted last
/// ("live first") and was off-screen at 80×24 and even at 200×60; on the
/// wallboard it appeared only on the last page.
@Suite struct ProblemsFirstTests {
    let now = TestCluster.now

    /// 60 workers beating at `time`, but `worker-59` quiet since two minutes before `now`.
    func sixtyNodes(at time: Date) -> Overview {
        var nodes = (0..<60).map { TestCluster.node(String(format: "worker-%02d", $0), age: 2) }
        for i in nodes.indices { nodes[i].lastHeartbeatAt = time.addingTimeInterval(-1) }
        nodes[59].lastHeartbeatAt = now.addingTimeInterval(-120)
        return Overview(thisNodeName: "worker-00", defaultNodeName: "worker-00", nodes: nodes, assignments: [])
    }

    func state(width: Int, height: Int, wallboard: Bool = false) -> AppState {
        var config = AppConfig(label: "test")
        config.wallboard = wallboard
        config.readOnly = wallboard
        var state = AppState(config: config, width: width, height: height, now: now)
        // Two polls: the second shows every node but worker-59 moved on.
        for (k, t) in [now, now.addingTimeInterval(2)].enumerated() {
            _ = Update.update(&state, .tick, now: t)
            _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(sixtyNodes(at: t), digest: UInt64(k + 1))),
                                                      latency: 0.01), now: t)
        }
        _ = Update.update(&state, TestCluster.listed(TestCluster.fetched(InstanceList(instances: []))), now: now.addingTimeInterval(2))
        return state
    }

    /// Issue 23: the node that stopped beating is the first row of the node table at 80×24.
    @Test func theDeadNodeLeadsTheNodeTable() {
        let state = state(width: 80, height: 24)
        #expect(state.derived.nodes.first?.name == "worker-59")
        let lines = RootView.render(state).text().split(separator: "\n")
        let header = lines.firstIndex { $0.contains("NAME") && $0.contains("HEARTBEAT") }
        #expect(header.map { lines[$0 + 1].contains("worker-59") } == true, "\(lines.prefix(8))")
        #expect(lines.contains { $0.contains("sort: problems first") })
    }

    /// Issue 23: on the wallboard the node that stopped is pinned above every page, with its heartbeat's word.
    @Test func theWallboardPinsTheDeadNodeOnEveryPage() {
        var wall = state(width: 80, height: 24, wallboard: true)
        var pagesSeen = Set<String>()
        for slot in 0..<6 {
            let t = now.addingTimeInterval(2 + Double(slot) * wall.config.cycle)
            _ = Update.update(&wall, .tick, now: t)
            let text = RootView.render(wall).text()
            let pageLine = text.split(separator: "\n").first { $0.contains("page ") }.map(String.init) ?? "one page"
            pagesSeen.insert(pageLine)
            #expect(text.contains("NEEDS ATTENTION 1"), "\(pageLine)")
            // Its heartbeat's word (waiting for data, then silent), not the registry's "online".
            #expect(text.split(separator: "\n").contains { $0.contains("worker-59") && !$0.contains("online") }, "\(pageLine)")
        }
        #expect(pagesSeen.count > 1, "the 59 others need more than one page at 80×24")
    }
}
