import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Adaptive health in the app (issue 14): the learned period survives
/// across polls in the app state, shows in the node details, makes a dead
/// fast node late within its period plus one poll, and `--offline-after`
/// moves the silent threshold.
@Suite struct UpdateHeartbeatTests {
    let start = TestCluster.now

    /// Polls every 2 s for `seconds`: "fast" beats every 2 s, "slow" every 10 s
    /// (each reply a new body). Returns the state after the last poll.
    func polled(for seconds: Int, config: AppConfig = AppConfig(label: "t")) -> AppState {
        var state = AppState(config: config, width: 120, height: 40, now: start)
        for (i, t) in stride(from: 0, through: seconds, by: 2).enumerated() {
            let now = start.addingTimeInterval(Double(t) + 0.5)
            let fast = Node(name: "fast", status: .online, lastHeartbeatAt: start.addingTimeInterval(Double(t)),
                            startedAt: start.addingTimeInterval(-600), pid: 1)
            let slow = Node(name: "slow", status: .online, lastHeartbeatAt: start.addingTimeInterval(Double(t / 10 * 10)),
                            startedAt: start.addingTimeInterval(-600), pid: 2)
            let overview = Overview(thisNodeName: "slow", defaultNodeName: "slow", nodes: [fast, slow], assignments: [])
            _ = Update.update(&state, .tick, now: now)
            _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(overview, digest: UInt64(i + 1))), latency: 0.01), now: now)
        }
        return state
    }

    /// Polls go on every 2 s with unchanged bodies (no new beat) until `t` s after the start.
    func keepPolling(_ state: inout AppState, until t: Double) {
        var now = state.now
        while now < start.addingTimeInterval(t) {
            now = min(now.addingTimeInterval(2), start.addingTimeInterval(t))
            _ = Update.update(&state, .tick, now: now)
            _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(nil as Overview?)), latency: 0.01), now: now)
        }
    }

    @Test func theLearnedPeriodSurvivesAcrossPollsAndShowsInTheDetails() {
        let early = polled(for: 4)
        #expect(early.thresholds.learned["fast"]?.provisional == true, "two steps: not learned yet")
        #expect(DetailsOverlay.heartbeatPeriod("fast", early.thresholds)
            == "every 3 s or less (learning) · late after 5 s · silent after 30 s")
        let state = polled(for: 20)
        // Every poll saw a new beat, 0.5 s old: 2 s or less, judged as 1 s.
        #expect(state.thresholds.learned["fast"].map { abs($0.medianStep - 2) < 0.001 } == true)
        #expect(DetailsOverlay.heartbeatPeriod("fast", state.thresholds)
            == "every 2 s or less (learned) · late after 3 s · silent after 30 s")
        var shown = state
        _ = Update.update(&shown, .key(.char("1")), now: shown.now)
        _ = Update.update(&shown, .key(.char("i")), now: shown.now)
        let screen = RootView.render(shown).text()
        #expect(screen.contains("period      every 2 s or less (learned) · late after 3 s · silent after 30 s"),
                "\(screen)")
    }

    /// Issue 20: late is judged from data produced after the deadline; a tick past it before the next poll is "waiting".
    @Test func aDeadFastNodeIsLateAfterItsPeriodPlusOnePoll() {
        var state = polled(for: 20)
        // The last beat of "fast" was at 20 s; the ticks go on, no new beat.
        _ = Update.update(&state, .tick, now: start.addingTimeInterval(22.9))
        #expect(state.derived.healthSignature["fast"] == .ok)
        _ = Update.update(&state, .tick, now: start.addingTimeInterval(23.2))
        #expect(state.derived.healthSignature["fast"] == .waiting, "the deadline passed, the newest data (20.5 s) predates it")
        keepPolling(&state, until: 23.5)
        #expect(state.derived.healthSignature["fast"] == .late, "with the assumed 10 s it would wait until 35 s")
        #expect(state.derived.healthSignature["slow"] == .ok, "slow's last beat (20 s) is 3.5 s old: within its 10 s")
        let line = RootView.render(state).text().split(separator: "\n").first { $0.contains("fast") }
        #expect(line?.contains(Glyphs.unicode.late) == true, "\(String(describing: line))")
    }

    @Test func offlineAfterMovesTheSilentThreshold() {
        var config = AppConfig(label: "t")
        config.thresholds.offlineAfter = 60
        var state = polled(for: 20, config: config)
        keepPolling(&state, until: 20 + 45)
        #expect(state.derived.healthSignature["fast"] == .late, "45 s silent is late, not silent, under --offline-after 60")
        keepPolling(&state, until: 20 + 60.5)
        #expect(state.derived.healthSignature["fast"] == .stale)
    }
}
