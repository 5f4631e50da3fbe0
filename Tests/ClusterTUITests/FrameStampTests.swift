import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterGrid
import ClusterState
import ClusterViews

/// Issue 19: one way a state change marks the frame dirty. `Update.update`
/// compares a `FrameStamp` before and after each message; nothing else sets
/// `dirty`. These sessions render after every message and fail when a frame
/// the loop would have left undrawn differs from the one on screen (a stale
/// screen), so a new input the stamp misses cannot ship unnoticed.
@Suite struct FrameStampTests {
    let t0 = TestCluster.now

    /// The test cluster's overview at `time`, every heartbeat `2 s` old, node-b's `lateBy` more.
    func overview(at time: Date, nodeBLateBy late: TimeInterval = 0) -> Overview {
        var o = TestCluster.overview
        for i in o.nodes.indices where o.nodes[i].status == .online {
            o.nodes[i].lastHeartbeatAt = time.addingTimeInterval(o.nodes[i].name == "node-b" ? -2 - late : -2)
        }
        return o
    }

    /// A session of polls, failures, recoveries, late nodes, notices and highlights.
    func script() -> [(TimeInterval, Message)] {
        var steps: [(TimeInterval, Message)] = []
        var digest: UInt64 = 10
        func ov(_ at: TimeInterval, late: TimeInterval = 0) -> Message {
            digest += 1
            return .overviewFetched(.success(TestCluster.fetched(overview(at: t0.addingTimeInterval(at), nodeBLateBy: late), digest: digest)),
                                    latency: 0.01)
        }
        for s in stride(from: 1.0, through: 8, by: 1) { steps.append((s, .tick)) }
        steps.append((2, ov(2)))
        steps.append((4, .overviewFetched(.success(TestCluster.fetched(nil, digest: digest)), latency: 0.01)))
        steps.append((5, .key(.char("s"))))  // a notice, which expires
        for s in stride(from: 9.0, through: 14, by: 1) { steps.append((s, .tick)) }
        steps.append((14.5, ov(14, late: 30)))  // node-b late: a highlight, an event
        for s in stride(from: 15.0, through: 22, by: 1) { steps.append((s, .tick)) }
        for s in stride(from: 22.0, through: 40, by: 3) {
            steps.append((s, .overviewFetched(.failure(.connectionRefused("127.0.0.1:1")), latency: 0.01)))
            steps.append((s + 0.5, .tick))
        }
        steps.append((41, .instancesPrepared(.failure(.connectionRefused("127.0.0.1:1")), latency: 0.01)))
        steps.append((42, ov(42)))
        steps.append((42.5, TestCluster.listed(TestCluster.fetched(InstanceList(instances: TestCluster.instances), digest: 99))))
        for s in stride(from: 43.0, through: 75, by: 1) { steps.append((s, .tick)) }
        return steps
    }

    /// Runs the script; returns how many messages drew a frame.
    @discardableResult
    func run(_ config: AppConfig, width: Int = 120, height: Int = 40) -> Int {
        var state = TestCluster.loadedState(width: width, height: height, config: config)
        var shown = RootView.render(state)
        var shownAt = state.now
        state.dirty = false
        var drawn = 0
        for (i, (at, message)) in script().enumerated() {
            _ = Update.update(&state, message, now: t0.addingTimeInterval(at))
            if state.dirty {
                shown = RootView.render(state)
                shownAt = state.now
                state.dirty = false
                drawn += 1
                continue
            }
            // Ages on screen are as of the frame's own time: compare at that time.
            var asShown = state
            asShown.now = shownAt
            let frame = RootView.render(asShown)
            if frame != shown {
                let changed = zip(frame.text().split(separator: "\n"), shown.text().split(separator: "\n")).first { $0 != $1 }
                Issue.record("step \(i) (\(message)) left the screen stale: \(String(describing: changed))")
                shown = frame
            }
        }
        return drawn
    }

    /// Issue 19: with ages ticking, no message leaves a stale frame on screen.
    @Test func tickingNeverLeavesAStaleFrame() {
        run(AppConfig(label: "test"))
    }

    /// Issue 19: under --no-tick (ages drawn as of the last frame) no frame that changed is left undrawn.
    @Test func noTickNeverLeavesAStaleFrameButDrawsLess() {
        var quiet = AppConfig(label: "test")
        quiet.tick = false
        let ticking = run(AppConfig(label: "test"))
        let drawn = run(quiet)
        #expect(drawn < ticking, "--no-tick draws only what changed (\(drawn) frames, \(ticking) with the tick)")
    }

    /// Issue 19: the wallboard (clock and page cycle on screen) is redrawn as it changes.
    @Test func wallboardNeverLeavesAStaleFrame() {
        var wall = AppConfig(label: "test")
        wall.wallboard = true
        wall.readOnly = true
        run(wall, width: 200, height: 60)
    }
}
