import ClusterModel
import Foundation
import Testing
@testable import ClusterApp
@testable import ClusterCLI
@testable import ClusterState
@testable import ClusterViews

/// Issue 19: a column is one definition, read by the dashboard's tables,
/// the `s` sort cycle and `clustertui get -o table|wide`, with the same
/// words for the same states everywhere.
@Suite struct ColumnDefinitionTests {
    /// The CLI's headers are the definitions' titles, in their order.
    @Test func getPrintsTheDefinedColumns() {
        let table = ResourceTables.nodes(TestCluster.overview, now: TestCluster.now, wide: false).render()
        let header = table.split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(header == NodeColumns.all.filter { $0.isShown(wide: false) }.map(\.spec.title))
        let wide = ResourceTables.instances(TestCluster.instances, risk: nil).render()
        #expect(wide.hasPrefix("TYPE"), "\(wide)")
        let instanceHeader = wide.split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(instanceHeader == InstanceColumns.all.filter { $0.isShown(wide: false) }.map(\.spec.title))
    }

    /// The dashboard's table and `get nodes` say a silent node's health in the same word (the CLI said "stale").
    @Test func theSameStateHasTheSameWordEverywhere() throws {
        let silent = TestCluster.node("gone-1", age: 600)
        let overview = Overview(thisNodeName: "gone-1", defaultNodeName: "gone-1", nodes: [silent], assignments: [])
        let table = ResourceTables.nodes(overview, now: TestCluster.now, wide: false).render()
        let row = try #require(table.split(separator: "\n").last)
        #expect(row.contains(HeartbeatHealth.stale.word), "\(row)")
        #expect(HeartbeatHealth.stale.word == "silent")
    }

    /// `s` walks the sortable columns in the order the table shows them, then back to "problems first".
    @Test func theSortCycleFollowsTheColumns() {
        var state = TestCluster.loadedState()
        state.focus = .nodes
        var seen: [NodeColumn] = []
        for _ in 0..<20 {
            _ = TestCluster.press(&state, .char("s"))
            guard let sort = state.nodePane.sort else { break }
            seen.append(sort.column)
        }
        #expect(seen == NodeColumns.all.compactMap(\.sort))
        #expect(state.nodePane.sort == nil)
        let screen = RootView.render(state).text()
        #expect(screen.contains("sort: problems first"), "\(screen)")
    }

    /// The dashboard draws every dashboard column's title that fits at 200 columns.
    @Test func theDashboardDrawsTheDefinedColumns() {
        var state = TestCluster.loadedState(width: 200, height: 50)
        let bare = RootView.render(state).text()
        #expect(!bare.contains("RESTARTS") && !bare.contains("HISTORY"), "no recorded history: no history columns")
        let quiet = NodeHistory(strip: Array(repeating: .ok, count: 60), gaps: Array(repeating: 0, count: 60),
                                restarts: 0, flapping: false, events: [])
        let nodes = Dictionary(uniqueKeysWithValues: state.snapshot!.nodes.map { ($0.name, quiet) })
        _ = Update.update(&state, .historyUpdated(HistoryDigest(endsAt: state.now, nodes: nodes, flapping: [], changes: [])),
                          now: state.now)
        let screen = RootView.render(state).text()
        for column in NodeColumns.all.onDashboard() where !column.spec.title.isEmpty {
            #expect(screen.contains(column.spec.title), "\(column.spec.title)")
        }
        #expect(!screen.contains("HEALTH"), "the CLI-only column stays out of the dashboard")
    }

    /// An offline node's UPTIME went on counting after it stopped (18m15s for a node offline 15m).
    @Test func aDownNodeHasNoUptime() throws {
        let column = try #require(NodeColumns.all.first { $0.name == "uptime" })
        let started = TestCluster.now.addingTimeInterval(-3600)
        let node = Node(name: "gone", status: .offline, lastHeartbeatAt: TestCluster.now.addingTimeInterval(-900), startedAt: started)
        #expect(column.cell(NodeCell(node: node, health: .offline, now: TestCluster.now, glyphs: .unicode)).0 == "—")
        var live = node
        live.status = .online
        #expect(column.cell(NodeCell(node: live, health: .ok, now: TestCluster.now, glyphs: .unicode)).0 != "—")
    }
}
