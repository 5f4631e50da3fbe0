import ClusterModel
import Foundation
import Testing
@testable import ClusterTUI

/// `update` for the rebind form and the reset confirmation: every phase,
/// confirmations, concurrent change, server errors kept inside the form.
@Suite struct UpdateRebindTests {
    /// Selects the instance with this entity id in the instances pane.
    func select(_ state: inout AppState, _ id: String) {
        let row = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].entityId == id }!
        state.instanceCursor.selected = row
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

    @Test func happyPathRechecksThenSendsThenConfirms() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-b")
        #expect(form(state)?.selectedNode == "node-b")
        TestCluster.press(&state, .tab, .left)
        #expect(form(state)?.mode == .strict)
        let effects = TestCluster.press(&state, .enter)
        let f = try #require(form(state))
        #expect(effects == [.recheckBeforeRebind(formID: f.id)])
        let send = Update.update(&state, .rebindRechecked(formID: f.id, .success(TestCluster.fetched(TestCluster.overview))), now: state.now)
        let key = EntityKey(.agent, "tenant1:research-agent")
        #expect(send == [.setAssignment(formID: f.id, key: key, nodeName: "node-b", mode: .strict, prior: .followsDefault)])
        #expect(form(state)?.phase == .sending)
        let stored = Assignment(entityType: .agent, entityId: key.entityId, nodeName: "node-b", mode: .strict, updatedBy: "u_me")
        let after = Update.update(&state, .assignmentSet(formID: f.id, .success(stored)), now: state.now)
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text.contains("bound Research Agent to node-b") == true)
        #expect(after.contains { if case .fetchInstances = $0 { true } else { false } })
        // The next instance list shows the binding: a confirmation follows.
        var list = TestCluster.instances
        list[0].nodeName = "node-b"; list[0].mode = .strict; list[0].explicit = true
        _ = Update.update(&state, .instancesFetched(.success(TestCluster.fetched(InstanceList(instances: list), digest: 3)), latency: 0), now: state.now)
        #expect(state.notice?.text.contains("confirmed") == true)
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
        #expect(effects.count == 1 && form(state)?.phase == .checking)
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
        TestCluster.press(&state, .enter)
        let f = try #require(form(state))
        var changed = TestCluster.overview
        changed.assignments[0].nodeName = "node-c"
        changed.assignments[0].updatedBy = "u_carol"
        let effects = Update.update(&state, .rebindRechecked(formID: f.id, .success(TestCluster.fetched(changed, digest: 5))), now: state.now)
        #expect(effects.isEmpty)
        guard case .conflict(let detail)? = form(state)?.phase else { Issue.record("no conflict shown"); return }
        #expect(detail.contains("u_carol") && detail.contains("node-c"))
        // Issue 11: the warning ended in "at…" at 120 columns; it must be whole.
        let warning = try #require(RootView.render(state).text().split(separator: "\n").first { $0.contains("Changed meanwhile") })
        #expect(warning.contains("u_carol bound it to node-c (strict) at 09:00:00Z."), "whole: \(warning)")
        let send = TestCluster.press(&state, .char("y"))
        #expect(send.contains(where: TestCluster.isWrite))
    }

    @Test func serverErrorStaysInsideTheFormWithChoicesKept() throws {
        var state = openForm("tenant1:research-agent")
        TestCluster.type(&state, "node-b")
        TestCluster.press(&state, .enter)
        let f = try #require(form(state))
        _ = Update.update(&state, .rebindRechecked(formID: f.id, .success(TestCluster.fetched(TestCluster.overview))), now: state.now)
        let error = ClusterError.server(status: 500, message: "Node \"node-b\" not found in cluster registry")
        _ = Update.update(&state, .assignmentSet(formID: f.id, .failure(error)), now: state.now)
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

    /// Issue 11: `removed: false` (someone reset it meanwhile) says "already on the default node".
    @Test func resetAsksThenDeletesAndReportsAlreadyDefault() {
        var state = TestCluster.loadedState()
        select(&state, "tenant1:brw_42")
        TestCluster.press(&state, .char("x"))
        guard case .confirmReset? = state.topOverlay else { Issue.record("no confirmation"); return }
        let key = EntityKey(.browser, "tenant1:brw_42")
        let effects = TestCluster.press(&state, .char("y"))
        guard case .deleteAssignment(key, .explicit)? = effects.first else { Issue.record("no DELETE: \(effects)"); return }
        _ = Update.update(&state, .assignmentDeleted(key, .success(false)), now: state.now)
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text.contains("already on the default node") == true)
    }

    @Test func resetErrorShowsInTheConfirmation() {
        var state = TestCluster.loadedState()
        select(&state, "tenant1:brw_42")
        TestCluster.press(&state, .char("x"), .char("y"))
        let key = EntityKey(.browser, "tenant1:brw_42")
        _ = Update.update(&state, .assignmentDeleted(key, .failure(.unauthorized("Invalid or expired token"))), now: state.now)
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
        _ = Update.update(&state, .instancesFetched(.success(TestCluster.fetched(InstanceList(instances: list), digest: 7)), latency: 0), now: state.now)
        let row = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].nodeName == "retired-node" }!
        state.instanceCursor.selected = row
        TestCluster.press(&state, .enter)
        guard case .rebind(let form)? = state.topOverlay else { Issue.record("no form"); return }
        #expect(form.selectedNode == "node-a")
    }

    /// Issue 11: `x` on an instance that follows the default node asked
    /// "Remove the explicit binding?" and reported success; it must say so
    /// at once and send nothing.
    @Test func resetOfADefaultBindingSendsNothing() {
        var state = TestCluster.loadedState()
        state.instanceCursor.selected = state.derived.instanceRows.firstIndex {
            state.snapshot!.instances[$0].entityId == "tenant1:research-agent"
        }!
        let effects = TestCluster.press(&state, .char("x"))
        #expect(!effects.contains(where: TestCluster.isWrite))
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text == "Research Agent already follows the default node (node-a): nothing to reset")
    }
}
