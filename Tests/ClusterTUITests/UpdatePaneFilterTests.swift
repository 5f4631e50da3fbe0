import ClusterGrid
import ClusterModel
import Foundation
import Testing
import ClusterState
import ClusterViews

/// Issue 11: each table pane has its own filter, and focus is visible and one key away.
@Suite struct UpdatePaneFilterTests {
    /// Issue 11: `/bro` meant for instances left "Nodes 0 (none)".
    @Test func anInstanceFilterLeavesTheNodesAlone() {
        var state = TestCluster.loadedState()
        let nodes = state.derived.nodes.map(\.name)
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "bro")
        #expect(state.derived.nodes.map(\.name) == nodes)
        #expect(state.derived.instanceRows.count == 1)
        #expect(RootView.render(state).text().contains("/ instances: bro█"))
    }

    /// Issue 11: the nodes pane filters nodes only, and says so in its prompt.
    @Test func aNodeFilterLeavesTheInstancesAlone() {
        var state = TestCluster.loadedState()
        let rows = state.derived.instanceRows
        TestCluster.press(&state, .char("1"), .char("/"))
        TestCluster.type(&state, "node-b")
        #expect(state.derived.nodes.map(\.name) == ["node-b"])
        #expect(state.derived.instanceRows == rows)
        let text = RootView.render(state).text()
        #expect(text.contains("/ nodes: node-b█"))
        #expect(text.contains("▶Nodes 1 match /node-b"))
    }

    /// Issue 11: a term that only makes sense for the other pane is an error that says so.
    @Test func anInstanceTermInTheNodeFilterIsRefusedByName() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("1"), .char("/"))
        TestCluster.type(&state, "type:agent")
        #expect(state.nodePane.filter.error == "type:agent filters instances, not nodes (2 or Tab: the instances pane)")
        #expect(state.nodePane.filter.query == (try? FilterQuery.parse("type").get()), "the last good query stays in force")
    }

    /// Guards rows that do not match their title: `/is:explict` Enter closed the prompt over the rows of the last good query (`is`), titled "match /is:explict", and `*` then marked them.
    @Test func enterWithAnErrorKeepsThePromptOpen() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "is:explict")
        #expect(state.instancePane.filter.error != nil)
        TestCluster.press(&state, .enter)
        #expect(state.editingFilter == .instances, "the prompt stays, its error shown")
        #expect(RootView.render(state).text().contains("/ instances: is:explict█"))
        TestCluster.press(&state, .backspace, .backspace)
        TestCluster.type(&state, "cit")
        TestCluster.press(&state, .enter)
        #expect(state.editingFilter == nil && state.instancePane.filter.query == (try? FilterQuery.parse("is:explicit").get()))
    }

    /// Guards an input nobody could see: a query longer than the line showed its start and `…`, never its end or the cursor (the palette's too).
    @Test func aLongQueryShowsItsEnd() {
        var state = TestCluster.loadedState(width: 80, height: 24)
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, String(repeating: "a", count: 150) + " tenant:zz")
        let line = RootView.render(state).lines()[23]
        #expect(line.contains("tenant:zz█") && line.contains("/ instances: …a"), "\(line)")
        #expect(DisplayWidth.tail("東京abc", room: 4) == "…abc" && DisplayWidth.tail("東京abc", room: 6) == "…京abc")
        #expect(DisplayWidth.tail("short", room: 10) == "short")
    }

    /// Each pane keeps its own filter; Esc clears the focused pane's first.
    @Test func eachPaneKeepsItsFilterAndEscClearsTheFocusedOne() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "bro")
        TestCluster.press(&state, .enter, .char("1"), .char("/"))
        TestCluster.type(&state, "node-b")
        TestCluster.press(&state, .enter)
        #expect(state.instancePane.filter.text == "bro" && state.nodePane.filter.text == "node-b")
        TestCluster.press(&state, .escape)
        #expect(state.nodePane.filter.text.isEmpty && state.instancePane.filter.text == "bro")
        TestCluster.press(&state, .escape)
        #expect(state.instancePane.filter.text.isEmpty)
    }

    /// Issue 11: 1 2 3 jump straight to nodes, instances and events; the focused title carries ▶.
    @Test func numberKeysFocusAPaneAndItsTitleShowsIt() throws {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("1"))
        #expect(state.focus == .nodes)
        TestCluster.press(&state, .char("3"))
        #expect(state.focus == .events)
        TestCluster.press(&state, .char("2"))
        #expect(state.focus == .instances)
        let screen = RootView.render(state)
        let lines = screen.text().split(separator: "\n", omittingEmptySubsequences: false)
        let layout = Layout(state: state)
        #expect(lines[layout.instancesTop].hasPrefix("▶Instances"))
        #expect(lines[layout.nodesTop].hasPrefix(" Nodes"))
        #expect(screen[0, layout.instancesTop].style.underline && screen[0, layout.instancesTop].style.bold)
        #expect(!screen[1, layout.nodesTop].style.underline)
        var ascii = state
        ascii.config.asciiOnly = true
        #expect(RootView.render(ascii).text().contains(">Instances"))
    }
}
