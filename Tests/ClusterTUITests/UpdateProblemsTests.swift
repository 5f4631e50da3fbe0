import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 23: the problems view lists every cluster's unhealthy nodes and
/// instances at risk, most severe first, with their context; Enter opens
/// that cluster with the row selected.
@Suite struct UpdateProblemsTests {
    func state() -> AppState { TestCluster.withContexts(["alpha", "beta"]) }

    /// Beta's overview: node-x silent, and a strict binding to it.
    var betaOverview: Overview {
        var o = TestCluster.overview
        o.nodes = [TestCluster.node("node-x", age: 300), TestCluster.node("node-y", age: 1)]
        o.assignments = [Assignment(entityType: .agent, entityId: "t:b1", nodeName: "node-x", mode: .strict)]
        return o
    }

    /// Issue 23: both clusters' problems in one list, the worst first, each with its context.
    @Test func everyClustersProblemsMostSevereFirst() {
        var state = state()
        TestCluster.press(&state, .char("P"))
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(betaOverview)), latency: 0.01), now: state.now)
        let rows = ProblemRows.make(state)
        #expect(rows.contains { $0.context == "beta" && $0.subject == .node("node-x") && $0.what == "silent" })
        #expect(rows.contains { $0.context == "beta" && $0.subject == .instance(EntityKey(.agent, "t:b1")) && $0.what.hasPrefix("BLOCKED") })
        #expect(rows.contains { $0.context == "alpha" && $0.subject == .node("node-d") }, "alpha's offline node")
        #expect(rows.contains { $0.context == "alpha" && $0.name == "Blocked Agent" }, "alpha's at-risk instance, from its full list")
        #expect(!rows.contains { $0.name == "old-1234" }, "ghosts are not problems")
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.severity >= $1.severity }, "most severe first")
        let text = RootView.render(state).text()
        #expect(text.contains("Problems:") && text.contains("beta") && text.contains("node-x"), "\(text)")
    }

    /// Guards a glyph against the order: a late node carried ✕ like an offline one, below ⚠ rows of higher severity.
    @Test func theGlyphSaysTheSeverity() {
        var state = state()
        TestCluster.press(&state, .char("P"))
        var overview = betaOverview
        overview.nodes = [TestCluster.node("node-x", age: 20), TestCluster.node("node-y", age: 1)]
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(overview)), latency: 0.01), now: state.now)
        let lines = RootView.render(state).lines()
        let row = { (name: String) in lines.first { $0.contains(" \(name) ") } ?? "" }
        #expect(row("node-d").contains("✕ alpha") && row("node-d").contains("offline"), "\(lines.joined(separator: "\n"))")
        #expect(row("node-x").contains("⚠ beta") && row("node-x").contains("late"), "\(lines.joined(separator: "\n"))")
        #expect(row("Blocked Agent").contains("⚠ alpha"), "an instance at risk is ⚠, as in its RISK cell")
    }

    /// Issue 23: Enter on another cluster's row switches there and selects it when its overview arrives.
    @Test func enterOpensTheClusterWithTheRowSelected() throws {
        var state = state()
        TestCluster.press(&state, .char("P"))
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(betaOverview)), latency: 0.01), now: state.now)
        let rows = ProblemRows.make(state)
        let index = try #require(rows.firstIndex { $0.subject == .node("node-x") })
        for _ in 0..<index { TestCluster.press(&state, .down) }
        let effects = TestCluster.press(&state, .enter)
        #expect(effects.contains(.switchContext("beta")))
        _ = Update.update(&state, .contextSwitched(.success(SwitchedContext(name: "beta", label: "beta"))), now: state.now)
        _ = Update.update(&state, .tick, now: state.now)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(betaOverview)), latency: 0.01), now: state.now)
        #expect(state.focus == .nodes && state.selectedNode?.name == "node-x")
        #expect(state.pendingSelect == nil)
    }

    /// Review of issue 23: a cluster that cannot be read is the first problem, never a silent absence.
    @Test func anUnreadableClusterComesFirst() {
        var state = state()
        TestCluster.press(&state, .char("P"))
        _ = Update.update(&state, .fleetOverview(context: "beta", .failure(.connectionRefused("b:1")), latency: 0.01), now: state.now)
        let rows = ProblemRows.make(state)
        #expect(rows.first?.subject == .cluster && rows.first?.context == "beta" && rows.first?.what == "unreachable")
    }

    /// Issue 23 asked for a background cluster's instance list on demand for this view: without it, instances following a dead default node were missing and the rest shown by id.
    @Test func anotherClustersListIsReadWhileTheViewIsOpen() {
        var state = state()
        var overview = betaOverview
        overview.defaultNodeName = "node-x"
        let effects = TestCluster.press(&state, .char("P"))
            + Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(overview)), latency: 0.01), now: state.now)
        #expect(effects.contains { if case .fetchFleetInstances(context: "beta", _) = $0 { true } else { false } }, "\(effects)")
        #expect(ProblemRows.make(state).contains { $0.context == "beta" && $0.name == "agent:t:b1" }, "by id until the list is read")
        let list = [
            Instance(entityType: .agent, entityId: "t:b1", name: "beta-agent", nodeName: "node-x", mode: .strict, explicit: true),
            Instance(entityType: .browser, entityId: "t:b2", name: "beta-browser", nodeName: ""),
        ]
        _ = Update.update(&state, .fleetInstances(context: "beta", .success(TestCluster.fetched(InstanceList(instances: list)))),
                          now: state.now)
        let rows = ProblemRows.make(state).filter { $0.context == "beta" && $0.subject != .node("node-x") }
        #expect(rows.map(\.name).sorted() == ["beta-agent", "beta-browser"], "\(rows)")
        #expect(rows.contains { $0.name == "beta-browser" && $0.what.hasSuffix("on node-x") }, "follows the dead default node")
        _ = Update.update(&state, .fleetInstances(context: "beta", .failure(.connectionRefused("b:1"))), now: state.now)
        let old = ProblemRows.make(state).filter { $0.context == "beta" && $0.subject != .node("node-x") }
        #expect(old.count == 2 && old.allSatisfy { $0.what.hasSuffix("(old list)") }, "a list whose re-read failed says its rows are old")
        TestCluster.press(&state, .escape)
        #expect(state.fleet.instanceLists.isEmpty, "dropped when the view closes")
    }

    /// Review of issue 23: a background list older than its overview showed an instance moved off the dead node as still BLOCKED there.
    @Test func theOverviewsNewerBindingWinsOverTheList() {
        var state = state()
        var overview = betaOverview
        overview.assignments = [Assignment(entityType: .agent, entityId: "t:b1", nodeName: "node-y", mode: .strict)]
        TestCluster.press(&state, .char("P"))
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(overview)), latency: 0.01), now: state.now)
        let list = [Instance(entityType: .agent, entityId: "t:b1", name: "beta-agent", nodeName: "node-x", mode: .strict, explicit: true)]
        _ = Update.update(&state, .fleetInstances(context: "beta", .success(TestCluster.fetched(InstanceList(instances: list)))),
                          now: state.now)
        #expect(!state.problemRows.contains { $0.name == "beta-agent" }, "moved to node-y, which is fine: \(state.problemRows)")
        #expect(state.problemRows.contains { $0.context == "beta" && $0.subject == .node("node-x") }, "the dead node still is a problem")
    }

    /// Review of issue 23: closing and reopening P while a list was being read asked for it again, and an "unchanged" reply to a dropped list left it unread for good.
    @Test func reopeningWhileAListIsReadAsksOnce() {
        var state = state()
        TestCluster.press(&state, .char("P"))
        let first = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(betaOverview)), latency: 0.01),
                                  now: state.now)
        #expect(first.contains { if case .fetchFleetInstances(context: "beta", _) = $0 { true } else { false } })
        TestCluster.press(&state, .escape)
        let again = TestCluster.press(&state, .char("P"))
        #expect(!again.contains { if case .fetchFleetInstances = $0 { true } else { false } }, "the first read is still out: \(again)")
        // Its reply says "unchanged" (it was sent with the dropped list's digest): nothing is held, so it is read whole.
        let whole = Update.update(&state, .fleetInstances(context: "beta", .success(TestCluster.fetched(nil))), now: state.now)
        #expect(whole.contains { if case .fetchFleetInstances(context: "beta", previous: nil) = $0 { true } else { false } }, "\(whole)")
    }

    /// At 60 columns the problems view showed CONTEXT and NAME only (what was wrong was dropped), and changes lost FROM and TO.
    @Test func aNarrowTerminalKeepsWhatIsWrong() {
        var state = state()
        state.width = 60; state.height = 20
        TestCluster.press(&state, .char("P"))
        let problems = RootView.render(state).lines()
        #expect(problems[2].contains("STATE"), "\(problems.joined(separator: "\n"))")
        #expect(problems.contains { $0.contains("Blocked Agent") && $0.contains("BLOCKED") }, "\(problems.joined(separator: "\n"))")
        TestCluster.press(&state, .escape, .char("C"))
        let changes = RootView.render(state).lines()
        #expect(changes[2].contains("FROM") && changes[2].contains("TO"), "\(changes.joined(separator: "\n"))")
    }
}
