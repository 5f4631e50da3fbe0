import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Issue 11: columns use the width — natural widths, low-priority columns
/// dropped before a name is cut, and short forms instead of cut words.
@Suite struct ColumnLayoutTests {
    static let longNodes = ["ip-10-0-0-10-4000", "core-main-1.internal", "worker-07-gpu"]

    /// A cluster whose node and type names are long, as in real deployments.
    static func state(width: Int, height: Int) -> AppState {
        var state = AppState(config: AppConfig(label: "t"), width: width, height: height, now: TestCluster.now)
        let nodes = longNodes.map { TestCluster.node($0, age: 2, role: .all) }
        let overview = Overview(thisNodeName: longNodes[0], defaultNodeName: longNodes[1], nodes: nodes, assignments: [])
        let instances = (0..<12).map { i in
            Instance(entityType: EntityType(i % 2 == 0 ? "inference-server" : "crawler"), entityId: "t:\(i)",
                     name: "Instance number \(i)", subtitle: "sub-\(i)", tenantId: "t", tenantSlug: "tenant-slug",
                     projectId: nil, nodeName: longNodes[i % 3], mode: .preferred, explicit: false)
        }
        _ = Update.update(&state, .tick, now: TestCluster.now)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview)), latency: 0.01), now: TestCluster.now)
        _ = Update.update(&state, TestCluster.listed((TestCluster.fetched(InstanceList(instances: instances))), latency: 0.01),
                          now: TestCluster.now)
        return state
    }

    /// Issue 11: at 80×24 the instances' NODE column read `worker-…` and TYPE `crawl…`;
    /// at 200×60 HOST and URL stayed cut while NAME held 80 blank columns.
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func namesAreNeverCutAndHeadersAreWhole(width: Int, height: Int) throws {
        let state = Self.state(width: width, height: height)
        let lines = RootView.render(state).text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let layout = Layout(state: state)
        let nodeRows = lines[(layout.nodesTop + 2)..<(layout.nodesTop + 2 + state.derived.nodes.count)]
        for node in Self.longNodes {
            #expect(nodeRows.contains { $0.contains(node) }, "node \(node) whole in the nodes pane at \(width)")
        }
        let instanceRows = lines[(layout.instancesTop + 2)..<(layout.instancesTop + 2 + min(layout.instanceRows, 12))]
        for row in instanceRows {
            #expect(Self.longNodes.contains { row.contains($0) }, "the NODE column is whole at \(width): \(row)")
            #expect(!row.contains("…"), "no value cut at \(width): \(row)")
        }
        for header in [lines[layout.nodesTop + 1], lines[layout.instancesTop + 1]] {
            #expect(!header.contains("…"), "a header is cut at \(width): \(header)")
        }
        if width >= 200 {
            #expect(nodeRows.allSatisfy { $0.contains(".internal:3000") }, "URLs are whole at 200 columns")
        }
    }

    /// Issue 11: the sorted column's arrow ate a letter (`HEARTBEA…`); a short title is used instead.
    @Test func theSortArrowNeverCutsTheTitle() {
        let spec = ColumnSpec(title: "HEARTBEAT", minWidth: 6, maxWidth: 10, priority: 95, shortTitle: "BEAT")
        #expect(TableView.header(spec, width: 10, arrow: "▼") == "HEARTBEAT▼")
        #expect(TableView.header(spec, width: 9, arrow: "▼") == "BEAT▼")
        #expect(TableView.header(spec, width: 9, arrow: nil) == "HEARTBEAT")
    }

    /// Issue 11: the risk badge read `DEFAULT D…`; a narrow column gets a short form chosen on purpose.
    @Test func riskBadgesHaveShortForms() {
        #expect(RiskLabel.short("⚠ DEFAULT DOWN") == "⚠ DFLT↓")
        #expect(RiskLabel.short("⚠ FALLBACK") == "⚠ FALLBK")
        #expect(Risk.allCases.allSatisfy { DisplayWidth.of($0.shortLabel) <= 6 })
    }

    /// The engine: drop the least important columns so the rest are whole; give back width where they fit.
    @Test func lowPriorityColumnsGoBeforeAnyIsCut() {
        let columns = [
            ColumnSpec(title: "NAME", minWidth: 4, maxWidth: 30, priority: 100, identifying: true),
            ColumnSpec(title: "A", minWidth: 3, maxWidth: 20, priority: 50),
            ColumnSpec(title: "B", minWidth: 3, maxWidth: 20, priority: 10),
            ColumnSpec(title: "C", minWidth: 3, maxWidth: 4, priority: 5),
        ]
        #expect(ColumnLayout.widths(columns, natural: [20, 10, 10, 4], total: 40) == [20, 10, 0, 4])
        #expect(ColumnLayout.widths(columns, natural: [20, 10, 10, 4], total: 60) == [20, 10, 10, 4])
        #expect(ColumnLayout.widths(columns, natural: [20, 10, 10, 4], total: 22) == [20, 0, 0, 0])
        #expect(ColumnLayout.widths(columns, natural: [20, 10, 10, 4], total: 12) == [12, 0, 0, 0])
    }

    /// Issue 11: after `t` the absolute start time read `20:30:…` at 120 columns
    /// (issue 24: a day-old start says its date, and is whole too).
    @Test(arguments: [80, 120])
    func absoluteTimesAreWhole(width: Int) {
        var state = TestCluster.loadedState(width: width, height: 30)
        TestCluster.press(&state, .char("t"))
        let text = RootView.render(state).text()
        #expect(text.contains("05-17 10:00Z"), "the start time is whole at \(width): \(text)")
        #expect(!text.contains("05-17 10:0…") && !text.contains("05-17 1…"))
    }
}
