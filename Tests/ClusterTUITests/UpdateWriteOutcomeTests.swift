import ClusterModel
import ClusterWrites
import Foundation
import Testing
import ClusterApp
import ClusterState

/// `update` for write outcomes that arrive when the form is gone, and for
/// writes refused while a context switch is under way. (What a lost reply
/// or a 5xx means is the write engine's rule, tested in ClusterWritesTests.)
@Suite struct UpdateWriteOutcomeTests {
    let key = EntityKey(.agent, "tenant1:research-agent")

    /// Review of issue 13: Esc while a rebind was being sent threw its answer
    /// away; it is still reported, in the engine's words.
    @Test func anAnswerAfterEscIsStillReported() throws {
        var state = TestCluster.loadedState()
        let row = try #require(state.derived.instanceRows.firstIndex { state.snapshot!.instances[$0].key == key })
        state.instancePane.cursor.selected = row
        TestCluster.press(&state, .enter)
        TestCluster.type(&state, "node-b")
        let effects = TestCluster.press(&state, .enter)
        guard case .write(let origin, let plan)? = effects.first(where: TestCluster.isWrite) else { Issue.record("no write"); return }
        TestCluster.press(&state, .escape)
        #expect(state.overlays.isEmpty)
        _ = Update.update(&state, .writeFinished(origin, .applied(plan.items[0].to, .reread)), now: state.now)
        #expect(state.notice?.text.hasPrefix("rebind of the instance: ok: node-b") == true, "\(state.notice?.text ?? "")")
        _ = Update.update(&state, .writeFinished(origin, .unknown("the reply was lost; re-reading failed")), now: state.now)
        #expect(state.notice?.text.contains("unknown") == true)
        #expect(state.notice?.severity == .warning)
    }

    /// Issue 20: a later poll settled a write whose outcome was unknown: the operator is told.
    @Test func aSettledUnknownIsPosted() {
        var state = TestCluster.loadedState()
        _ = Update.update(&state, .writeSettled(SettledWrites.landed(key, on: "node-b", mode: .strict)), now: state.now)
        #expect(state.notice?.text.contains("settled by a later read") == true)
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
        let effects = TestCluster.press(&state, .enter, .char("x"))
        #expect(state.notice?.text == "switching context: writes wait until it is done")
        // `y` on the main screen copies (issue 24); it confirms nothing here.
        let more = TestCluster.press(&state, .char("y"))
        #expect(state.overlays.isEmpty && !(effects + more).contains(where: TestCluster.isWrite))
    }
}
