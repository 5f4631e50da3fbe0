import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 23 left the merged tables without a sort: each cluster kept its own
/// order, in config order. `s` now sorts every cluster's rows together by
/// the panes' columns (after the last, each cluster's own order again) and
/// `S` reverses, as in the panes.
@Suite struct UpdateMergedSortTests {
    /// Beta's nodes, named to fall between alpha's (node-a … node-d) in natural order.
    static let interleaved = Overview(
        thisNodeName: "node-a7", defaultNodeName: "node-a7",
        nodes: [TestCluster.node("node-a7", age: 1), TestCluster.node("node-b14", age: 300), TestCluster.node("node-b9", age: 1)],
        assignments: [])

    /// Alpha open, beta (`beta`) answered once, the merged table of `kind` open.
    static func opened(_ kind: MergedKind, beta: Overview = interleaved) -> AppState {
        UpdateMergedTablesTests.opened(kind, beta: beta).0
    }

    /// The node table sorted by name mixes the clusters in natural order; `S` reverses; the cycle ends in each cluster's own order.
    @Test func nodesSortAcrossClustersAndBack() {
        var state = Self.opened(.nodes)
        let own = UpdateMergedTablesTests.rowNames(state)
        #expect(own.firstIndex(of: "beta/node-b14")! > own.firstIndex(of: "alpha/node-d")!, "unsorted: clusters in config order")
        TestCluster.press(&state, .char("s"))
        #expect(state.mergedTable?.nodeSort?.column == MergedColumns.nodes.sortCycle().first)
        #expect(UpdateMergedTablesTests.rowNames(state) == ["alpha/node-a", "beta/node-a7", "alpha/node-b", "beta/node-b9", "beta/node-b14",
                                                           "alpha/node-c", "alpha/node-d"])
        let text = RootView.render(state).text()
        #expect(text.contains("Every node 7 in 2 clusters · sort: name") && text.contains("NAME▲"), "\(text)")
        TestCluster.press(&state, .char("S"))
        #expect(UpdateMergedTablesTests.rowNames(state).first == "alpha/node-d" && UpdateMergedTablesTests.rowNames(state).last == "alpha/node-a")
        #expect(RootView.render(state).text().contains("NAME▼"))
        for _ in MergedColumns.nodes.sortCycle() { TestCluster.press(&state, .char("s")) }
        #expect(state.mergedTable?.nodeSort == nil && UpdateMergedTablesTests.rowNames(state) == own)
        #expect(RootView.render(state).text().contains("every cluster's nodes in each cluster's own order"))
    }

    /// A poll of one cluster keeps the sort: its new node takes its place among the others.
    @Test func aPollKeepsTheSort() {
        var state = Self.opened(.nodes)
        TestCluster.press(&state, .char("s"))
        var more = Self.interleaved
        more.nodes.append(TestCluster.node("node-c1", age: 1))
        state.now += 10
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(more, digest: 2)), latency: 0.01), now: state.now)
        let names = UpdateMergedTablesTests.rowNames(state)
        #expect(names.firstIndex(of: "beta/node-c1") == names.firstIndex(of: "alpha/node-c")! + 1, "\(names)")
    }

    /// The instance table sorts both clusters' instances together (each table keeps its own sort across Tab).
    @Test func instancesSortAcrossClusters() {
        var state = Self.opened(.instances)
        _ = Update.update(&state, .fleetInstances(context: "beta", .success(TestCluster.fetched(InstanceList(
            instances: UpdateMergedTablesTests.betaInstances)))), now: state.now)
        let count = UpdateMergedTablesTests.rowNames(state).count
        let cycle = MergedColumns.instances.sortCycle()
        let toName = (cycle.firstIndex(of: .name) ?? 0) + 1
        for _ in 0..<toName { TestCluster.press(&state, .char("s")) }
        #expect(state.mergedTable?.instanceSort?.column == .name)
        guard let model = state.derived.merged else { Issue.record("no model"); return }
        let names = model.rows.map { row in model.sources[Int(row.source)].snapshot.instances[Int(row.index)].name.lowercased() }
        #expect(names.count == count && names == names.sorted { NaturalOrder.precedes($0, $1) }, "\(names)")
        #expect(Set(model.rows.prefix(3).map(\.source)).count == 2, "the clusters are mixed: \(names)")
        TestCluster.press(&state, .tab)
        #expect(state.mergedTable?.nodeSort == nil, "the node table keeps its own (none)")
        TestCluster.press(&state, .tab)
        #expect(state.mergedTable?.instanceSort?.column == .name)
    }

    /// Sorted by heartbeat, the open cluster's rows moved past the others' as its ages grew only when something else rebuilt the table.
    @Test func theOpenClustersAgesMoveItsRowsAsTheClockTicks() {
        var beta = Self.interleaved
        beta.nodes = [TestCluster.node("node-q", age: 5)]
        var state = Self.opened(.nodes, beta: beta)
        let toHeartbeat = (MergedColumns.nodes.sortCycle().firstIndex(of: .heartbeat) ?? 0) + 1
        for _ in 0..<toHeartbeat { TestCluster.press(&state, .char("s")) }
        var names = UpdateMergedTablesTests.rowNames(state)
        #expect(names.firstIndex(of: "alpha/node-a")! < names.firstIndex(of: "beta/node-q")!, "2 s before 5 s: \(names)")
        state.now += 5
        _ = Update.update(&state, .tick, now: state.now)
        names = UpdateMergedTablesTests.rowNames(state)
        #expect(names.firstIndex(of: "alpha/node-a")! > names.firstIndex(of: "beta/node-q")!, "7 s after beta's 5 s, as of its poll: \(names)")
    }

    /// Review: after `s` the cursor stayed on its row wherever the sort took it (mid-table at 38,000 rows), unlike Tab and a filter.
    @Test func sortingPutsTheCursorOnTheFirstRow() {
        var state = Self.opened(.nodes)
        TestCluster.press(&state, .down, .down, .down)
        TestCluster.press(&state, .char("s"))
        #expect(state.mergedTable?.cursor.selected == 0 && UpdateMergedTablesTests.rowNames(state).first == "alpha/node-a")
        TestCluster.press(&state, .down, .down, .char("S"))
        #expect(state.mergedTable?.cursor.selected == 0 && UpdateMergedTablesTests.rowNames(state).first == "alpha/node-d")
        _ = Update.update(&state, .resize(width: 80, height: 24), now: state.now)
        state.now += 30  // the notice's time is up: the bottom line is the key bar's again
        _ = Update.update(&state, .tick, now: state.now)
        let bar = RootView.render(state).text().split(separator: "\n").last ?? ""
        #expect(bar.contains("s sort") && bar.contains("S reverse"), "the key bar shows it at 80 columns: \(bar)")
    }
}
