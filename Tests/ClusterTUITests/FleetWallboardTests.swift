import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Issue 23: `--wallboard --fleet` shows exceptions only — a tile per
/// cluster with a problem, the fine ones named on one line, and a big
/// ALL CLEAR only when every cluster answered and nothing is wrong.
@Suite struct FleetWallboardTests {
    static func state(_ names: [String], width: Int = 120, height: Int = 40) -> AppState {
        var config = AppConfig(label: names[0])
        config.contexts = names.map { ContextChoice(name: $0, url: "https://\($0)", hasToken: true) }
        config.currentContext = names[0]
        config.wallboard = true
        config.readOnly = true
        config.openFleet = true
        return TestCluster.loadedState(width: width, height: height, config: config)
    }

    /// The background polls start with the wallboard: no screen has to be opened.
    @Test func pollsStartAtOnce() {
        var state = AppState(config: Self.state(["alpha", "beta"]).config, width: 120, height: 40, now: TestCluster.now)
        let effects = Update.update(&state, .tick, now: TestCluster.now)
        #expect(effects.contains { if case .fetchFleetOverview("beta", _) = $0 { true } else { false } })
    }

    /// An unreachable cluster and one answering HTML 502 get tiles with their causes; the others are named as fine or connecting.
    @Test func problemsGetTiles() {
        var state = Self.state(["alpha", "beta", "gamma", "delta"])
        let t = state.now
        _ = Update.update(&state, .fleetOverview(context: "beta", .failure(.connectionRefused("beta:1")), latency: 0.01), now: t)
        _ = Update.update(&state, .fleetOverview(context: "gamma", .failure(.notJSON(status: 502, excerpt: "<html>")), latency: 0.01), now: t)
        let text = RootView.render(state).text()
        #expect(text.contains("┌ beta") && text.contains("UNREACHABLE · no good poll"), "\(text)")
        #expect(text.contains("┌ gamma") && text.contains("MALFORMED REPLY"), "\(text)")
        #expect(text.contains("connecting: delta") && !text.contains("ALL CLEAR"))
        // alpha (the test cluster) has an offline node and instances at risk: a tile of its own.
        #expect(text.contains("┌ alpha") && text.contains("1 instance at risk"), "one instance, not \"1 instances\": \(text)")
    }

    /// The fleet wallboard did not say which clusters are protected (production) while the fleet screen marked them ⚑.
    @Test func protectedClustersAreMarkedOnTilesAndTheFineLine() {
        var state = Self.state(["alpha", "beta", "gamma"])
        state.config.contexts[1].isProtected = true
        state.config.contexts[2].isProtected = true
        let t = state.now
        _ = Update.update(&state, .fleetOverview(context: "beta", .failure(.connectionRefused("beta:1")), latency: 0.01), now: t)
        _ = Update.update(&state, .fleetOverview(context: "gamma", .success(TestCluster.fetched(Overview(
            thisNodeName: "n", defaultNodeName: "n", nodes: [TestCluster.node("n", age: 1)], assignments: []))), latency: 0.01), now: t)
        let text = RootView.render(state).text()
        #expect(text.contains("┌ ⚑ beta") && text.contains("┌ alpha"), "\(text)")
        #expect(text.contains("fine: ⚑ gamma"), "\(text)")
        state.config.asciiOnly = true
        let ascii = RootView.render(state).text()
        #expect(ascii.contains("P beta") && ascii.contains("fine: P gamma"), "\(ascii)")
    }

    /// Every cluster answered and none has a problem: ALL CLEAR, large.
    @Test func allClearWhenNothingIsWrong() {
        var state = Self.state(["alpha"], width: 80, height: 24)
        var healthy = TestCluster.overview
        healthy.nodes = healthy.nodes.filter { $0.status == .online && $0.name == "node-a" }
        healthy.assignments = []
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(healthy, digest: 7)), latency: 0.01), now: state.now)
        _ = Update.update(&state, TestCluster.listed(TestCluster.fetched(InstanceList(instances: []), digest: 8)), now: state.now)
        let text = RootView.render(state).text()
        #expect(text.contains("██████") && text.contains("1 cluster live, no node in trouble, nothing at risk: alpha"), "\(text)")
    }
}

/// Issue 23: a context with a colour shows its name as a badge of that colour.
@Suite struct ContextColourTests {
    @Test func headerBadgeHasTheColour() {
        var state = TestCluster.withContexts(["prod", "staging"])
        state.config.contexts[0].color = "red"
        let screen = RootView.render(state)
        let row = screen.text().split(separator: "\n")[0]
        let x = DisplayWidth.of(String(row[..<row.range(of: " prod ")!.lowerBound])) + 1
        #expect(screen[x, 0].style.role == .contextRed, "\(row)")
        state.config.contexts[0].color = nil
        #expect(RootView.render(state)[x, 0].style.role != .contextRed)
    }
}
