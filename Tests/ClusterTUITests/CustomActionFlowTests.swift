import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Issue 24: a custom action's key runs it on what is selected, with
/// exactly that row's fields; refusals are one line and run nothing.
@Suite struct CustomActionFlowTests {
    static func state(_ actions: [CustomAction], readOnly: Bool = false) -> AppState {
        var config = AppConfig(label: "prod")
        config.currentContext = "prod"
        config.readOnly = readOnly
        config.customActions = actions
        config.keys = try! KeyMap.standard.rebound([], actions: actions)
        return TestCluster.loadedState(config: config)
    }

    static func invocations(_ effects: [Effect]) -> [ActionInvocation] {
        effects.compactMap { if case .runAction(let invocation) = $0 { invocation } else { nil } }
    }

    let nodeAction = CustomAction(name: "probe", key: "K", scope: .node, argv: ["/bin/probe", "{name}", "{hostname}", "{url}", "{context}"])

    /// The node's own fields, one argument each, and an event names the run.
    @Test func nodeActionGetsTheSelectedNodesFields() {
        var state = Self.state([nodeAction])
        TestCluster.press(&state, .char("1"), .down)
        let node = state.selectedNode!
        let runs = Self.invocations(TestCluster.press(&state, .char("K")))
        #expect(runs.map(\.argv) == [["/bin/probe", node.name, node.hostname!, node.url!, "prod"]])
        #expect(state.events.last?.kind == .actionRun && state.events.last?.message.contains("starting probe on node \(node.name)") == true)
    }

    /// From the instances pane a node action runs on the instance's node.
    @Test func nodeActionFromAnInstanceUsesItsNode() {
        var state = Self.state([nodeAction])
        TestCluster.press(&state, .char("2"))
        let nodeName = state.selectedInstance!.nodeName
        let runs = Self.invocations(TestCluster.press(&state, .char("K")))
        #expect(runs.first?.argv[1] == nodeName)
    }

    /// From an orphan instance (its node not in the registry) a node action said "select one in the nodes pane", which the README contradicts.
    @Test func nodeActionFromAnOrphanSaysItsNodeIsMissing() {
        var state = Self.state([nodeAction])
        var orphaned = TestCluster.instances
        for i in orphaned.indices { orphaned[i].nodeName = "node-gone" }
        _ = Update.update(&state, TestCluster.listed(TestCluster.fetched(InstanceList(instances: orphaned), digest: 9)), now: state.now)
        TestCluster.press(&state, .char("2"))
        #expect(Self.invocations(TestCluster.press(&state, .char("K"))).isEmpty)
        #expect(state.notice?.text.contains("node-gone is not in the registry") == true, "\(state.notice?.text ?? "")")
    }

    /// Read-only mode runs only actions marked read-only-safe.
    @Test func readOnlyRunsOnlySafeActions() {
        var state = Self.state([nodeAction], readOnly: true)
        TestCluster.press(&state, .char("1"))
        #expect(Self.invocations(TestCluster.press(&state, .char("K"))).isEmpty)
        #expect(state.notice?.text.contains("read-only-safe") == true)
        var safe = nodeAction
        safe.readOnlySafe = true
        var allowed = Self.state([safe], readOnly: true)
        TestCluster.press(&allowed, .char("1"))
        #expect(Self.invocations(TestCluster.press(&allowed, .char("K"))).count == 1)
    }

    /// `confirm = true` shows the exact arguments and runs only on y.
    @Test func confirmRunsOnlyOnY() {
        var action = nodeAction
        action.confirm = true
        var state = Self.state([action])
        TestCluster.press(&state, .char("1"))
        #expect(Self.invocations(TestCluster.press(&state, .char("K"))).isEmpty)
        #expect(state.keyScreen == .actionConfirm)
        #expect(Self.invocations(TestCluster.press(&state, .char("n"))).isEmpty && state.topOverlay == nil)
        TestCluster.press(&state, .char("K"))
        #expect(Self.invocations(TestCluster.press(&state, .char("y"))).count == 1)
    }

    /// Marked rows go as a JSON array on stdin; without marks, one line says how.
    @Test func markedRowsGoOnStdin() throws {
        let action = CustomAction(name: "ticket", key: "T", scope: .marked, argv: ["/bin/ticket", "{context}"])
        var state = Self.state([action])
        #expect(Self.invocations(TestCluster.press(&state, .char("T"))).isEmpty)
        #expect(state.notice?.text.contains("mark some") == true)
        TestCluster.press(&state, .char("2"), .char(" "), .char(" "))
        let run = try #require(Self.invocations(TestCluster.press(&state, .char("T"))).first)
        let rows = try JSONDecoder().decode([Instance].self, from: run.stdin)
        #expect(Set(rows.map(\.key)) == state.marks && rows.count == 2)
    }

    /// A node whose hostname is an option is refused, and nothing runs.
    @Test func badValueIsRefused() {
        let action = CustomAction(name: "ssh", key: "ctrl-o", scope: .node, argv: ["ssh", "{hostname}"])
        var state = Self.state([action])
        var overview = TestCluster.overview
        overview.nodes[0].hostname = "-oProxyCommand=touch /tmp/x"
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: 9)), latency: 0), now: state.now)
        TestCluster.press(&state, .char("1"))
        state.nodePane.cursor.selected = state.derived.nodes.firstIndex { $0.name == overview.nodes[0].name }!
        #expect(Self.invocations(TestCluster.press(&state, .ctrl("o"))).isEmpty)
        #expect(state.notice?.text.contains("would be read as an option") == true, "\(state.notice?.text ?? "")")
    }

    /// A finished background run is an event and its output opens with O.
    @Test func finishedRunIsShown() {
        var state = Self.state([nodeAction])
        let result = ActionResult(name: "probe", subject: "node node-a", mode: .background, status: 3, output: "line one\nline two")
        _ = Update.update(&state, .actionFinished(result), now: state.now)
        #expect(state.events.last?.message == "probe on node node-a: exit 3")
        TestCluster.press(&state, .char("O"))
        guard case .actionOutput(let view)? = state.topOverlay else { Issue.record("no output pane"); return }
        #expect(view.lines == ["line one", "line two"])
    }

    /// The output pane cut every line at the frame: a long line (an error, a JSON reply) could not be read whole.
    @Test func longOutputLinesWrapAndScrollToTheirEnd() {
        var state = Self.state([nodeAction])
        state.width = 80; state.height = 24
        let long = (1...60).map { "word\($0)" }.joined(separator: " ") + " END"
        let output = "first\n" + long + "\n" + String(repeating: "z", count: 200) + "\nlast"
        let result = ActionResult(name: "probe", subject: "node node-a", mode: .background, status: 0, output: output)
        _ = Update.update(&state, .actionFinished(result), now: state.now)
        TestCluster.press(&state, .char("O"))
        guard case .actionOutput(let view)? = state.topOverlay else { Issue.record("no output pane"); return }
        let width = ActionOutputView.textWidth(screenWidth: 80)
        #expect(view.rows.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(view.rows.count > 6, "wrapped: \(view.rows.count) rows")
        #expect(view.rows.joined().replacingOccurrences(of: " ", with: "") == output.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: ""))
        let screen = RootView.render(state).text()
        #expect(screen.contains("END") && screen.contains("last"), "the whole output is on a 24-row screen:\n\(screen)")
        // Narrower: more rows, the top row's line still first, and End reaches the last row.
        _ = Update.update(&state, .resize(width: 60, height: 10), now: state.now)
        TestCluster.press(&state, .end)
        let small = RootView.render(state).text()
        #expect(small.contains("last") && small.contains("rows "), "\(small)")
    }

    /// A refused fifth run ("4 actions are running already") replaced O's output with "(no output)"; an argument with a space read as two.
    @Test func aRunThatNeverStartedKeepsTheLastOutputAndArgumentsAreQuoted() {
        var state = Self.state([CustomAction(name: "probe", key: "K", scope: .node, argv: ["/bin/probe", "{name}", "a b"])])
        let done = ActionResult(name: "probe", subject: "node node-a", mode: .background, status: 0, output: "kept")
        _ = Update.update(&state, .actionFinished(done), now: state.now)
        var refused = ActionResult(name: "probe", subject: "node node-b", mode: .background, status: nil)
        refused.started = false
        refused.problem = "did not start: 4 actions are running already"
        _ = Update.update(&state, .actionFinished(refused), now: state.now)
        #expect(state.lastActionOutput?.lines == ["kept"])
        #expect(state.notice?.text.contains("did not start") == true)
        TestCluster.press(&state, .char("1"), .char("K"))
        #expect(state.events.last?.message.hasSuffix("/bin/probe \(state.selectedNode!.name) 'a b'") == true, "\(state.events.last?.message ?? "")")
    }

    /// Help lists the config's custom actions with their keys.
    @Test func helpListsCustomActions() {
        let state = Self.state([nodeAction])
        let section = state.helpSections.first { $0.0 == "Custom actions (config file)" }
        #expect(section?.1.map(\.0) == ["K"])
        #expect(section?.1.first?.1.hasPrefix("probe (node, background): /bin/probe {name}") == true)
    }
}
