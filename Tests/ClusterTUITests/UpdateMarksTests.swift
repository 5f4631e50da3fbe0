import ClusterModel
import ClusterWrites
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Marks, bulk rebind, evacuate and the plan view through `update` (issue 10).
struct UpdateMarksTests {
    func select(_ state: inout AppState, _ id: String) {
        state.instancePane.cursor.selected = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].entityId == id }!
    }

    func key(_ id: String) -> EntityKey { TestCluster.instances.first { $0.entityId == id }!.key }

    func markedState(_ ids: [String]) -> AppState {
        var state = TestCluster.loadedState()
        for id in ids {
            select(&state, id)
            TestCluster.press(&state, .char(" "))
        }
        return state
    }

    func review(_ state: AppState) -> PlanReview? {
        if case .plan(let r)? = state.topOverlay { return r }
        return nil
    }

    @Test func spaceMarksAndMovesDownAndTheTitleCountsThem() {
        var state = TestCluster.loadedState()
        state.instancePane.cursor.selected = 0
        TestCluster.press(&state, .char(" "))
        #expect(state.marks.count == 1)
        #expect(state.instancePane.cursor.selected == 1)
        TestCluster.press(&state, .char(" "))
        #expect(state.marks.count == 2)
        state.instancePane.cursor.selected = 0
        TestCluster.press(&state, .char(" "))
        #expect(state.marks.count == 1)
        let text = RootView.render(state).text()
        #expect(text.contains("1 marked"))
        #expect(text.contains("✓"))
    }

    @Test func marksSurviveSortsAndPollsAndGoWithTheirInstance() {
        var state = markedState(["tenant1:brw_42", "tenant1:blocked"])
        TestCluster.press(&state, .char("s"), .char("S"))
        #expect(state.marks == [key("tenant1:brw_42"), key("tenant1:blocked")])
        let same = InstanceList(instances: TestCluster.instances)
        _ = Update.update(&state, TestCluster.listed((TestCluster.fetched(same, digest: 2)), latency: 0.01), now: state.now)
        #expect(state.marks.count == 2)
        let fewer = InstanceList(instances: TestCluster.instances.filter { $0.entityId != "tenant1:blocked" })
        _ = Update.update(&state, TestCluster.listed((TestCluster.fetched(fewer, digest: 3)), latency: 0.01), now: state.now)
        #expect(state.marks == [key("tenant1:brw_42")])
    }

    @Test func starMarksWhatTheFilterShowsThenUnmarksIt() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "is:explicit")
        TestCluster.press(&state, .enter, .char("*"))
        #expect(state.marks == [key("tenant1:brw_42"), key("tenant1:blocked")])
        TestCluster.press(&state, .char("*"))
        #expect(state.marks.isEmpty)
    }

    /// Esc clears the marks before it clears the filter.
    @Test func escClearsMarksBeforeTheFilter() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "agent")
        TestCluster.press(&state, .enter, .char("*"))
        #expect(!state.marks.isEmpty)
        TestCluster.press(&state, .escape)
        #expect(state.marks.isEmpty && state.instancePane.filter.isActive)
        TestCluster.press(&state, .escape)
        #expect(!state.instancePane.filter.isActive)
    }

    @Test func bulkRebindPlansThenConfirmsThenApplies() throws {
        var state = markedState(["tenant1:research-agent", "tenant1:blocked"])
        TestCluster.press(&state, .enter)
        guard case .bulk(let form)? = state.topOverlay else { Issue.record("no bulk form"); return }
        #expect(form.purpose == .rebind([key("tenant1:blocked"), key("tenant1:research-agent")]))
        TestCluster.type(&state, "node-b")
        TestCluster.press(&state, .tab, .right)  // mode: keep → strict
        #expect(TestCluster.press(&state, .enter).isEmpty)
        let r = try #require(review(state))
        #expect(r.plan.items.count == 2)
        #expect(r.plan.items.allSatisfy { $0.to == .explicit(node: "node-b", mode: .strict) })
        #expect(RootView.render(state).text().contains("2 moves"))
        TestCluster.press(&state, .enter)
        #expect(review(state)?.phase == .confirm)
        let effects = TestCluster.press(&state, .char("y"))
        #expect(effects == [.applyPlan(r.plan)])
        #expect(state.runningBatch == r.plan.id)
        _ = Update.update(&state, .batchProgress(planID: r.plan.id, index: 0, .applied(.explicit(node: "node-b", mode: .strict), .reply)), now: state.now)
        #expect(review(state)?.done == 1)
        #expect(TestCluster.press(&state, .escape) == [.stopBatch(r.plan.id)])
        let summary = BatchSummary(outcomes: [.applied(.explicit(node: "node-b", mode: .strict), .reply), .notApplied("rejected by server (400): nope", mayStillLand: false)], stoppedBecause: nil)
        _ = Update.update(&state, .batchFinished(planID: r.plan.id, summary), now: state.now)
        // The failed row stays marked for a retry; the applied one is unmarked.
        #expect(state.marks == [r.plan.items[1].key])
        #expect(state.runningBatch == nil)
        #expect(RootView.render(state).text().contains("1 ok · 1 not applied"))
    }

    /// The plan view's OUTCOME cell still said "unknown" after a later read settled the write; the batch's
    /// summary, made before the settlement, put it back (review).
    @Test func aSettledUnknownShowsInThePlanView() throws {
        var state = markedState(["tenant1:research-agent", "tenant1:blocked"])
        TestCluster.press(&state, .enter)
        TestCluster.type(&state, "node-b")
        TestCluster.press(&state, .enter, .enter, .char("y"))
        let r = try #require(review(state))
        func landed(_ i: Int, on node: String? = nil) -> UnknownWrites.Settled {
            let to = r.plan.items[i].to
            return SettledWrites.landed(r.plan.items[i].key, on: node ?? to.node!, mode: to.mode!)
        }
        _ = Update.update(&state, .batchProgress(planID: r.plan.id, index: 0, .unknown("the reply was lost")), now: state.now)
        _ = Update.update(&state, .writeSettled(landed(0)), now: state.now)
        #expect(review(state)?.outcomes[0] == .applied(r.plan.items[0].to, .reread), "\(String(describing: review(state)?.outcomes))")
        #expect(state.notice?.text.contains("was applied (settled by a later read)") == true)
        let summary = BatchSummary(outcomes: [.unknown("the reply was lost"), .unknown("the reply was lost")], stoppedBecause: nil)
        _ = Update.update(&state, .batchFinished(planID: r.plan.id, summary), now: state.now)
        #expect(review(state)?.outcomes[0] == .applied(r.plan.items[0].to, .reread), "\(String(describing: review(state)?.outcomes))")
        // Another write to the second entity (a form's, another node) settles nothing here.
        _ = Update.update(&state, .writeSettled(landed(1, on: "node-c")), now: state.now)
        guard case .unknown? = review(state)?.outcomes[1] else { Issue.record("\(String(describing: review(state)?.outcomes))"); return }
        // Its own settles it, and the finished batch's line follows.
        _ = Update.update(&state, .writeSettled(landed(1)), now: state.now)
        guard case .finished(let after)? = review(state)?.phase else { Issue.record("not finished"); return }
        #expect(after.outcomes.allSatisfy { $0.kind == .ok } && !after.line.contains("unknown"), "\(after.line)")
    }

    @Test func evacuateFromTheNodesPaneTakesTheNodesBindings() throws {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("1"))
        state.nodePane.cursor.selected = state.derived.nodes.firstIndex { $0.name == "node-d" }!
        TestCluster.press(&state, .char("E"))
        guard case .bulk(let form)? = state.topOverlay else { Issue.record("no evacuate form"); return }
        #expect(form.purpose == .evacuate(node: "node-d"))
        TestCluster.press(&state, .enter)  // spread, keep modes
        let r = try #require(review(state))
        #expect(r.plan.items.map(\.key) == [key("tenant1:blocked")])
        // node-a and node-b are the healthy ones; node-c is draining.
        #expect(["node-a", "node-b"].contains(r.plan.items[0].to.node ?? ""))
    }

    @Test func exportPromptsForAPathAndAsksTheRunnerToWrite() throws {
        var state = markedState(["tenant1:blocked"])
        TestCluster.press(&state, .char("e"))
        TestCluster.type(&state, "node-b")
        TestCluster.press(&state, .enter)
        let r = try #require(review(state))
        TestCluster.press(&state, .char("W"))
        guard case .export(let export)? = review(state)?.phase else { Issue.record("no prompt"); return }
        #expect(export.path == "clustertui-plan-\(r.plan.id).sh")
        let effects = TestCluster.press(&state, .enter)
        #expect(effects == [.exportPlan(r.plan, .script, path: export.path)])
    }

    /// Read-only: marks and plans are allowed (to export), nothing can be sent.
    @Test func readOnlySendsNothingFromMarksPlansOrUndo() {
        var config = AppConfig(label: "t")
        config.readOnly = true
        var state = TestCluster.loadedState(config: config)
        var effects = TestCluster.press(&state, .char("*"), .enter)
        TestCluster.press(&state, .enter)  // plan (spread)
        effects += TestCluster.press(&state, .enter, .char("y"), .escape, .char("u"))
        #expect(!effects.contains(where: TestCluster.isWrite))
        #expect(!effects.contains(.loadUndo))
    }

    /// A journalled batch that moved tenant1:brw_42 from node-d to node-b.
    func brw42Batch(_ now: Date) -> JournalBatch {
        let target = ClusterIdentity(context: nil, url: "embedded:demo")
        let entry = JournalEntry(time: now, batch: "b-1", seq: 0, kind: "rebind", target: target, key: key("tenant1:brw_42"),
                                 prior: .explicit(node: "node-d", mode: .strict), requested: .explicit(node: "node-b", mode: .strict),
                                 outcome: .ok)
        return JournalBatch(id: "b-1", kind: "rebind", time: now, target: target, entries: [entry])
    }

    @Test func undoLoadsTheLastBatchAndShowsItsInverse() throws {
        var state = TestCluster.loadedState()
        #expect(TestCluster.press(&state, .char("u")) == [.loadUndo])
        _ = Update.update(&state, .undoLoaded(.success(brw42Batch(state.now))), now: state.now)
        let r = try #require(review(state))
        #expect(r.plan.kind == .undo)
        #expect(r.plan.items.map(\.to) == [.explicit(node: "node-d", mode: .strict)])
    }

    /// At 60 columns the plan view cut TO to "worker-0…", which could be either of two nodes.
    @Test func aNarrowPlanViewKeepsWhereEachMoveGoes() throws {
        var state = TestCluster.loadedState(width: 60, height: 24)
        TestCluster.press(&state, .char("u"))
        _ = Update.update(&state, .undoLoaded(.success(brw42Batch(state.now))), now: state.now)
        let text = RootView.render(state).text()
        #expect(text.contains("node-d (strict)") && text.contains("RISK"), "\(text)")
    }

    /// `u` over a damaged journal line said "nothing to undo" while batches were there to pick from the CLI.
    @Test func aJournalThatCannotBePickedFromIsNotNothingToUndo() {
        var state = TestCluster.loadedState(width: 200)
        TestCluster.press(&state, .char("u"))
        let damaged = "line 29 of the journal is damaged (a torn or edited write) and may hold a newer batch: not guessing; pick one with `clustertui journal`"
        _ = Update.update(&state, .undoLoaded(.failure(PlanError(damaged))), now: state.now)
        #expect(state.notice?.text.hasPrefix("cannot undo: line 29 of the journal is damaged") == true, "\(state.notice?.text ?? "")")
    }

    /// Rows named by a poll's events are drawn highlighted, then not.
    @Test func changedRowsAreHighlightedForAFewSeconds() {
        var state = TestCluster.loadedState()
        var moved = TestCluster.overview
        moved.assignments[0].nodeName = "node-a"
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(moved, digest: 9)), latency: 0.01), now: state.now)
        #expect(state.recentChanges.isChanged(key("tenant1:brw_42"), now: state.now))
        #expect(RootView.render(state).cells.contains { $0.style.role == .changed }, "the changed row is drawn in its role")
        let later = state.now.addingTimeInterval(RecentChanges.duration + 1)
        _ = Update.update(&state, .tick, now: later)
        #expect(!state.recentChanges.isChanged(key("tenant1:brw_42"), now: later))
        #expect(state.recentChanges.isEmpty)
        #expect(!RootView.render(state).cells.contains { $0.style.role == .changed })
    }
}

/// Found reading the plan view with the server killed: a plan made from stale data did not say so,
/// and a batch that applied nothing still offered `u` to undo it.
struct PlanViewTruthTests {
    @Test func aStalePlanSaysSoAndNothingAppliedOffersNoUndo() throws {
        var state = TestCluster.loadedState()
        let later = state.now.addingTimeInterval(60)
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:9")), latency: 0.01), now: later)
        #expect(state.isStale)
        TestCluster.press(&state, .char("1"))
        state.nodePane.cursor.selected = state.derived.nodes.firstIndex { $0.name == "node-d" }!
        TestCluster.press(&state, .char("E"), .enter)
        guard case .plan(let review)? = state.topOverlay else { Issue.record("no plan view"); return }
        #expect(RootView.render(state).text().contains("connection lost"))
        _ = Update.update(&state, .batchFinished(planID: review.plan.id, BatchSummary(outcomes: [.notAttempted], stoppedBecause: "gone")),
                          now: later)
        let text = RootView.render(state).text()
        #expect(text.contains("done: 0 ok"))
        #expect(!text.contains("u undoes"))
    }
}
