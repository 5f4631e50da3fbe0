import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// `update` for the main screen's keys: movement, panes, filter, sort,
/// ghosts, help, quit, and the modes that forbid writes.
@Suite struct UpdateKeyTests {
    @Test func movementKeysMoveTheSelectionWithinBounds() {
        var state = TestCluster.loadedState()
        #expect(state.focus == .instances)
        TestCluster.press(&state, .char("j"), .down)
        #expect(state.instancePane.cursor.selected == 2)
        TestCluster.press(&state, .char("k"))
        #expect(state.instancePane.cursor.selected == 1)
        TestCluster.press(&state, .end)
        #expect(state.instancePane.cursor.selected == 3)
        TestCluster.press(&state, .down, .pageDown)
        #expect(state.instancePane.cursor.selected == 3)
        TestCluster.press(&state, .home, .up)
        #expect(state.instancePane.cursor.selected == 0)
    }

    @Test func tabCyclesPanesAndMovementFollowsFocus() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .tab)
        #expect(state.focus == .events)
        TestCluster.press(&state, .tab)
        #expect(state.focus == .nodes)
        TestCluster.press(&state, .char("j"))
        #expect(state.nodePane.cursor.selected == 1)
        TestCluster.press(&state, .backTab)
        #expect(state.focus == .events)
    }

    @Test func ghostsAreFoldedUntilToggled() {
        var state = TestCluster.loadedState()
        #expect(state.derived.nodes.map(\.name) == ["node-d", "node-c", "node-a", "node-b"], "problems first: offline, draining, then ok")
        #expect(state.derived.hiddenGhosts == 1)
        TestCluster.press(&state, .char("g"))
        #expect(state.derived.nodes.last?.name == "old-1234")
    }

    @Test func filterNarrowsLiveAndKeepsLastGoodQueryOnError() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        #expect(state.instancePane.filter.editing)
        TestCluster.type(&state, "type:agent")
        #expect(state.derived.instanceRows.count == 2)
        TestCluster.type(&state, " \"")
        #expect(state.instancePane.filter.error != nil, "an unclosed quote is an error")
        #expect(state.derived.instanceRows.count == 2, "the last good query stays in force")
        TestCluster.press(&state, .backspace, .backspace)
        #expect(state.instancePane.filter.error == nil)
        TestCluster.press(&state, .enter)
        #expect(!state.instancePane.filter.editing)
        #expect(state.instancePane.filter.isActive)
        TestCluster.press(&state, .escape)
        #expect(!state.instancePane.filter.isActive)
        #expect(state.derived.instanceRows.count == 4)
    }

    @Test func filterIsRiskFindsTheBlockedInstance() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("/"))
        TestCluster.type(&state, "is:risk")
        let names = state.derived.instanceRows.map { state.snapshot!.instances[$0].name }
        #expect(names == ["Blocked Agent"])
    }

    @Test func sortCyclesColumnsAndReverses() {
        var state = TestCluster.loadedState()
        #expect(state.instancePane.sort.column == .risk)
        TestCluster.press(&state, .char("s"))
        #expect(state.instancePane.sort.column == .type)
        TestCluster.press(&state, .home)
        #expect(state.selectedInstance?.entityType == EntityType("agent"), "a-z: agent first")
        TestCluster.press(&state, .char("S"))
        #expect(state.instancePane.sort.ascending == false)
        TestCluster.press(&state, .home)
        // Review of issue 19: this ended in a loose `|| rows == 1`; the fixture has four types, so say which.
        #expect(state.selectedInstance?.entityType == EntityType("mcp"), "z-a: mcp first")
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char("?"))
        #expect(state.topOverlay == .help)
        TestCluster.press(&state, .char("q"))
        #expect(state.overlays.isEmpty)
        #expect(!state.quitting, "q in help closes help, it does not quit")
    }

    @Test func enterOnNodeOpensDetailsAndEscCloses() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .backTab, .enter)
        #expect(state.topOverlay == .nodeDetails(name: "node-d"), "the first row: the offline node")
        TestCluster.press(&state, .escape)
        #expect(state.overlays.isEmpty)
    }

    @Test func quitKeys() {
        var state = TestCluster.loadedState()
        #expect(TestCluster.press(&state, .char("q")) == [.quit])
        var other = TestCluster.loadedState()
        TestCluster.press(&other, .char("?"))
        #expect(TestCluster.press(&other, .ctrl("c")) == [.quit], "Ctrl-C quits even under an overlay")
    }

    @Test func refreshRequestsBothPollsNow() {
        var state = TestCluster.loadedState()
        let effects = TestCluster.press(&state, .char("r"))
        #expect(effects.contains(.fetchOverview(previous: BodyDigest(value: 1, length: 1))))
        #expect(effects.contains(.fetchInstances(previous: BodyDigest(value: 1, length: 1), bindingTo: state.snapshot!.bindingSource)))
    }

    @Test func readOnlyNeverProducesAWrite() {
        var config = AppConfig(label: "t")
        config.readOnly = true
        var state = TestCluster.loadedState(config: config)
        var effects: [Effect] = []
        let keys: [Key] = [.enter, .char("e"), .char("x"), .char("y"), .enter, .escape, .down, .enter, .char("y"),
                           .char("x"), .char("y"), .tab, .enter, .escape, .char("i"), .enter, .char("x"), .char("y")]
        for key in keys { effects += TestCluster.press(&state, key) }
        #expect(!effects.contains(where: TestCluster.isWrite))
        #expect(!state.overlays.contains { if case .rebind = $0 { true } else { false } })
    }

    @Test func wallboardIgnoresEverythingButQuit() {
        var config = AppConfig(label: "t")
        config.wallboard = true
        config.readOnly = true
        var state = TestCluster.loadedState(config: config)
        for key: Key in [.char("/"), .char("?"), .enter, .char("x"), .tab] {
            #expect(TestCluster.press(&state, key).isEmpty)
        }
        #expect(state.overlays.isEmpty && !state.instancePane.filter.editing)
        #expect(TestCluster.press(&state, .char("q")) == [.quit])
    }

    @Test func resizeClampsTheSelection() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .end)
        _ = Update.update(&state, .resize(width: 40, height: 12), now: state.now)
        #expect(state.width == 40)
        let layout = Layout(state: state)
        #expect(state.instancePane.cursor.selected - state.instancePane.cursor.offset < layout.instanceRows)
    }
}

/// The help overlay scrolls on short terminals instead of hiding its last lines.
@Suite struct HelpScrollTests {
    @Test func arrowsScrollAndOtherKeysClose() {
        var state = TestCluster.loadedState(width: 80, height: 24)
        TestCluster.press(&state, .char("?"))
        let before = RootView.render(state).text()
        #expect(!before.contains("exclude matches"), "the last help line is below a 24-row screen")
        for _ in 0..<20 { TestCluster.press(&state, .pageDown) }
        #expect(state.topOverlay == .help)
        #expect(RootView.render(state).text().contains("exclude matches"))
        TestCluster.press(&state, .char("x"))
        #expect(state.overlays.isEmpty && state.helpScroll == 0)
    }

    /// Node details listed as many bound instances as fit (4 of 125) with nothing saying more were there.
    @Test func nodeDetailsSayHowManyBoundInstancesDoNotFit() {
        var state = TestCluster.loadedState(width: 80, height: 24)
        let many = (0..<40).map { i in
            Instance(entityType: .agent, entityId: "t:\(i)", name: "agent \(i)", subtitle: "", tenantId: "t", tenantSlug: "t",
                     projectId: "p", nodeName: "node-d", mode: .strict, explicit: false)
        }
        _ = Update.update(&state, TestCluster.listed(TestCluster.fetched(InstanceList(instances: many), digest: 7)), now: state.now)
        TestCluster.press(&state, .char("1"), .char("i"))
        let text = RootView.render(state).text()
        #expect(text.contains("more: / node:node-d in the instances pane"), "\(text)")
    }
}
