import ClusterModel
import Testing
@testable import ClusterApp
@testable import ClusterGrid
@testable import ClusterState

/// Issue 24: the `:` palette finds actions, contexts, nodes, instances and
/// filters by a fragment, and Enter does what each names.
@Suite struct PaletteTests {
    private func open(_ text: String, _ state: inout AppState) -> Palette {
        TestCluster.press(&state, .char(":"))
        TestCluster.type(&state, text)
        guard case .palette(let palette)? = state.topOverlay else { Issue.record("no palette"); return Palette() }
        return palette
    }

    /// A fuzzy fragment finds the node first; Enter selects it in the nodes pane.
    @Test func fragmentJumpsToANode() {
        var state = TestCluster.loadedState()
        let palette = open("ndc", &state)
        #expect(palette.matches.first?.target == .node("node-c"), "\(palette.matches.map(\.title))")
        TestCluster.press(&state, .enter)
        #expect(state.topOverlay == nil)
        #expect(state.focus == .nodes && state.selectedNode?.name == "node-c")
    }

    /// Guards keys lost to the main screen: Enter with nothing matching closed the palette silently, and what was typed next ran as commands (`e` opened a rebind form).
    @Test func enterWithNothingMatchingKeepsThePaletteOpen() {
        var state = TestCluster.loadedState()
        let palette = open("nosuchthing", &state)
        #expect(palette.matches.isEmpty)
        TestCluster.press(&state, .enter)
        guard case .palette? = state.topOverlay else { Issue.record("the palette closed"); return }
        #expect(state.notice?.text.hasPrefix("nothing matches \"nosuchthing\"") == true, "\(String(describing: state.notice))")
        TestCluster.type(&state, "e")
        guard case .palette(let after)? = state.topOverlay else { Issue.record("the palette closed"); return }
        #expect(after.text == "nosuchthinge", "a key typed next goes to the palette")
    }

    /// A first word narrows the kind: `ctx` lists only contexts, and Enter switches.
    @Test func kindWordNarrowsAndContextsSwitch() {
        var state = TestCluster.withContexts(["prod", "staging"])
        let palette = open("ctx stag", &state)
        #expect(palette.matches.map(\.target) == [.context("staging")])
        let effects = TestCluster.press(&state, .enter)
        #expect(effects.contains { if case .switchContext("staging") = $0 { true } else { false } })
    }

    /// The palette's contexts did not say which is open or protected, as the `c` picker does.
    @Test func contextsSayCurrentAndProtected() {
        var state = TestCluster.withContexts(["prod", "staging"])
        state.config.contexts[1].isProtected = true
        let details = open("ctx ", &state).matches.map(\.detail)
        #expect(details == ["current · https://prod", "protected · https://staging"], "\(details)")
    }

    /// Actions run as their key would: `help` opens the help overlay, and shows its key.
    @Test func actionsRunAndShowTheirKey() {
        var state = TestCluster.loadedState()
        let palette = open("help", &state)
        #expect(palette.matches.first?.target == .action(.help) && palette.matches.first?.key == "?")
        TestCluster.press(&state, .enter)
        #expect(state.topOverlay == .help)
    }

    /// Instances match by fragment of their id; Enter selects the instance.
    @Test func instancesAreFoundBySubstring() {
        var state = TestCluster.loadedState()
        let palette = open("inst brw_42", &state)
        #expect(palette.matches.map(\.target) == [.instance(EntityKey(.browser, "tenant1:brw_42"))])
        TestCluster.press(&state, .enter)
        #expect(state.focus == .instances && state.selectedInstance?.entityId == "tenant1:brw_42")
    }

    /// Filters apply to the focused pane.
    @Test func filtersApply() {
        var state = TestCluster.loadedState()
        _ = open("filter is:risk", &state)
        TestCluster.press(&state, .enter)
        #expect(state.instancePane.filter.text == "is:risk" && state.instancePane.filter.isActive)
    }

    /// With nothing typed, what was chosen before comes first, newest first.
    @Test func historyComesFirst() {
        var state = TestCluster.loadedState()
        _ = open("ndc", &state)
        TestCluster.press(&state, .enter)
        _ = open("help", &state)
        TestCluster.press(&state, .enter, .escape)
        let palette = open("", &state)
        #expect(palette.matches.prefix(2).map(\.target) == [.action(.help), .node("node-c")])
        TestCluster.press(&state, .down, .enter)
        #expect(state.selectedNode?.name == "node-c")
    }

    /// Esc closes without doing anything; nothing matching is said, not an empty box.
    @Test func escapeClosesAndNothingMatches() {
        var state = TestCluster.loadedState()
        let palette = open("zzqx", &state)
        #expect(palette.matches.isEmpty)
        let effects = TestCluster.press(&state, .escape)
        #expect(effects.isEmpty && state.topOverlay == nil)
    }

    /// The wallboard has no palette: `:` does nothing there.
    @Test func neverOnTheWallboard() {
        var config = AppConfig(label: "wb")
        config.wallboard = true
        config.readOnly = true
        var state = TestCluster.loadedState(config: config)
        TestCluster.press(&state, .char(":"))
        #expect(state.topOverlay == nil)
    }
}

/// Issue 24 regressions found in a real terminal.
@Suite struct PaletteQueryTests {
    /// A query with a space but no kind word was cut at the space ("tch q" searched "tch").
    @Test func spacesStayInTheQuery() {
        let state = TestCluster.loadedState()
        #expect(PaletteFlow.matches(state, "zz node-a").isEmpty, "the whole text must match, not its first word")
        #expect(PaletteFlow.matches(state, "node node-a").first?.target == .node("node-a"))
    }

    /// Typing on narrows within the last instance search and finds what a fresh search finds.
    @Test func narrowingAgreesWithAFreshSearch() {
        let state = TestCluster.loadedState()
        var memory = PaletteMemory()
        for query in ["inst te", "inst ten", "inst tenant1", "inst tenant1:b", "inst tenant1:bl", "inst tenant1:b", "inst te"] {
            let narrowed = PaletteFlow.matches(state, query, pool: nil, memory: &memory)
            #expect(narrowed == PaletteFlow.matches(state, query), "\(query)")
        }
        #expect(memory.instances.count == 5 && memory.instances.last?.rows.count == 1, "Backspace found its answers kept")
    }

    /// Typing on (scoring only what the query it extends matched) and Backspace (a kept answer) find what scoring the whole pool finds.
    @Test func fuzzyNarrowingAgreesWithAFreshSearch() {
        var state = TestCluster.loadedState()
        TestCluster.press(&state, .char(":"))
        guard case .palette(let opened)? = state.overlays.last else { Issue.record("no palette"); return }
        var memory = PaletteMemory()
        let typed = ["n", "no", "nod", "node", "node-", "node-b", "node-", "w", "wo", "node ", "node n", "node nb", "filter is", "filter is:r"]
        for query in typed {
            let narrowed = PaletteFlow.matches(state, query, pool: opened.pool, memory: &memory)
            var fresh = PaletteMemory()
            #expect(narrowed == PaletteFlow.matches(state, query, pool: opened.pool, memory: &fresh), "\(query)")
            #expect(memory.fuzzy.last == fresh.fuzzy.last, "\(query): the same candidates kept")
        }
        #expect(memory.fuzzy.count == PaletteFlow.hitsKept)
    }
}
