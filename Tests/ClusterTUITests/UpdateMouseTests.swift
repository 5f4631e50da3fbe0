import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState

/// Issue 11: with `--mouse`, a click selects the row and focuses its pane,
/// a click on a title focuses the pane, the wheel scrolls the pane under
/// the pointer.
@Suite struct UpdateMouseTests {
    /// Issue 11: a click on a node row focuses the nodes pane and selects that node.
    @Test func aClickSelectsTheRowAndFocusesItsPane() {
        var state = TestCluster.loadedState()
        let layout = Layout(state: state)
        _ = Update.update(&state, .mouse(x: 4, y: layout.nodesTop + 2 + 1, button: .left), now: state.now)
        #expect(state.focus == .nodes)
        #expect(state.selectedNode?.name == state.derived.nodes[1].name)
        _ = Update.update(&state, .mouse(x: 4, y: layout.instancesTop + 2 + 2, button: .left), now: state.now)
        #expect(state.focus == .instances)
        #expect(state.instancePane.cursor.selected == 2)
    }

    /// Issue 11: a click on a pane's title focuses it without moving its selection.
    @Test func aClickOnATitleFocusesThePane() {
        var state = TestCluster.loadedState()
        let layout = Layout(state: state)
        _ = Update.update(&state, .mouse(x: 1, y: layout.nodesTop, button: .left), now: state.now)
        #expect(state.focus == .nodes)
        #expect(state.nodePane.cursor.selected == 0)
        _ = Update.update(&state, .mouse(x: 1, y: layout.eventsTop, button: .left), now: state.now)
        #expect(state.focus == .events)
    }

    /// Issue 11: the wheel scrolls the pane under the pointer, not the focused one.
    @Test func theWheelScrollsThePaneUnderThePointer() {
        var state = TestCluster.loadedState()
        let layout = Layout(state: state)
        #expect(state.focus == .instances)
        _ = Update.update(&state, .mouse(x: 1, y: layout.nodesTop + 2, button: .scrollDown), now: state.now)
        #expect(state.nodePane.cursor.selected == min(3, state.derived.nodes.count - 1))
        #expect(state.instancePane.cursor.selected == 0)
        #expect(state.focus == .instances, "the wheel does not move the focus")
    }

    /// Overlays and the wallboard ignore the mouse.
    @Test func overlaysIgnoreTheMouse() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("?"))
        let layout = Layout(state: state)
        _ = Update.update(&state, .mouse(x: 1, y: layout.nodesTop, button: .left), now: state.now)
        #expect(state.focus == .instances)
        #expect(state.topOverlay == .help)
    }
}
