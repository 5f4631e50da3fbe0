import ClusterModel
import ClusterWrites
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// `update` for the rebind form and the reset confirmation: every phase,
/// confirmations, concurrent change, server errors kept inside the form.
/// The write itself is a one-item plan for the write engine (issue 19);
/// its outcome comes back as `writeFinished`.
@Suite struct UpdateRebindTests {
    /// The single write a key produced: its origin and its one item.
    func write(_ effects: [Effect]) -> (WriteOrigin, PlanItem)? {
        for effect in effects { if case .write(let origin, let plan) = effect, plan.items.count == 1 { return (origin, plan.items[0]) } }
        return nil
    }

    /// Selects the instance with this entity id in the instances pane.
    func select(_ state: inout AppState, _ id: String) {
        let row = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].entityId == id }!
        state.instancePane.cursor.selected = row
    }

    func openForm(_ id: String) -> AppState {
        var state = TestCluster.loadedState()
        select(&state, id)
        TestCluster.press(&state, .enter)
        return state
    }

    func form(_ state: AppState) -> RebindForm? {
        if case .rebind(let f)? = state.topOverlay { return f }
        return nil
    }

    @Test func formOpensOnTheCurrentBinding() throws {
        let state = openForm("tenant1:research-agent")
        let f = try #require(form(state))
        #expect(f.selectedNode == "node-a")
        #expect(f.mode == .preferred)
        #expect(f.assignmentSeen == nil)
    }

    @Test func happyPathSendsAOneItemPlanThenConfirms() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-b")
        #expect(form(state)?.selectedNode == "node-b")
        TestCluster.press(&state, .tab, .left)
        #expect(form(state)?.mode == .strict)
        let effects = TestCluster.press(&state, .enter)
        let f = try #require(form(state))
        let key = EntityKey(.agent, "tenant1:research-agent")
        let (origin, item) = try #require(write(effects))
        #expect(origin == .rebind(formID: f.id))
        #expect(item.key == key && item.from == .followsDefault && item.to == .explicit(node: "node-b", mode: .strict))
        #expect(f.phase == .sending)
        let after = Update.update(&state, .writeFinished(origin, .applied(item.to, .reply)), now: state.now)
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text.contains("bound Research Agent to node-b (strict)") == true)
        #expect(after.contains { if case .fetchOverview = $0 { true } else { false } })
        // The overview asked for after the write shows the binding: a confirmation follows.
        var overview = TestCluster.overview
        overview.assignments.append(Assignment(entityType: .agent, entityId: "tenant1:research-agent", nodeName: "node-b", mode: .strict))
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 3)), latency: 0), now: state.now)
        #expect(state.notice?.text.contains("✓ confirmed: Research Agent is bound to node-b (strict)") == true)
    }

    /// Issue 19: the confirmation reads the overview; one requested before the write landed says nothing yet.
    @Test func anOverviewRequestedBeforeTheWriteDoesNotJudgeIt() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-b")
        let (origin, item) = try #require(write(TestCluster.press(&state, .enter)))
        // An overview poll already in flight when the write's reply came back.
        state.overviewPoll.started(state.now)
        let landed = state.now.addingTimeInterval(1)
        _ = Update.update(&state, .writeFinished(origin, .applied(item.to, .reply)), now: landed)
        let effects = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 3)), latency: 0), now: landed)
        #expect(state.notice?.text.contains("server shows") != true, "an old overview is no verdict")
        #expect(state.pendingCheck != nil)
        #expect(effects.contains { if case .fetchOverview = $0 { true } else { false } }, "the next overview is asked for at once")
        var overview = TestCluster.overview
        overview.assignments.append(Assignment(entityType: .agent, entityId: "tenant1:research-agent", nodeName: "node-c", mode: .strict))
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 4)), latency: 0), now: landed.addingTimeInterval(1))
        #expect(state.notice?.text.contains("server shows Research Agent on node-c (strict), not node-b") == true)
    }

    /// Issue 20: a write the core stored and answered 500 is reported applied, confirmed by re-reading.
    @Test func aWriteConfirmedByRereadingSaysSo() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-b")
        let (origin, item) = try #require(write(TestCluster.press(&state, .enter)))
        _ = Update.update(&state, .writeFinished(origin, .applied(item.to, .reread)), now: state.now)
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text.contains("confirmed by re-reading") == true)
        #expect(state.notice?.severity == .notice)
    }

    /// An unknown outcome says "unknown", never "failed"; the form closes (a new user's next key erased the line and went
    /// into the node field, a step from resending) and the line stays until a key.
    @Test func anUnknownOutcomeIsNeverFailed() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-b")
        let (origin, _) = try #require(write(TestCluster.press(&state, .enter)))
        _ = Update.update(&state, .writeFinished(origin, .unknown("the reply was lost (reset); re-reading failed")), now: state.now)
        #expect(form(state) == nil)
        let notice = try #require(state.notice)
        #expect(notice.text.hasPrefix("rebind of Research Agent: outcome unknown:") && !notice.text.contains("failed:"), "\(notice.text)")
        #expect(notice.severity == .warning && notice.untilNextKey)
        _ = Update.update(&state, .tick, now: state.now.addingTimeInterval(30))
        #expect(state.notice?.text == notice.text, "it stays until a key")
        let effects = TestCluster.press(&state, .char("y"))
        #expect(!effects.contains(where: TestCluster.isWrite))
    }

    @Test func riskyTargetNeedsAnExplicitYes() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-d")
        TestCluster.press(&state, .enter)
        guard case .confirmRisk(let reason)? = form(state)?.phase else { Issue.record("no confirmation"); return }
        #expect(reason.contains("offline"))
        TestCluster.press(&state, .enter)
        #expect(form(state)?.phase == .editing, "Enter is not a yes")
        TestCluster.press(&state, .enter)
        let effects = TestCluster.press(&state, .char("y"))
        #expect(write(effects) != nil && form(state)?.phase == .sending)
    }

    @Test func drainingTargetAlsoAsks() {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-c")
        TestCluster.press(&state, .enter)
        guard case .confirmRisk(let reason)? = form(state)?.phase else { Issue.record("no confirmation"); return }
        #expect(reason.contains("draining"))
    }

    @Test func concurrentChangeIsShownAndAskedAgain() throws {
        var state = openForm("tenant1:brw_42")
        TestCluster.type(&state, "node-a")
        let (origin, item) = try #require(write(TestCluster.press(&state, .enter)))
        var row = TestCluster.overview.assignments[0]
        row.nodeName = "node-c"
        row.updatedBy = "u_carol"
        let now = PlanBinding.explicit(node: "node-c", mode: row.mode)
        let effects = Update.update(&state, .writeFinished(origin, .changedMeanwhile(planned: item.from, now: now, row: row)), now: state.now)
        #expect(effects.isEmpty)
        guard case .conflict(let detail)? = form(state)?.phase else { Issue.record("no conflict shown"); return }
        #expect(detail.contains("u_carol") && detail.contains("node-c"))
        // Issue 11: the warning ended in "at…" at 120 columns; it must be whole.
        let warning = try #require(RootView.render(state).text().split(separator: "\n").first { $0.contains("Changed meanwhile") })
        #expect(warning.contains("u_carol bound it to node-c (strict) at 09:00:00Z."), "whole: \(warning)")
        let (_, again) = try #require(write(TestCluster.press(&state, .char("y"))))
        #expect(again.from == now, "the second try expects what was shown")
    }

    @Test func serverErrorStaysInsideTheFormWithChoicesKept() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-b")
        let (origin, _) = try #require(write(TestCluster.press(&state, .enter)))
        let error = ClusterError.server(status: 409, message: "not found in cluster registry")
        _ = Update.update(&state, .writeFinished(origin, .notApplied(error.description, mayStillLand: false, cause: error)), now: state.now)
        let after = try #require(form(state))
        #expect(after.phase == .editing)
        #expect(after.error?.contains("not found in cluster registry") == true)
        #expect(after.selectedNode == "node-b" && after.pickerText == "node-b")
        let text = RootView.render(state).text()
        #expect(text.contains("not found in cluster registry"))
    }

    @Test func escCancelsWithoutWriting() {
        var state = openForm("tenant1:research-agent")
        let effects = TestCluster.press(&state, .escape)
        #expect(effects.isEmpty && state.overlays.isEmpty)
    }

    @Test func noChangeIsRefusedInsideTheForm() {
        var state = openForm("tenant1:brw_42")
        let effects = TestCluster.press(&state, .enter)
        #expect(effects.isEmpty)
        #expect(form(state)?.error?.contains("nothing to change") == true)
    }

    /// Issues 11 and 19: `removed: false` says "nothing to remove", and the
    /// notice stays until the next key (a "✓ confirmed" overwrote it within 50 ms).
    @Test func resetAsksThenDeletesAndReportsNothingToRemoveUntilTheNextKey() throws {
        var state = TestCluster.loadedState()
        select(&state, "tenant1:brw_42")
        TestCluster.press(&state, .char("x"))
        guard case .confirmReset? = state.topOverlay else { Issue.record("no confirmation"); return }
        let key = EntityKey(.browser, "tenant1:brw_42")
        let (origin, item) = try #require(write(TestCluster.press(&state, .char("y"))))
        #expect(origin == .reset(key))
        #expect(item.to == .followsDefault && item.from.isExplicit)
        _ = Update.update(&state, .writeFinished(origin, .applied(.followsDefault, .nothingToRemove)), now: state.now)
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text.contains("nothing to remove") == true)
        #expect(state.pendingCheck == nil, "nothing changed, so nothing overwrites the notice")
        _ = Update.update(&state, .tick, now: state.now.addingTimeInterval(60))
        #expect(state.notice?.text.contains("nothing to remove") == true, "still there a minute later")
        TestCluster.press(&state, .down)
        #expect(state.notice == nil)
    }

    @Test func resetErrorShowsInTheConfirmation() throws {
        var state = TestCluster.loadedState()
        select(&state, "tenant1:brw_42")
        TestCluster.press(&state, .char("x"))
        let (origin, _) = try #require(write(TestCluster.press(&state, .char("y"))))
        let error = ClusterError.unauthorized("Invalid or expired token")
        _ = Update.update(&state, .writeFinished(origin, .notApplied(error.description, mayStillLand: false, cause: error)), now: state.now)
        guard case .confirmReset(let confirm)? = state.topOverlay else { Issue.record("confirmation closed"); return }
        #expect(confirm.error?.contains("not logged in") == true)
    }

    @Test func resetNoAndEscapeCancel() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("x"))
        #expect(TestCluster.press(&state, .char("n")).isEmpty && state.overlays.isEmpty)
    }
}

/// An orphaned instance (bound to a node missing from the registry) opens the form on a node that exists.
@Suite struct RebindOrphanTests {
    @Test func orphanFormPointsAtARealNode() {
        var state = TestCluster.loadedState()
        var list = TestCluster.instances
        list[1].nodeName = "retired-node"
        _ = Update.update(&state, TestCluster.listed((TestCluster.fetched(InstanceList(instances: list), digest: 7)), latency: 0), now: state.now)
        let row = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].nodeName == "retired-node" }!
        state.instancePane.cursor.selected = row
        TestCluster.press(&state, .enter)
        guard case .rebind(let form)? = state.topOverlay else { Issue.record("no form"); return }
        #expect(form.selectedNode == "node-a")
    }

    /// Issue 11: `x` on an instance that follows the default node asked
    /// "Remove the explicit binding?" and reported success; it must say so
    /// at once and send nothing.
    @Test func resetOfADefaultBindingSendsNothing() {
        var state = TestCluster.loadedState()
        state.instancePane.cursor.selected = state.derived.instanceRows.firstIndex {
            state.snapshot!.instances[$0].entityId == "tenant1:research-agent"
        }!
        let effects = TestCluster.press(&state, .char("x"))
        #expect(!effects.contains(where: TestCluster.isWrite))
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text == "Research Agent already follows the default node (node-a): nothing to reset")
    }
}
