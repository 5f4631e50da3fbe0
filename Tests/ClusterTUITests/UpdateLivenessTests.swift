import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterCLI
import ClusterState
import ClusterViews
import ClusterWrites

/// Issue 20: liveness from what the polls observe, on the answering node's
/// clock at the time each reply was produced; no node judged late from data
/// older than its deadline; no clock trusted blindly.
@Suite struct UpdateLivenessTests {
    let start = TestCluster.now

    func node(_ name: String, beat: Date) -> Node {
        Node(name: name, status: .online, lastHeartbeatAt: beat, startedAt: start.addingTimeInterval(-600), pid: name.count)
    }

    func reply(_ nodes: [Node], digest: Int, serverDate: Date?) -> Message {
        let overview = Overview(thisNodeName: nodes[0].name, defaultNodeName: nodes[0].name, nodes: nodes, assignments: [])
        let fetched = Fetched(value: overview, digest: BodyDigest(value: UInt64(digest), length: 1), serverDate: serverDate, byteCount: 1)
        return .overviewFetched(.success(fetched), latency: 0)
    }

    /// Issue 20: a reply slower than ~2.5 s made every node read "late" under `● live`; a 10 s reply makes none late.
    @Test(arguments: [3.0, 10.0]) func slowRepliesNeverMakeLiveNodesLate(_ replyTime: Double) {
        var state = AppState(config: AppConfig(label: "t"), width: 140, height: 40, now: start)
        // Nodes beat every 2 s; each reply takes `replyTime`, its Date taken when it is produced at the end.
        var t = 0.0
        for i in 0..<12 {
            _ = Update.update(&state, .tick, now: start.addingTimeInterval(t))
            #expect(state.overviewPoll.inFlight)
            for s in stride(from: 1.0, through: replyTime, by: 1) {
                _ = Update.update(&state, .tick, now: start.addingTimeInterval(t + s))
                let healths = Set(state.derived.healthSignature.values)
                #expect(!healths.contains(.late) && !healths.contains(.stale), "at \(t + s) s: \(healths)")
                if s >= 3, i > 0 {
                    let header = RootView.render(state).text().split(separator: "\n").first.map(String.init) ?? ""
                    // Slow, or stale once the newest data is older than the stale limit: never live.
                    #expect((header.contains("poll slow") || header.contains("STALE")) && !header.contains("● live"), "at \(t + s) s: \(header)")
                }
            }
            t += replyTime
            let beat = start.addingTimeInterval((t / 2).rounded(.down) * 2)
            let produced = start.addingTimeInterval(t.rounded(.down))
            _ = Update.update(&state, reply([node("a", beat: beat), node("b", beat: beat)], digest: i + 1, serverDate: produced),
                              now: start.addingTimeInterval(t))
            t += 2
        }
        #expect(state.derived.healthSignature["a"] == .ok)
    }

    /// Issue 20's dead-node figure: a node "waiting for data" past its deadline is polled for at once, not at the next poll.
    @Test func aWaitingNodeIsPolledForAtOnce() {
        var state = AppState(config: AppConfig(label: "t"), width: 140, height: 40, now: start)
        var lateAt: Double?
        var polls: [Double] = []
        // Ticks at k + 0.6 s; beats every 2 s on even seconds; node b beats last at 40 s; late after 4 s.
        for k in 0..<60 {
            let t = Double(k) + 0.6
            let now = start.addingTimeInterval(t)
            let effects = Update.update(&state, .tick, now: now)
            if effects.contains(where: { if case .fetchOverview = $0 { true } else { false } }) {
                polls.append(t)
                let beatA = start.addingTimeInterval((t / 2).rounded(.down) * 2)
                let beatB = start.addingTimeInterval(min(40, (t / 2).rounded(.down) * 2))
                _ = Update.update(&state, reply([node("a", beat: beatA), node("b", beat: beatB)], digest: k,
                                                serverDate: start.addingTimeInterval(t.rounded(.down))), now: now)
            }
            if lateAt == nil, state.derived.healthSignature["b"] == .late { lateAt = t }
        }
        let late = state.thresholds.lateAfter(period: state.heartbeats.learned["b"]?.period ?? 10)
        // The regular polls fall on even seconds; once b waits past its deadline a poll goes out at
        // once, off that grid, rather than at the next regular one.
        #expect(polls.contains { $0 > 40 && Int($0.rounded(.down)) % 2 == 1 }, "\(polls)")
        #expect((lateAt ?? .infinity) <= 40 + late + 1.6, "late at \(String(describing: lateAt))")
        #expect(state.derived.healthSignature["a"] == .ok)
    }

    /// Issue 20: a heartbeat in the future read `ok 0s` forever; it is "clock ahead", then late once it stops advancing.
    @Test func aFutureHeartbeatIsAheadThenLateWhenItStops() {
        var state = AppState(config: AppConfig(label: "t"), width: 140, height: 40, now: start)
        let future = node("f", beat: start.addingTimeInterval(3600))
        for i in 0..<10 {
            let now = start.addingTimeInterval(Double(i) * 2)
            _ = Update.update(&state, .tick, now: now)
            _ = Update.update(&state, reply([node("a", beat: now), future], digest: i + 1, serverDate: now), now: now)
            if i == 0 {
                #expect(state.derived.healthSignature["f"] == .ahead)
                #expect(RootView.render(state).text().contains("▲1 clock ahead"))
            }
        }
        #expect(state.derived.healthSignature["f"] == .late, "18 s without advancing is past its 15 s")
        #expect(state.derived.healthSignature["a"] == .ok)
    }

    /// Issue 20: a `Date` an hour ahead of heartbeats that advance marked every node silent.
    @Test func beatsThatAdvanceAreAliveWhateverTheirClock() {
        var state = AppState(config: AppConfig(label: "t"), width: 140, height: 40, now: start)
        for i in 0..<3 {
            let now = start.addingTimeInterval(Double(i) * 2)
            _ = Update.update(&state, .tick, now: now)
            _ = Update.update(&state, reply([node("a", beat: now.addingTimeInterval(-3600))], digest: i + 1, serverDate: now), now: now)
            let health = state.derived.healthSignature["a"]
            #expect(health == (i == 0 ? .waiting : .ok), "poll \(i): \(String(describing: health))")
        }
        #expect(abs(state.thresholds.clockLag(of: "a") - 3600) < 0.01)
        #expect(!RootView.render(state).text().contains("silent"))
    }

    /// An impossibly old beat that never advances is late, then silent, from what the polls watched.
    @Test func anImpossiblyOldBeatThatNeverMovesTurnsSilent() {
        var state = AppState(config: AppConfig(label: "t"), width: 140, height: 40, now: start)
        let old = node("a", beat: start.addingTimeInterval(-3600))
        for i in 0...16 {
            let now = start.addingTimeInterval(Double(i) * 2)
            _ = Update.update(&state, .tick, now: now)
            _ = Update.update(&state, reply([old], digest: 1, serverDate: now), now: now)
        }
        #expect(state.derived.healthSignature["a"] == .stale, "32 s watched without a beat")
    }

    /// A dead node first seen within what the sweep allows is judged from its timestamp at once, as before.
    @Test func aPlausiblyOldBeatIsJudgedAtOnce() {
        var state = AppState(config: AppConfig(label: "t"), width: 140, height: 40, now: start)
        _ = Update.update(&state, .tick, now: start)
        _ = Update.update(&state, reply([node("a", beat: start), node("d", beat: start.addingTimeInterval(-45))], digest: 1,
                                        serverDate: start), now: start)
        #expect(state.derived.healthSignature["d"] == .stale)
    }
}
