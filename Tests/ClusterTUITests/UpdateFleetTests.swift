import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 23: the fleet screen through `update` — background polls only for
/// the other contexts, each on its own schedule; a failure stales its own
/// row only; Enter switches.
@Suite struct UpdateFleetTests {
    func state() -> AppState { TestCluster.withContexts(["alpha", "beta", "gamma"]) }

    func fetches(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .fetchFleetOverview(let name, _) = $0 { name } else { nil } }
    }

    /// F opens the screen and polls every other context at once, never the open one.
    @Test func fOpensTheFleetAndPollsTheOthers() {
        var state = state()
        let effects = TestCluster.press(&state, .char("F"))
        guard case .fleet? = state.topOverlay else { Issue.record("no fleet screen"); return }
        #expect(fetches(effects).sorted() == ["beta", "gamma"])
        #expect(fetches(Update.update(&state, .tick, now: state.now.addingTimeInterval(1))).isEmpty, "one in flight each")
    }

    /// Issue 23: a failing context stales its own row; the others and the open cluster are untouched.
    @Test func aFailureStalesItsOwnRowOnly() {
        var state = state()
        TestCluster.press(&state, .char("F"))
        let t = state.now
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.02), now: t)
        _ = Update.update(&state, .fleetOverview(context: "gamma", .failure(.notJSON(status: 502, excerpt: "Bad Gateway")), latency: 0.02), now: t)
        var rows = FleetRows.make(state)
        #expect(rows.map(\.name) == ["alpha", "beta", "gamma"])
        #expect(rows[0].isCurrent && rows[0].state == .live)
        #expect(rows[1].state == .live && rows[1].figures?.nodes.offline == 1)
        #expect(rows[2].state.word == "malformed reply" && rows[2].figures == nil, "never heard from: no figures, not zeros")
        // beta fails later: stale, its last figures kept and said to be old.
        let later = t.addingTimeInterval(11)
        let due = Update.update(&state, .tick, now: later)
        #expect(fetches(due).contains("beta"), "every 10 s")
        _ = Update.update(&state, .fleetOverview(context: "beta", .failure(.connectionRefused("b:1")), latency: 0.01), now: later)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 9)), latency: 0.01), now: later)
        rows = FleetRows.make(state)
        guard case .stale(let since, _) = rows[1].state else { Issue.record("beta is \(rows[1].state)"); return }
        #expect(since == t && rows[1].figures != nil)
        #expect(rows[0].state == .live, "the open cluster is not touched")
        let text = RootView.render(state).text()
        #expect(text.contains("Fleet: 3 contexts") && text.contains("malformed reply") && text.contains("stale"), "\(text)")
    }

    /// Enter on another context switches to it; on the open one it only closes.
    @Test func enterSwitches() {
        var state = state()
        TestCluster.press(&state, .char("F"))
        #expect(TestCluster.press(&state, .enter).isEmpty && state.overlays.isEmpty, "alpha is open: just close")
        TestCluster.press(&state, .char("F"))
        let effects = TestCluster.press(&state, .down, .enter)
        #expect(effects.contains(.switchContext("beta")))
    }

    /// Review of issue 23: a cluster whose nodes all stopped sends the same body at every poll; its row must age, not stay "ok".
    @Test func anUnchangedOverviewStillAges() {
        var state = state()
        TestCluster.press(&state, .char("F"))
        let t = state.now
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview, digest: 7)), latency: 0.01), now: t)
        let okBefore = FleetRows.make(state)[1].figures?.nodes.online ?? 0
        let later = t.addingTimeInterval(120)
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(nil, digest: 7)), latency: 0.01), now: later)
        let after = FleetRows.make(state)[1].figures?.nodes
        #expect(okBefore > 0 && after?.online == 0, "every node two minutes older: none ok (\(String(describing: after)))")
    }

    /// Review of issue 23: a second switch while one is connecting is refused (two could leave screen and connection on different clusters).
    @Test func oneSwitchAtATime() {
        var state = state()
        #expect(ContextSwitchFlow.switchTo(&state, "beta") == [.switchContext("beta")])
        #expect(ContextSwitchFlow.switchTo(&state, "gamma").isEmpty)
        #expect(state.notice?.text.contains("already switching to beta") == true)
    }

    /// Review of issue 23: the cluster left behind starts over in the fleet instead of showing its old figures as live.
    @Test func theClusterLeftBehindStartsOver() {
        var state = state()
        TestCluster.press(&state, .char("F"))
        _ = Update.update(&state, .fleetOverview(context: "alpha", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.01), now: state.now)
        _ = ContextSwitchFlow.switchTo(&state, "beta")
        _ = Update.update(&state, .contextSwitched(.success(SwitchedContext(name: "beta", label: "beta"))), now: state.now)
        let alpha = state.fleet.entries.first { $0.name == "alpha" }
        #expect(alpha?.state == .connecting && alpha?.overview == nil)
        // Its LAST GOOD read "never" for a cluster open a moment before.
        #expect(alpha?.poll.lastSuccess != nil && alpha?.poll.lastSuccess == TestCluster.now)
    }

    /// Issue 23 asked for each context's URL on the fleet screen; it was only in `get fleet -o wide`.
    @Test func aWideFleetScreenShowsEachContextsURL() {
        var state = state()
        _ = Update.update(&state, .resize(width: 200, height: 60), now: state.now)
        TestCluster.press(&state, .char("F"))
        let wide = RootView.render(state).text()
        #expect(wide.contains("URL") && wide.split(separator: "\n").contains { $0.contains("gamma") && $0.contains("https://gamma") }, "\(wide)")
        _ = Update.update(&state, .resize(width: 80, height: 24), now: state.now)
        #expect(!RootView.render(state).text().contains("https://gamma"), "the first column to go when space runs out")
    }

    /// The fleet row and the `c` picker of a protected context carried no mark: only its own screens said PROTECTED.
    @Test func aProtectedContextIsMarkedOnTheFleetAndInThePicker() {
        var state = state()
        state.config.contexts[1].isProtected = true
        _ = Update.update(&state, .resize(width: 80, height: 24), now: state.now)
        TestCluster.press(&state, .char("F"))
        var lines = RootView.render(state).text().split(separator: "\n")
        #expect(lines.contains { $0.contains("⚑ beta") }, "\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("⚑ alpha") || $0.contains("⚑ gamma") })
        #expect(!lines.contains { $0.contains("protected: a write") }, "explained for the selected row only")
        TestCluster.press(&state, .char("j"))
        lines = RootView.render(state).text().split(separator: "\n")
        #expect(lines.contains { $0.contains("⚑ beta is protected: a write there waits until its name is typed") }, "\(lines.joined(separator: "\n"))")
        TestCluster.press(&state, .escape, .char("c"))
        let picker = RootView.render(state).text().split(separator: "\n")
        #expect(picker.contains { $0.contains("beta · protected  https://beta") }, "\(picker.joined(separator: "\n"))")
        #expect(!picker.contains { $0.contains("gamma") && $0.contains("protected") })
    }

    /// In a C locale the fleet screen printed `?2` for a background cluster's `≥2` at risk, and `(P)` cut every name short.
    @Test func asciiGlyphsOnTheFleetScreen() {
        var state = state()
        state.config.asciiOnly = true
        state.config.contexts[1].isProtected = true
        TestCluster.press(&state, .char("F"))
        _ = Update.update(&state, .fleetOverview(context: "beta", .success(TestCluster.fetched(TestCluster.overview)), latency: 0.01),
                          now: state.now)
        let lines = RootView.render(state).text().split(separator: "\n")
        let beta = lines.first { $0.contains(" beta ") }
        #expect(beta?.hasPrefix("! P beta ") == true && beta?.contains(">=") == true, "\(lines.joined(separator: "\n"))")
        #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(lines.joined(separator: "\n"))")
    }

    /// Review: the protected mark came after the name and was the first thing a long name's cut lost at 80 columns.
    @Test func theMarkSurvivesALongNameAt80Columns() {
        var state = TestCluster.withContexts(["alpha", "production-eu-west-1"])
        state.config.contexts[1].isProtected = true
        _ = Update.update(&state, .resize(width: 80, height: 24), now: state.now)
        TestCluster.press(&state, .char("F"))
        let lines = RootView.render(state).text().split(separator: "\n")
        #expect(lines.contains { $0.dropFirst(2).hasPrefix("⚑ product") }, "\(lines.joined(separator: "\n"))")
    }
}
