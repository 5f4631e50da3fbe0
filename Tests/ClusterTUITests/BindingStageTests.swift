import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 19 (one fact, one place): an instance row's binding is the
/// overview's. Rows are bound to the overview's bindings off the UI thread
/// (`bindRows` → `rowsBound`); the list's own copy of a binding never wins.
@Suite struct BindingStageTests {
    let now = TestCluster.now

    /// The overview of the test cluster with the research agent moved to node-c and brw_42 reset.
    var movedElsewhere: Overview {
        var overview = TestCluster.overview
        overview.assignments.append(Assignment(entityType: .agent, entityId: "tenant1:research-agent", nodeName: "node-c", mode: .strict))
        overview.assignments.removeAll { $0.entityId == "tenant1:brw_42" }
        return overview
    }

    /// Runs a `bindRows` job as the runner does and hands the answer to `update`.
    func answer(_ effects: [Effect], _ state: inout AppState, at time: Date) throws {
        let job = try #require(effects.lazy.compactMap { if case .bindRows(let job) = $0 { job } else { nil } }.first)
        let bound = RowsBound(basis: job.rows.instances, generation: job.source.generation, rows: job.rows.rebound(to: job.source))
        _ = Update.update(&state, .rowsBound(bound), now: time)
    }

    func row(_ state: AppState, _ id: String) throws -> Instance {
        try #require(state.snapshot?.instances.first { $0.entityId == id })
    }

    /// Issue 11: a binding changed elsewhere shows in the instance row at the next overview.
    @Test func rowsTakeTheOverviewsBindingsWithoutAnInstancePoll() throws {
        var state = TestCluster.loadedState()
        let later = now.addingTimeInterval(2)
        _ = Update.update(&state, .tick, now: later)
        let dueBefore = state.instancesPoll.nextDue
        let effects = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(movedElsewhere, digest: 5)), latency: 0.01), now: later)
        try answer(effects, &state, at: later)
        let agent = try row(state, "tenant1:research-agent")
        #expect(agent.nodeName == "node-c" && agent.mode == .strict && agent.explicit)
        let browser = try row(state, "tenant1:brw_42")
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
        #expect(!effects.contains { if case .bindRows = $0 { true } else { false } })
        #expect(state.snapshot!.bindingSource.bind(state.snapshot!.instances) == nil, "the rows already agree")
    }

    /// Issue 19: a list fetched before a change made elsewhere put the row back on its old node until the next change.
    @Test func aListFetchedBeforeAChangeDoesNotRevertTheRow() throws {
        var state = TestCluster.loadedState()
        let oldBindings = state.snapshot!.bindingSource
        let later = now.addingTimeInterval(2)
        _ = Update.update(&state, .tick, now: later)
        try answer(Update.update(&state, .overviewFetched(.success(TestCluster.fetched(movedElsewhere, digest: 5)), latency: 0.01), now: later),
                   &state, at: later)
        // The list was requested while the old bindings were current: the runner bound it to those.
        var listed = TestCluster.instances
        listed.append(Instance(entityType: .agent, entityId: "tenant1:new", name: "New Agent", subtitle: "new", tenantId: "tenant1",
                               tenantSlug: "acme", projectId: "prj_1", nodeName: "node-a", mode: .preferred, explicit: false))
        let prepared = PreparedInstances.prepared(TestCluster.fetched(InstanceList(instances: listed), digest: 9), bindingTo: oldBindings)
        let effects = Update.update(&state, .instancesPrepared(.success(prepared), latency: 0.01), now: later)
        try answer(effects, &state, at: later)
        #expect(try row(state, "tenant1:research-agent").nodeName == "node-c")
        #expect(try row(state, "tenant1:new").nodeName == "node-a", "the new list's rows are kept")
    }

    /// An answer for rows or bindings no longer on screen is dropped, not swapped in.
    @Test func aStaleAnswerIsDropped() throws {
        var state = TestCluster.loadedState()
        let later = now.addingTimeInterval(2)
        let first = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(movedElsewhere, digest: 5)), latency: 0.01), now: later)
        // The bindings move back before the first job is answered.
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 6)), latency: 0.01), now: later)
        try answer(first, &state, at: later)
        #expect(try row(state, "tenant1:research-agent").nodeName == "node-a", "the answer for the older bindings was dropped")
    }
}
