import ClusterTestSupport
import ClusterModel
import Foundation
import Testing
@testable import ClusterTUI

/// `update` for writes whose reply was lost (issue 13): the form re-reads
/// before it says anything, and never reports a write that landed as failed.
@Suite struct UpdateLostWriteTests {
    let key = EntityKey(.agent, "tenant1:research-agent")

    /// A rebind form for research-agent → node-b (strict), re-checked and sent.
    func sentRebind() throws -> (AppState, RebindForm) {
        var state = TestCluster.loadedState()
        let row = try #require(state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].key == key })
        state.instanceCursor.selected = row
        TestCluster.press(&state, .enter)
        TestCluster.type(&state, "node-b")
        TestCluster.press(&state, .tab, .left, .enter)
        guard case .rebind(let form)? = state.topOverlay else { throw TmuxError(description: "no form") }
        _ = Update.update(&state, .rebindRechecked(formID: form.id, .success(TestCluster.fetched(TestCluster.overview))), now: state.now)
        return (state, form)
    }

    /// The same, its reply lost.
    func lostRebind() throws -> (AppState, RebindForm) {
        let sent = try sentRebind()
        var state = sent.0
        let form = sent.1
        let effects = Update.update(&state, .assignmentSet(formID: form.id, .failure(.outcomeUnknown("127.0.0.1:1 closed the connection before answering"))), now: state.now)
        let write = LostWrite.rebind(formID: form.id, key: key, nodeName: "node-b", mode: .strict)
        #expect(effects.contains(.recheckLostWrite(write)))
        guard case .rebind(let verifying)? = state.topOverlay else { throw TmuxError(description: "form closed") }
        #expect(verifying.phase == .verifying)
        #expect(RootView.render(state).text().contains("the reply was lost: checking whether it was applied…"))
        return (state, verifying)
    }

    func overview(with assignment: Assignment?) -> Fetched<Overview> {
        var overview = TestCluster.overview
        overview.assignments.removeAll { $0.key == key }
        if let assignment { overview.assignments.append(assignment) }
        return TestCluster.fetched(overview, digest: 9)
    }

    /// Issue 13: the PUT landed and its reply was lost; the form said
    /// "connection failed". A re-read that shows the binding is a success.
    @Test func appliedWriteWithALostReplyIsConfirmedByReReading() throws {
        var (state, form) = try lostRebind()
        let stored = Assignment(entityType: .agent, entityId: key.entityId, nodeName: "node-b", mode: .strict)
        let write = LostWrite.rebind(formID: form.id, key: key, nodeName: "node-b", mode: .strict)
        _ = Update.update(&state, .writeRechecked(write, .success(overview(with: stored))), now: state.now)
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text == "bound Research Agent to node-b (strict); applied; the reply was lost, confirmed by re-reading")
        #expect(state.pendingCheck == PendingCheck(key: key, nodeName: "node-b", mode: .strict))
    }

    /// Issue 13: a re-read that shows the old binding means not applied, safe to retry; the form stays open.
    @Test func writeNotAppliedKeepsTheFormOpenWithTheReason() throws {
        var (state, form) = try lostRebind()
        let write = LostWrite.rebind(formID: form.id, key: key, nodeName: "node-b", mode: .strict)
        _ = Update.update(&state, .writeRechecked(write, .success(overview(with: nil))), now: state.now)
        guard case .rebind(let shown)? = state.topOverlay else { Issue.record("form closed"); return }
        #expect(shown.phase == .editing)
        #expect(shown.error == "not applied: the reply was lost and a re-read shows it still following the default node; safe to retry")
        #expect(shown.selectedNode == "node-b", "the choices survive")
        form = shown
    }

    /// Issue 13: when the re-read fails too the outcome is unknown, never "failed".
    @Test func reReadFailureLeavesTheOutcomeUnknown() throws {
        var (state, form) = try lostRebind()
        let write = LostWrite.rebind(formID: form.id, key: key, nodeName: "node-b", mode: .strict)
        _ = Update.update(&state, .writeRechecked(write, .failure(.connectionRefused("127.0.0.1:1"))), now: state.now)
        guard case .rebind(let shown)? = state.topOverlay else { Issue.record("form closed"); return }
        let error = try #require(shown.error)
        #expect(error.hasPrefix("outcome unknown: the reply was lost and re-reading failed (connection refused"))
        #expect(error.hasSuffix("it may or may not have been applied: look at the next poll before retrying"))
        #expect(!error.contains("failed:"))
    }

    /// Issue 13: a reset whose reply was lost is re-read the same way.
    @Test func resetWithALostReplyIsResolvedByReReading() throws {
        var state = TestCluster.loadedState()
        let brw = EntityKey(.browser, "tenant1:brw_42")
        let row = try #require(state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].key == brw })
        state.instanceCursor.selected = row
        TestCluster.press(&state, .char("x"), .char("y"))
        let effects = Update.update(&state, .assignmentDeleted(brw, .failure(.outcomeUnknown("reset by peer"))), now: state.now)
        #expect(effects.contains(.recheckLostWrite(.reset(brw))))
        #expect(RootView.render(state).text().contains("checking whether it was applied…"))
        var overview = TestCluster.overview
        overview.assignments.removeAll { $0.key == brw }
        _ = Update.update(&state, .writeRechecked(.reset(brw), .success(TestCluster.fetched(overview, digest: 4))), now: state.now)
        #expect(state.overlays.isEmpty)
        #expect(state.notice?.text == "reset tenant1:brw_42 to the default node; applied; the reply was lost, confirmed by re-reading")
    }

    /// The pure rule both the CLI and the dashboard use: trimmed node, absent mode stored as strict.
    @Test func writeCheckFollowsTheServersRules() {
        let row = Assignment(entityType: .agent, entityId: "t:x", nodeName: "node-b", mode: .strict)
        let overview = Overview(thisNodeName: "a", defaultNodeName: "a", nodes: [], assignments: [row])
        let k = EntityKey(.agent, "t:x")
        #expect(WriteCheck.afterSet(k, nodeName: " node-b ", mode: nil, in: overview) == .applied(row))
        #expect(WriteCheck.afterSet(k, nodeName: "node-b", mode: .preferred, in: overview) == .notApplied(current: row))
        #expect(WriteCheck.afterDelete(k, in: overview) == .notApplied(current: row))
        #expect(WriteCheck.afterDelete(EntityKey(.agent, "t:y"), in: overview) == .applied(nil))
    }

    /// Review of issue 13: Esc while a rebind was being sent threw its answer
    /// away, a lost reply included; it is still reported and re-read.
    @Test func anAnswerAfterEscIsStillReportedAndALostOneReRead() throws {
        // A form sent, then closed with Esc before the answer.
        let sent = try sentRebind()
        var fresh = sent.0
        let sending = sent.1
        TestCluster.press(&fresh, .escape)
        #expect(fresh.overlays.isEmpty)
        let effects = Update.update(&fresh, .assignmentSet(formID: sending.id, .failure(.outcomeUnknown("reset by peer"))), now: fresh.now)
        #expect(effects.contains(.recheckLostWrite(.rebind(formID: sending.id, key: key, nodeName: "node-b", mode: .strict))))
        var state = fresh
        let stored = Assignment(entityType: .agent, entityId: key.entityId, nodeName: "node-b", mode: .strict)
        _ = Update.update(&state, .writeRechecked(.rebind(formID: sending.id, key: key, nodeName: "node-b", mode: .strict),
                                                  .success(overview(with: stored))), now: state.now)
        #expect(state.notice?.text.contains("confirmed by re-reading") == true)
    }

    /// Review of issue 11: a form must not send through a connection switched to meanwhile.
    @Test func choosingAContextClosesFormsAndRefusesNewOnes() throws {
        var config = AppConfig(label: "prod")
        config.contexts = [ContextChoice(name: "prod", url: "https://p", hasToken: true),
                           ContextChoice(name: "staging", url: "https://s", hasToken: true)]
        config.currentContext = "prod"
        var state = TestCluster.loadedState(config: config)
        TestCluster.press(&state, .enter)
        #expect(state.topOverlay != nil)
        TestCluster.press(&state, .escape, .char("c"), .down, .enter)
        #expect(state.switchingTo == "staging" && state.overlays.isEmpty)
        let effects = TestCluster.press(&state, .enter, .char("x"), .char("y"))
        #expect(state.overlays.isEmpty && !effects.contains(where: TestCluster.isWrite))
        #expect(state.notice?.text == "switching context: writes wait until it is done")
    }
}
