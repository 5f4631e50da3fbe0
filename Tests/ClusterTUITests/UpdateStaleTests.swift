import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 11: while the connection is lost the screen shows the cluster as
/// of the last good poll — health, risk, counts and ages frozen, dimmed,
/// under a banner — instead of nodes "dying" one by one.
@Suite struct UpdateStaleTests {
    let now = TestCluster.now

    /// The loaded cluster, then the overview failing from `t + 2` on, seen at `t + seconds`.
    func disconnected(for seconds: TimeInterval) -> AppState {
        var state = TestCluster.loadedState()
        let failedAt = now.addingTimeInterval(2)
        _ = Update.update(&state, .tick, now: failedAt)
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:9")), latency: 0), now: failedAt)
        _ = Update.update(&state, .tick, now: now.addingTimeInterval(seconds))
        return state
    }

    /// Issue 11: killing the server turned every node late then silent and
    /// "at risk" jumped; the counts must stay those of the last good poll.
    @Test func aLostConnectionFreezesHealthRiskAndCounts() throws {
        let live = TestCluster.loadedState()
        let state = disconnected(for: 300)
        #expect(state.isStale)
        #expect(state.observedAt == now)
        #expect(state.derived.nodeSummary == live.derived.nodeSummary)
        #expect(state.derived.instanceSummary?.atRisk == live.derived.instanceSummary?.atRisk)
        #expect(state.derived.healthSignature == live.derived.healthSignature)
        let text = RootView.render(state).text()
        #expect(text.contains("STALE — cluster as of 10:00:00 (5m00s ago) · retry in "))
        #expect(text.contains("s · connection refused: nothing is listening at 127.0.0.1:9"))
        // Ages are those of the last good poll too: node-a heartbeated 2 s before it.
        let nodeA = try #require(text.split(separator: "\n").first { $0.hasPrefix("● node-a") })
        #expect(nodeA.contains(" 2s "))
    }

    /// Issue 11: the frozen tables and counts are drawn dimmed, not as if live.
    @Test func staleTablesAndCountsAreDimmed() throws {
        let state = disconnected(for: 60)
        let screen = RootView.render(state)
        let layout = Layout(state: state)
        let bannerRow = try #require(layout.bannerRow)
        #expect(screen[1, bannerRow].style.role == .banner)
        // The second row: the first is the (unfocused) selection, drawn in its own style.
        let firstNodeRow = layout.nodesTop + 2 + 1
        #expect(screen[0, firstNodeRow].style.dim)
        #expect(screen[0, 1].style.dim, "the counts line is dimmed")
        #expect(!TestCluster.loadedState().isStale)
    }

    /// Issue 11: when polls come back everything is live again at once.
    @Test func recoveryIsLiveAtOnce() {
        var state = disconnected(for: 300)
        let back = now.addingTimeInterval(301)
        _ = Update.update(&state, .tick, now: back)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(nil as Overview?)), latency: 0.01), now: back)
        #expect(!state.isStale)
        #expect(state.observedAt == back)
        #expect(!RootView.render(state).text().contains("STALE"))
        // The same body five minutes on: the nodes really are silent now.
        #expect(state.derived.nodeSummary?.online == 0)
    }

    /// Issue 11: a node that dies while the connection is fine still turns late, then silent.
    @Test func aDyingNodeStillAgesWhileConnected() {
        var state = TestCluster.loadedState()
        let later = now.addingTimeInterval(40)
        _ = Update.update(&state, .tick, now: later)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(nil as Overview?)), latency: 0.01), now: later)
        _ = Update.update(&state, .tick, now: later)
        #expect(!state.isStale)
        #expect(state.derived.healthSignature["node-a"] == .stale)
    }

    /// Review of issue 11: a request hanging until its time-out let ages count
    /// against now under "● live 9s ago"; past twice the interval plus 5 s
    /// without a reply the screen is stale too.
    @Test func aHangingRequestFreezesTheScreenToo() {
        var state = TestCluster.loadedState()
        let live = state.derived.nodeSummary
        _ = Update.update(&state, .tick, now: now.addingTimeInterval(2))
        #expect(state.overviewPoll.inFlight)
        _ = Update.update(&state, .tick, now: now.addingTimeInterval(30))
        #expect(state.isStale)
        #expect(state.derived.nodeSummary == live)
        let text = RootView.render(state).text()
        #expect(text.contains("STALE — cluster as of 10:00:00 (30s ago) · no reply yet: the request in flight is late"))
    }

    /// Guards a false page: after Ctrl-Z and `fg` 20 s later the screen was stale at once and the alert engine fired "connection lost" (critical) for a cluster that was fine; the dashboard was the one stopped.
    @Test func theDashboardsOwnPauseIsNotTheClustersSilence() {
        var state = TestCluster.loadedState()
        _ = Update.update(&state, .paused(seconds: 20), now: now.addingTimeInterval(20))
        // The loop's next tick is what the alert engine looks at.
        _ = Update.update(&state, .tick, now: now.addingTimeInterval(20.5))
        #expect(!state.isStale && state.alertInput?.staleBecause == nil)
        #expect(!state.alerts.alerts.values.contains { $0.kind == .connection }, "\(state.alerts.alerts.keys.sorted())")
        #expect(state.notice?.text.hasPrefix("paused 20s (suspended or stopped)") == true, "\(String(describing: state.notice))")
        // The pause does not hide a real silence after it: overdue counts from the resume.
        _ = Update.update(&state, .tick, now: now.addingTimeInterval(20 + state.overdueAfter + 1))
        #expect(state.isStale)
        // Nor one already under way when it began: stale then, stale after.
        let later = now.addingTimeInterval(20 + state.overdueAfter + 30)
        _ = Update.update(&state, .paused(seconds: 10), now: later)
        #expect(state.isStale, "a reply overdue before the pause is still overdue")
    }

    /// Guards a failure that read as loading: a cluster that never answered showed "waiting for the first overview…" for ever at 80×24, its reason dropped from a header line too short for it.
    @Test func aClusterThatNeverAnsweredSaysWhyAt80Columns() {
        var state = AppState(config: AppConfig(label: "http://127.0.0.1:9"), width: 80, height: 24, now: now)
        _ = Update.update(&state, .tick, now: now)
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:9")), latency: 0), now: now)
        let lines = RootView.render(state).lines()
        #expect(lines[0].contains("✕ no data (retry"), "\(lines[0])")
        #expect(lines[1] == "✕ connection refused: nothing is listening at 127.0.0.1:9", "\(lines[1])")
    }

    /// Guards a reason cut short on a wide screen: the stale banner cut its error at 60 characters, and at 200 columns the port was lost.
    @Test func aWideScreenShowsTheWholeReason() {
        var state = TestCluster.loadedState(width: 200, height: 40)
        let target = "http://cluster-core.internal.example.com:18777"
        _ = Update.update(&state, .tick, now: now.addingTimeInterval(2))
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused(target)), latency: 0), now: now.addingTimeInterval(2))
        #expect(RootView.render(state).text().contains("connection refused: nothing is listening at \(target)"))
    }

    /// A rebind form opened over stale data covered the STALE banner and listed nodes "online, hb 0s" as if live.
    @Test func aFormOverStaleDataSaysSo() {
        var state = disconnected(for: 60)
        TestCluster.press(&state, .enter)
        let text = RootView.render(state).text()
        #expect(text.contains("Rebind ") && text.contains("STALE: the cluster as of 10:00:00Z"), "\(text)")
    }
}
