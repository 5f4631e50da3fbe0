import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 24: `z` gives the focused pane the whole screen; Tab moves the zoom; `z` again is back.
@Suite struct ZoomTests {
    @Test func zoomGivesTheFocusedPaneTheScreenAndTabMovesIt() {
        var state = TestCluster.loadedState(width: 120, height: 40)
        let before = Layout(state: state)
        TestCluster.press(&state, .char("z"))
        let zoomed = Layout(state: state)
        #expect(zoomed.zoomed == .instances && zoomed.instanceRows > before.instanceRows)
        var screen = RootView.render(state).text()
        #expect(!screen.contains("sort: problems first") && screen.contains("sort: risk"), "\(screen)")
        TestCluster.press(&state, .tab)
        #expect(state.focus == .events && Layout(state: state).zoomed == .events)
        screen = RootView.render(state).text()
        #expect(screen.contains("Events") && !screen.contains("sort: risk"), "\(screen)")
        TestCluster.press(&state, .char("z"))
        #expect(Layout(state: state).zoomed == nil && RootView.render(state).text().contains("sort: problems first"))
    }
}
