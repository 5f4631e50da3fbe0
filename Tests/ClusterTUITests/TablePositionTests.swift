import ClusterGrid
import ClusterState
import ClusterViews
import ClusterApp
import Testing

/// A table whose rows do not all fit says which of them it shows, at the
/// right end of its title bar; one that fits says nothing more.
@Suite struct TablePositionTests {
    /// The rendered line whose text (after the focus mark) starts with `prefix`.
    static func titleLine(_ state: AppState, startingWith prefix: String) throws -> String {
        let lines = RootView.render(state).lines()
        return try #require(lines.first { $0.dropFirst().hasPrefix(prefix) }, "no line starting \(prefix)")
    }

    /// Guards a pane cut short: at 40×12 the nodes pane drew 1 of its 4 nodes under "Nodes 4", and nothing said the other 3 were below its edge.
    @Test func aPaneCutShortSaysWhichRowsItShows() throws {
        var state = TestCluster.loadedState(width: 40, height: 12)
        #expect(try Self.titleLine(state, startingWith: "Nodes 4").hasSuffix(" 1 of 4"))
        TestCluster.press(&state, .tab, .down)
        let focused = try Self.titleLine(state, startingWith: "Nodes 4")
        #expect(focused.hasSuffix(" 2 of 4"), "after moving down: \(focused)")
    }

    /// Guards the position's cost: a pane that shows every row keeps its whole title and no position.
    @Test func aPaneThatFitsSaysNoPosition() throws {
        let state = TestCluster.loadedState(width: 120, height: 40)
        let line = try Self.titleLine(state, startingWith: "Nodes 4")
        #expect(!line.contains(" of 4"))
        #expect(line.contains("sort: problems first"))
    }

    /// Guards a row drawn under the key bar: at 30×8 the instances pane claimed a row the status line covered, and its title said "1 of 4" over no row.
    @Test func aPaneWithRoomForItsHeaderOnlySaysNoneFit() throws {
        let state = TestCluster.loadedState(width: 30, height: 8)
        let layout = Layout(state: state)
        #expect(layout.instanceRows == 0)
        #expect(layout.instancesTop + 2 <= layout.statusRow, "its title and header stay above the status line")
        #expect(try Self.titleLine(state, startingWith: "Instances 4").hasSuffix(" none fit"))
    }

    /// Guards clicks on the key bar: at 30×8 with the stale banner the instances pane's header reached the status line, and a click there acted on the pane.
    @Test func theStatusLineTakesNoTableClicks() {
        var state = TestCluster.loadedState(width: 30, height: 8)
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:9")), latency: 0), now: state.now)
        #expect(state.isStale)
        let layout = Layout(state: state)
        #expect(MouseHandling.hit(state, y: layout.statusRow) == nil)
    }
}
