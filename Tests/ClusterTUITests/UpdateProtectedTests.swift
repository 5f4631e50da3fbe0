import ClusterModel
import ClusterWrites
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 23: on a `protected` context no write is sent until the context's
/// name is typed — a form's rebind, a reset, a plan — and Esc sends nothing
/// and says so in the form or plan that asked.
@Suite struct UpdateProtectedTests {
    func state() -> AppState {
        var state = TestCluster.withContexts(["prod"], protected: true)
        state.instancePane.cursor.selected = state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].entityId == "tenant1:brw_42" }!
        return state
    }

    func writes(_ effects: [Effect]) -> [Effect] { effects.filter(TypeNameConfirm.holds) }

    /// Issue 23: a reset on a protected context waits for the name; a wrong name sends nothing; the right one sends.
    @Test func aResetWaitsForTheName() {
        var state = state()
        #expect(writes(TestCluster.press(&state, .char("x"), .char("y"))).isEmpty, "held, not sent")
        guard case .typeName? = state.topOverlay else { Issue.record("no confirmation: \(String(describing: state.topOverlay))"); return }
        #expect(RootView.render(state).text().contains("PROTECTED: prod"))
        #expect(!RootView.render(state).text().contains("sending, confirming"))
        TestCluster.type(&state, "staging")
        #expect(writes(TestCluster.press(&state, .enter)).isEmpty, "a wrong name sends nothing")
        for _ in 0..<7 { TestCluster.press(&state, .backspace) }
        TestCluster.type(&state, "prod")
        let sent = writes(TestCluster.press(&state, .enter))
        #expect(sent.count == 1)
        if case .write(.reset(let key), _)? = sent.first { #expect(key.entityId == "tenant1:brw_42") } else { Issue.record("\(sent)") }
    }

    /// Issue 23: Esc sends nothing and the rebind form says so, ready to edit again.
    @Test func escTellsTheFormNothingWasSent() throws {
        var state = state()
        TestCluster.press(&state, .enter)
        TestCluster.type(&state, "node-c")
        TestCluster.press(&state, .enter, .char("y"))  // node-c is draining: the form asks y first
        guard case .typeName? = state.topOverlay else { Issue.record("no confirmation: \(String(describing: state.topOverlay))"); return }
        // Behind the prompt the form said "checking the binding, sending, confirming…" while nothing had been sent.
        let behind = RootView.render(state).text()
        #expect(behind.contains("nothing is sent until it is typed") && !behind.contains("sending, confirming"), "\(behind)")
        #expect(writes(TestCluster.press(&state, .escape)).isEmpty)
        guard case .rebind(let form)? = state.topOverlay else { Issue.record("the form is gone"); return }
        #expect(form.phase == .editing && form.error != nil, "\(form.phase) \(String(describing: form.error))")
    }

    /// The header says PROTECTED on every screen of that cluster; an unprotected one does not.
    @Test func theHeaderSaysProtected() {
        #expect(RootView.render(state()).text().split(separator: "\n").first?.contains(" PROTECTED ") == true)
        #expect(RootView.render(TestCluster.loadedState()).text().contains("PROTECTED") == false)
    }
}
