import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 23: the merged tables — every cluster's nodes (`n` on the fleet
/// screen) or instances (`i`) in one table with a CONTEXT column, filtered
/// with the panes' language and `ctx:`; `Enter` opens the row's cluster.
@Suite struct UpdateMergedTablesTests {
    /// Beta's overview: node-x silent, node-y fine, a strict binding to node-x.
    static var betaOverview: Overview {
        var o = TestCluster.overview
        o.thisNodeName = "node-y"
        o.defaultNodeName = "node-y"
        o.nodes = [TestCluster.node("node-y", age: 1), TestCluster.node("node-x", age: 300)]
        o.assignments = [Assignment(entityType: .agent, entityId: "t:b1", nodeName: "node-x", mode: .strict)]
        return o
    }

    static let betaInstances = [
        Instance(entityType: .agent, entityId: "t:b1", name: "beta-agent", nodeName: "node-x", mode: .strict, explicit: true),
        Instance(entityType: .browser, entityId: "t:b2", name: "beta-browser", nodeName: "node-y"),
    ]

    /// Alpha open, beta answered once (with `beta`); the merged table of `kind` open.
    static func opened(_ kind: MergedKind, beta: Overview = betaOverview) -> (AppState, [Effect]) {
        var state = TestCluster.withContexts(["alpha", "beta"])
        TestCluster.press(&state, .char("F"))
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(beta)), latency: 0.01), now: state.now)
        let effects = TestCluster.press(&state, .char(kind == .nodes ? "n" : "i"))
        return (state, effects)
    }

    static func rowNames(_ state: AppState) -> [String] {
        guard let model = state.derived.merged else { return [] }
        return model.rows.map { row in
            let id = model.id(of: row)
            switch id.subject {
            case .node(let name): return "\(id.context)/\(name)"
            case .instance(let key): return "\(id.context)/\(key.entityId)"
            case .cluster: return id.context
            }
        }
    }

    /// Issue 23: both clusters' nodes in one table, each with its context, ghosts folded.
    @Test func everyClustersNodesInOneTable() {
        let (state, _) = Self.opened(.nodes)
        let names = Self.rowNames(state)
        #expect(names.contains("alpha/node-a") && names.contains("alpha/node-d") && names.contains("beta/node-x") && names.contains("beta/node-y"))
        #expect(!names.contains("alpha/old-1234"), "ghosts folded, as in the node pane")
        #expect(names.firstIndex(of: "beta/node-x")! < names.firstIndex(of: "beta/node-y")!, "problems first within a cluster")
        let text = RootView.render(state).text()
        #expect(text.contains("Every node 6 in 2 clusters") && text.contains("CONTEXT") && text.contains("(+1 ghosts folded)"), "\(text)")
        #expect(text.split(separator: "\n").contains { $0.contains("beta") && $0.contains("node-x") && $0.contains("online") }, "\(text)")
    }

    /// Issue 23: `ctx:` keeps one cluster's rows; other terms work as in the panes.
    @Test func theCtxTermNarrowsToOneCluster() {
        var (state, _) = Self.opened(.nodes)
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "ctx:bet")
        #expect(Self.rowNames(state) == ["beta/node-x", "beta/node-y"])
        TestCluster.type(&state, " status:stale")
        #expect(Self.rowNames(state) == ["beta/node-x"])
        TestCluster.press(&state, .enter)
        #expect(RootView.render(state).text().contains("match /ctx:bet status:stale"))
        TestCluster.press(&state, .escape)
        #expect(Self.rowNames(state).count == 6, "Esc clears the filter first")
        TestCluster.press(&state, .escape)
        #expect(state.mergedTable == nil && state.topOverlay.map { if case .fleet = $0 { true } else { false } } == true,
                "then closes, back to the fleet screen")
    }

    /// Issue 23: in a single cluster's pane, `ctx:` matches the open context's name.
    @Test func theCtxTermInAPaneMatchesTheOpenContext() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        let all = state.derived.instanceRows.count
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "ctx:alpha")
        #expect(state.derived.instanceRows.count == all)
        TestCluster.press(&state, .ctrl("u"))
        TestCluster.type(&state, "ctx:beta")
        #expect(state.derived.instanceRows.isEmpty)
    }

    /// Issue 23: the other clusters' instance lists are read only while the table is open, and dropped after.
    @Test func instanceListsAreReadWhileOpenAndDroppedAfter() {
        var (state, effects) = Self.opened(.instances)
        #expect(effects.contains { if case .fetchFleetInstances(context: "beta", _) = $0 { true } else { false } })
        #expect(!effects.contains { if case .fetchFleetInstances(context: "alpha", _) = $0 { true } else { false } }, "alpha is open: its own polls")
        #expect(RootView.render(state).text().contains("none from: beta (instance list on its way)"))
        _ = Update.update(&state, .fleetInstances(context: "beta", .success(TestCluster.fetched(InstanceList(instances: Self.betaInstances)))),
                          now: state.now)
        let names = Self.rowNames(state)
        #expect(names.contains("beta/t:b1") && names.contains("alpha/tenant1:brw_42"), "\(names)")
        let text = RootView.render(state).text()
        #expect(text.split(separator: "\n").contains { $0.contains("beta") && $0.contains("beta-agent") && $0.contains("BLOCKED") }, "\(text)")
        TestCluster.press(&state, .tab)
        #expect(state.fleet.instanceLists.isEmpty, "the nodes table needs no list")
        TestCluster.press(&state, .escape)
        #expect(state.derived.merged == nil && state.fleet.instanceLists.isEmpty)
    }

    /// Review of issue 23: a list that could not be read says why, never an empty cluster; with the
    /// error itself, not its class ("instance list: error" for a 500 whose text the pane knew).
    @Test func anUnreadableListSaysWhy() {
        var (state, _) = Self.opened(.instances)
        _ = Update.update(&state, .fleetInstances(context: "beta", .failure(.connectionRefused("b:1"))), now: state.now)
        let text = RootView.render(state).text()
        #expect(text.contains("none from: beta (instance list: connection refused"), "\(text)")
    }

    /// Issue 23: a cluster whose polls fail keeps its last rows, marked stale.
    @Test func aFailingClustersRowsAreMarkedStale() throws {
        var (state, _) = Self.opened(.nodes)
        state.now += 20
        _ = Update.update(&state, .fleetOverview(context: "beta", .failure(.timedOut("b:1")), latency: 5), now: state.now)
        #expect(Self.rowNames(state).contains("beta/node-x"))
        #expect(RootView.render(state).text().contains("(stale) beta"))
        // Guards stale rows looking live: their ● and frozen ages were drawn as brightly as a live cluster's.
        let screen = RootView.render(state)
        let lines = screen.lines()
        let y = try #require(lines.firstIndex { $0.contains("(stale) beta") && $0.contains("node-x") })
        let x = try #require(lines[y].range(of: "node-x").map { lines[y].distance(from: lines[y].startIndex, to: $0.lowerBound) })
        #expect(screen[x, y].style.dim, "the stale cluster's cells are dimmed")
    }

    /// Issue 23: the cursor stays on its row when rows move, and Enter opens that row's cluster with it selected.
    @Test func theCursorFollowsItsRowAndEnterOpensIt() throws {
        var (state, _) = Self.opened(.nodes)
        let at = try #require(Self.rowNames(state).firstIndex(of: "beta/node-y"))
        for _ in 0..<at { TestCluster.press(&state, .down) }
        var more = Self.betaOverview
        more.nodes.insert(TestCluster.node("node-w", age: 900), at: 0)
        state.now += 10
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(more, digest: 2)), latency: 0.01), now: state.now)
        #expect(Self.rowNames(state)[state.mergedTable!.cursor.selected] == "beta/node-y")
        let effects = TestCluster.press(&state, .enter)
        #expect(effects.contains(.switchContext("beta")))
        #expect(state.pendingSelect == PendingSelect(context: "beta", subject: .node("node-y")))
    }

    /// Review of issue 23: the open cluster turning stale did not rebuild the table, so its rows never said "(stale)".
    @Test func theOpenClustersRowsTurnStaleWhenItsPollsFail() {
        var (state, _) = Self.opened(.nodes)
        #expect(!RootView.render(state).text().contains("(stale) alpha"))
        state.now += 2
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:9")), latency: 0), now: state.now)
        _ = Update.update(&state, .tick, now: state.now + 60)
        #expect(state.isStale)
        #expect(RootView.render(state).text().contains("(stale) alpha"))
    }

    /// Review of issue 23: Tab to the nodes with an instance-only filter kept it in force, listing every node under "match /type:…".
    @Test func anInstanceOnlyFilterIsNotKeptForTheNodes() {
        var (state, _) = Self.opened(.instances)
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "type:agent")
        TestCluster.press(&state, .enter)
        TestCluster.press(&state, .tab)
        #expect(state.mergedTable?.filter.query == nil)
        let text = RootView.render(state).text()
        #expect(!text.contains("match /type:agent") && text.contains("filters instances, not nodes"), "\(text)")
    }

    /// Review of issue 23: when the cursor's row vanished the cursor kept chasing it, jumping when it came back.
    @Test func aVanishedRowHandsTheCursorToTheRowNowThere() throws {
        var (state, _) = Self.opened(.nodes)
        let at = try #require(Self.rowNames(state).firstIndex(of: "beta/node-x"))
        for _ in 0..<at { TestCluster.press(&state, .down) }
        var without = Self.betaOverview
        without.nodes.removeAll { $0.name == "node-x" }
        state.now += 10
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(without, digest: 2)), latency: 0.01), now: state.now)
        let now = Self.rowNames(state)[state.mergedTable!.cursor.selected]
        #expect(now == "beta/node-y")
        state.now += 10
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(Self.betaOverview, digest: 3)), latency: 0.01),
                          now: state.now)
        #expect(Self.rowNames(state)[state.mergedTable!.cursor.selected] == "beta/node-y", "stays on the row it was handed")
    }

    /// Review of issue 23: "(stale)" after a long context name was cut off by the CONTEXT column's width.
    @Test func theStaleMarkSurvivesALongContextName() {
        var state = TestCluster.withContexts(["alpha", "beta-eu-west-production-1"])
        TestCluster.press(&state, .char("F"))
        let name = "beta-eu-west-production-1"
        _ = Update.update(&state, .fleetOverview(context: name, .success(TestCluster.fetched(Self.betaOverview)), latency: 0.01), now: state.now)
        TestCluster.press(&state, .char("n"))
        state.now += 20
        _ = Update.update(&state, .fleetOverview(context: name, .failure(.timedOut("b:1")), latency: 5), now: state.now)
        #expect(RootView.render(state).text().contains("(stale) beta-eu-west"))
    }

    /// Review of issue 23: the open cluster's instance rows were not marked stale when its list's re-read failed.
    @Test func theOpenClustersOldListIsMarkedStale() {
        var (state, _) = Self.opened(.instances)
        #expect(!RootView.render(state).text().contains("(stale) alpha"))
        _ = Update.update(&state, .instancesPrepared(.failure(.connectionRefused("127.0.0.1:1")), latency: 0.01), now: state.now)
        #expect(!state.isStale, "the overview is fine")
        #expect(RootView.render(state).text().contains("(stale) alpha"))
    }

    /// Review of issue 23: is:flapping in the merged table said no cluster flaps (only the open one has history).
    @Test func isFlappingIsRefusedAcrossClusters() {
        var (state, _) = Self.opened(.nodes)
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "is:flapping")
        #expect(state.mergedTable?.filter.query == nil)
        #expect(Self.rowNames(state).count == 6, "every row stays: the filter is not in force")
        #expect(RootView.render(state).text().contains("only the open cluster's history knows"))
    }

    /// Review of issue 23: at 80 columns the arrow keys' row left no room for Enter and Esc in the fleet screens' key bars.
    @Test func enterAndEscShowInTheKeyBarAt80Columns() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        _ = Update.update(&state, .resize(width: 80, height: 24), now: state.now)
        TestCluster.press(&state, .char("F"))
        for screen in ["fleet", "merged", "problems"] {
            if screen == "merged" { TestCluster.press(&state, .char("n")) }
            if screen == "problems" { TestCluster.press(&state, .escape, .char("P")) }
            let bar = RootView.render(state).text().split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            #expect(bar.contains("Enter open") && bar.contains("Esc "), "\(screen): \(bar)")
            if screen == "fleet" { #expect(bar.contains("P problems") && bar.contains("n nodes") && bar.contains("i instances"), "\(bar)") }
        }
    }
}
