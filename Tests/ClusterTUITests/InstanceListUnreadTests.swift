import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// An instance list that was never read (its every reply malformed, a 500,
/// an HTML page) is said to be unread, with the reason: a new user's run
/// found "Instances loading…" for minutes, `(none)` in the pane and `0`
/// in every node's BOUND column, with no error anywhere.
@Suite struct InstanceListUnreadTests {
    let now = TestCluster.now

    /// The overview read, then the instance list failing `failures` times (none: not answered yet).
    func state(failures: Int, width: Int = 120, height: Int = 40) -> AppState {
        var state = AppState(config: AppConfig(label: "test"), width: width, height: height, now: now)
        _ = Update.update(&state, .tick, now: now)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview)), latency: 0.01), now: now)
        for _ in 0..<failures {
            let error = ClusterError.malformed("GET /api/cluster/instances: at instances: expected an array")
            _ = Update.update(&state, .instancesPrepared(.failure(error), latency: 0.01), now: now)
        }
        return state
    }

    /// "loading…" for good and zeros in BOUND: a malformed list read as an empty one.
    @Test func aFailingListIsSaidUnreadWithItsReason() throws {
        let lines = RootView.render(state(failures: 3)).text().split(separator: "\n").map(String.init)
        #expect(lines[1].contains("Instances ✕ not read") && !lines[1].contains("loading"), "\(lines[1])")
        let title = try #require(lines.first { $0.contains("Instances ✕ not read · malformed reply") }, "\(lines.joined(separator: "\n"))")
        #expect(!title.contains("loading"))
        #expect(lines.contains { $0.contains("(the instance list could not be read; retrying)") })
        let header = try #require(lines.firstIndex { $0.contains("BOUND") })
        let nodeA = try #require(lines[header...].first { $0.contains("node-a") })
        #expect(nodeA.contains("—") && !nodeA.contains(" 0 "), "BOUND is unknown, not 0: \(nodeA)")
    }

    /// Before the first reply the list is loading, and BOUND is still unknown rather than 0.
    @Test func beforeTheFirstReplyItIsLoading() throws {
        let lines = RootView.render(state(failures: 0)).text().split(separator: "\n").map(String.init)
        #expect(lines[1].contains("Instances loading…") && !lines[1].contains("not read"), "\(lines[1])")
        #expect(lines.contains { $0.contains("(loading…)") })
        let header = try #require(lines.firstIndex { $0.contains("BOUND") })
        let nodeA = try #require(lines[header...].first { $0.contains("node-a") })
        #expect(nodeA.contains("—"), "\(nodeA)")
    }

    /// The wallboard said "instances loading…" under AT RISK while the list failed.
    @Test func theWallboardSaysTheListIsNotRead() {
        var wall = state(failures: 2)
        wall.config.wallboard = true
        wall.config.readOnly = true
        let text = RootView.render(wall).text()
        #expect(text.contains("not read") && !text.contains("loading"), "\(text)")
    }
}
