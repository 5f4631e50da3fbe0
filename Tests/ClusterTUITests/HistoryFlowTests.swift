import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// Issue 22 through `update`: a good poll is handed to the recorder (and a
/// stale one is not), a flapping node sorts with the problems and answers
/// `is:flapping`, and the as-of mode steps through the past without a way
/// to write.
@Suite struct HistoryFlowTests {
    static func recording() -> AppState {
        var config = AppConfig(label: "test")
        config.recordsHistory = true
        return TestCluster.loadedState(config: config)
    }

    static func digest(_ state: AppState, flapping: Set<String>) -> HistoryDigest {
        let quiet = NodeHistory(strip: Array(repeating: .ok, count: 60), gaps: Array(repeating: 0, count: 60),
                                restarts: 0, flapping: false, events: [])
        var nodes = Dictionary(uniqueKeysWithValues: state.snapshot!.nodes.map { ($0.name, quiet) })
        for name in flapping { nodes[name]?.flapping = true; nodes[name]?.restarts = 4 }
        return HistoryDigest(endsAt: state.now, nodes: nodes, flapping: flapping, changes: [])
    }

    @Test func aGoodPollIsRecordedAndAFailedOneIsNot() {
        var state = Self.recording()
        let good = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview)), latency: 0.01),
                                 now: state.now.addingTimeInterval(2))
        #expect(good.contains { if case .recordHistory(let s) = $0 { s.nodes.count == 5 } else { false } })
        let failed = Update.update(&state, .overviewFetched(.failure(.timedOut("x")), latency: 5), now: state.now.addingTimeInterval(4))
        #expect(!failed.contains { if case .recordHistory = $0 { true } else { false } })
        var off = TestCluster.loadedState()
        let none = Update.update(&off, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview)), latency: 0.01), now: off.now)
        #expect(!none.contains { if case .recordHistory = $0 { true } else { false } }, "--no-history records nothing")
    }

    /// Guards "a flapping node sorts with the problems": healthy node-b rises above the healthy rest.
    @Test func aFlappingNodeSortsWithTheProblemsAndMatchesIsFlapping() {
        var state = Self.recording()
        let before = state.derived.nodes.map(\.name)
        _ = Update.update(&state, .historyUpdated(Self.digest(state, flapping: ["node-b"])), now: state.now)
        let after = state.derived.nodes.map(\.name)
        #expect(after.firstIndex(of: "node-b")! < after.firstIndex(of: "node-a")!, "\(before) → \(after)")
        state.focus = .nodes
        TestCluster.press(&state, .char("/"))
        for c in "is:flapping" { TestCluster.press(&state, .char(c)) }
        #expect(state.derived.nodes.map(\.name) == ["node-b"])
        let screen = RootView.render(state).text()
        #expect(screen.contains("4 flapping") && screen.contains("HISTORY"), "\(screen)")
    }

    /// An empty moment inside the recorded range read "nothing recorded at 04:03:11Z (recorded since 03:55:05Z)", which contradicts itself.
    @Test func anEmptyMomentSaysWhyItIsEmpty() {
        var state = Self.recording()
        _ = Update.update(&state, .historyUpdated(Self.digest(state, flapping: [])), now: state.now)
        TestCluster.press(&state, .char("["))
        let at = state.now.addingTimeInterval(-60)
        let gap = ClusterAsOf(at: at, watched: false, nodes: [], bindings: [:], changedSince: 0, recordedSince: at.addingTimeInterval(-3600))
        _ = Update.update(&state, .asOfLoaded(gap), now: state.now)
        let text = RootView.render(state).text()
        #expect(text.contains("no good poll recorded near") && !text.contains("nothing recorded"), "\(text)")
    }

    @Test func lookingBackStepsLoadsAndReturnsToLive() {
        var state = Self.recording()
        _ = Update.update(&state, .historyUpdated(Self.digest(state, flapping: [])), now: state.now)
        let opened = TestCluster.press(&state, .char("["))
        #expect(opened == [.loadAsOf(state.now.addingTimeInterval(-60))])
        #expect(RootView.render(state).text().contains("AS OF"))
        // An answer for another moment is not shown for this one.
        let stale = ClusterAsOf(at: state.now.addingTimeInterval(-999), watched: true, nodes: [], bindings: [:], changedSince: 0)
        _ = Update.update(&state, .asOfLoaded(stale), now: state.now)
        guard case .asOf(let mode)? = state.topOverlay else { Issue.record("not looking back"); return }
        #expect(mode.view == nil)
        #expect(TestCluster.press(&state, .char("{")) == [.loadAsOf(state.now.addingTimeInterval(-660))])
        // Write keys do nothing here: no form opens, no effect leaves.
        #expect(TestCluster.press(&state, .char("x"), .char("y"), .enter, .char("E")).isEmpty)
        #expect(TestCluster.press(&state, .char("@"), .char("-"), .char("5"), .char("m"), .enter)
                == [.loadAsOf(state.now.addingTimeInterval(-300))])
        _ = TestCluster.press(&state, .char("}"))
        #expect(state.topOverlay == nil, "stepping past now is live again")
    }
}

/// Issue 22: the cluster's trend in the header when the width allows.
@Suite struct HistoryTrendViewTests {
    @Test func theHeaderShowsTheHoursTrendWhenItFits() {
        var state = HistoryFlowTests.recording()
        var digest = HistoryFlowTests.digest(state, flapping: [])
        let minute = Int(state.now.timeIntervalSince1970 / 60)
        digest.trend = (0..<60).map { i in i < 50 ? nil : TrendPoint(minute: minute - 59 + i, ok: 4, late: i == 55 ? 2 : 0, down: 1, atRisk: 1) }
        _ = Update.update(&state, .historyUpdated(digest), now: state.now)
        _ = Update.update(&state, .resize(width: 200, height: 50), now: state.now)
        let wide = RootView.render(state).text().split(separator: "\n")[1]
        #expect(wide.contains("1h late/down") && wide.contains("at risk"), "\(wide)")
        _ = Update.update(&state, .resize(width: 80, height: 24), now: state.now)
        let narrow = RootView.render(state).text().split(separator: "\n")[1]
        #expect(!narrow.contains("1h"), "the counts come first: \(narrow)")
    }
}

/// Issue 24: absolute times (`t`) carry the date when it is not today.
@Suite struct AbsoluteTimeTests {
    /// Guards a start two days ago reading as today's time.
    @Test func aTimeOfAnotherDaySaysItsDate() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00:00Z
        #expect(Fmt.absolute(now.addingTimeInterval(-60), now: now) == "07:59:00Z")
        #expect(Fmt.absolute(now.addingTimeInterval(-2 * 86_400), now: now) == "01-13 08:00Z")
        #expect(Fmt.absolute(now.addingTimeInterval(-30 * 86_400), now: now) == "2026-12-16Z")
        #expect(Fmt.age(now.addingTimeInterval(-2 * 86_400), now: now, absolute: true) == "01-13 08:00Z")
    }
}
