import Foundation
import Testing
import ClusterModel

/// Adaptive heartbeat health (issue 14) on recorded sequences: what a
/// dashboard polling every 2 s sees of nodes heartbeating every 2, 10 and
/// 30 s, with jitter, a missed poll, a restart and a skewed clock.
@Suite struct HeartbeatLearnerTests {
    /// A node's beats (on its own clock) as a dashboard polling at `polls`
    /// (server clock) sees them: each poll shows the latest beat at or before it.
    struct Recording {
        var beats: [Date]
        var polls: [Date]
        var startedAt = t0.addingTimeInterval(-3600)
        var pid = 100
        /// Node clock minus server clock.
        var skew: TimeInterval = 0

        func node(at poll: Date, name: String = "n") -> Node {
            let seen = beats.last { $0.addingTimeInterval(-skew) <= poll }
            return Node(name: name, status: .online, lastHeartbeatAt: seen, startedAt: startedAt, pid: pid)
        }

        static func steady(
            period: TimeInterval, for seconds: TimeInterval, jitter: TimeInterval = 0, pollEvery: TimeInterval = 2,
            skew: TimeInterval = 0
        ) -> Recording {
            var random = UInt64(42)
            func unit() -> Double {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(random >> 11) / Double(1 << 53)
            }
            let beats = stride(from: 0.0, through: seconds, by: period).map {
                t0.addingTimeInterval($0 + skew + (jitter > 0 ? (unit() * 2 - 1) * jitter : 0))
            }
            let polls = stride(from: 0.7, through: seconds, by: pollEvery).map { t0.addingTimeInterval($0) }
            return Recording(beats: beats, polls: polls, skew: skew)
        }

        /// Plays every poll into a learner; returns whether the node, once its
        /// period was learned, was ever anything but ok at a poll.
        func play(into learner: inout HeartbeatLearner, thresholds: HeartbeatThresholds = .dashboard) -> Bool {
            var flagged = false
            for poll in polls {
                let n = node(at: poll)
                learner.observe([n], at: poll)
                var t = thresholds
                t.learned = learner.learned
                if learner.learned[n.name]?.provisional == false, n.health(now: poll, thresholds: t) != .ok { flagged = true }
            }
            return flagged
        }
    }

    func learn(_ r: Recording) -> (HeartbeatLearner, flagged: Bool) {
        var learner = HeartbeatLearner()
        let flagged = r.play(into: &learner)
        return (learner, flagged)
    }

    /// A node at this heartbeat age, judged with what was learned.
    func health(_ learner: HeartbeatLearner, age: TimeInterval, offlineAfter: TimeInterval = 30) -> HeartbeatHealth {
        var t = HeartbeatThresholds.dashboard
        t.offlineAfter = offlineAfter
        t.learned = learner.learned
        return node("n", age: age).health(now: t0, thresholds: t)
    }

    @Test func steadyTwoSecondsIsLateAfterPeriodPlusOnePoll() {
        let (learner, flagged) = learn(.steady(period: 2, for: 30))
        // Every poll saw a new beat 0.7 s old: the period is 2 s or less, judged as half the step.
        #expect(approx(learner.learned["n"]?.medianStep, 2))
        #expect(approx(HeartbeatThresholds.dashboard.period(learned: learner.learned["n"]), 1))
        #expect(!flagged, "a node beating on time is never late at a poll")
        // One poll interval of slack past the 1 s bound: late after 1 + 2 s.
        #expect(health(learner, age: 2.9) == .ok)
        #expect(health(learner, age: 3.1) == .late)
        #expect(health(learner, age: 30.1) == .stale)
    }

    /// Review of issue 21: polls slowed to the node's own period (a slow server) must not shrink a 10 s period to its ages.
    @Test func pollsAsSlowAsTheNodeKeepItsPeriodNearItsStep() {
        let (learner, flagged) = learn(.steady(period: 10, for: 400, pollEvery: 10.3))
        #expect(learner.learned["n"]?.oldestAge != nil, "every poll saw a new beat")
        #expect(HeartbeatThresholds.dashboard.period(learned: learner.learned["n"]) >= 8, "never under the step less a poll")
        #expect(!flagged)
    }

    /// Review of issue 21: a step across failed polls is not "at the very next poll".
    @Test func aStepAcrossFailedPollsIsNotBoundedByAges() {
        var learner = HeartbeatLearner()
        let r = Recording.steady(period: 10, for: 120)
        for (i, poll) in r.polls.enumerated() {
            if i % 5 == 0 { learner.observe([r.node(at: poll)], at: poll) } else { learner.missedPoll() }
        }
        #expect(learner.learned["n"]?.oldestAge == nil)
        #expect(approx(HeartbeatThresholds.dashboard.period(learned: learner.learned["n"]), 10))
    }

    /// Review of issue 21: one short first step (two writes 0.3 s apart) made a provisional 0.45 s period.
    @Test func aProvisionalPeriodIsNeverUnderAPoll() {
        var learner = HeartbeatLearner()
        learner.observe([Node(name: "n", status: .online, lastHeartbeatAt: t0)], at: t0.addingTimeInterval(0.1))
        learner.observe([Node(name: "n", status: .online, lastHeartbeatAt: t0.addingTimeInterval(0.3))], at: t0.addingTimeInterval(2))
        #expect(learner.learned["n"]?.provisional == true && learner.learned["n"]?.clockLag == 0)
        #expect(HeartbeatThresholds.dashboard.period(learned: learner.learned["n"]) == 2)
    }

    /// Issue 21: a node some polls see unchanged is slower than the polls: its median step is its period.
    @Test func aNodeSlowerThanThePollsKeepsItsMedianStep() {
        let (learner, flagged) = learn(.steady(period: 2, for: 60, pollEvery: 1.5))
        #expect(approx(learner.learned["n"]?.period, 2))
        #expect(approx(learner.learned["n"]?.medianStep, 2))
        #expect(!flagged)
    }

    @Test func steadyTenSecondsKeepsTheDefaults() {
        let (learner, flagged) = learn(.steady(period: 10, for: 60))
        #expect(approx(learner.learned["n"]?.period, 10))
        #expect(!flagged)
        #expect(health(learner, age: 15) == .ok)
        #expect(health(learner, age: 15.1) == .late)
    }

    @Test func steadyThirtySecondsIsNotLateBetweenBeats() {
        let (learner, flagged) = learn(.steady(period: 30, for: 150))
        #expect(approx(learner.learned["n"]?.period, 30))
        #expect(!flagged, "with the defaults it read late from 15 s after every beat")
        #expect(health(learner, age: 25) == .ok)
        #expect(health(learner, age: 45) == .ok)
        #expect(health(learner, age: 45.1) == .stale, "past 1.5 periods and the 30 s threshold")
        #expect(health(learner, age: 45.1, offlineAfter: 90) == .late, "--offline-after 90 leaves room for late")
        #expect(health(learner, age: 90.1, offlineAfter: 90) == .stale)
    }

    /// Issue 21: for its first ~8 s a fast node was judged by the assumed 10 s (late only after 15 s).
    @Test func untilLearnedTheFirstStepsBoundThePeriod() {
        var learner = HeartbeatLearner()
        let r = Recording.steady(period: 2, for: 30)
        learner.observe([r.node(at: r.polls[0])], at: r.polls[0])
        #expect(learner.learned["n"] == nil, "no step yet: the defaults")
        #expect(health(learner, age: 14) == .ok)
        #expect(health(learner, age: 15.1) == .late)
        for poll in r.polls[1...2] { learner.observe([r.node(at: poll)], at: poll) }
        #expect(learner.learned["n"]?.provisional == true, "two steps: provisional")
        // 1.5 × the longest step (3 s) plus one poll of slack.
        #expect(health(learner, age: 4.9) == .ok)
        #expect(health(learner, age: 5.1) == .late)
    }

    /// Issue 21: a provisional period never lengthens the assumed interval (a 30 s node is not given 45 s).
    @Test func aProvisionalPeriodNeverExceedsTheAssumedOne() {
        var learner = HeartbeatLearner()
        let r = Recording.steady(period: 30, for: 70)
        for poll in r.polls.prefix(20) { learner.observe([r.node(at: poll)], at: poll) }
        #expect(learner.learned["n"]?.provisional == true)
        #expect(HeartbeatThresholds.dashboard.period(learned: learner.learned["n"]) == 10)
    }

    @Test func jitterDoesNotMakeALiveNodeLate() {
        let (learner, flagged) = learn(.steady(period: 10, for: 200, jitter: 1.5))
        let period = try? #require(learner.learned["n"]?.period)
        #expect(period.map { (8.5...11.5).contains($0) } == true, "period \(String(describing: period))")
        #expect(!flagged)
    }

    @Test func aMissedPollIsNotADoubledPeriod() {
        var r = Recording.steady(period: 2, for: 40)
        // Polls at 8.7 and 10.7 failed: the next one sees a step of three periods.
        r.polls.removeAll { abs($0.timeIntervalSince(t0) - 8.7) < 0.01 || abs($0.timeIntervalSince(t0) - 10.7) < 0.01 }
        let (learner, _) = learn(r)
        #expect(approx(learner.learned["n"]?.medianStep, 2))
        #expect((learner.learned["n"]?.period ?? 9) <= 2)
    }

    /// Issue 21: a node beating every second read "every 2 s (learned) · late after 4 s" at a 2 s poll.
    @Test func aNodeFasterThanThePollsIsBoundedByItsAgeAtEachPoll() {
        let (learner, flagged) = learn(.steady(period: 1, for: 30))
        #expect(approx(learner.learned["n"]?.medianStep, 2))
        #expect(approx(HeartbeatThresholds.dashboard.period(learned: learner.learned["n"]), 1))
        #expect(!flagged)
        #expect(health(learner, age: 2.9) == .ok)
        #expect(health(learner, age: 3.1) == .late, "late after about 1.5 s + one poll")
    }

    /// Issue 21: polls at drifting phases see ages up to the period; the period is the oldest of them.
    @Test func aFastNodeAtDriftingPhasesLearnsItsOwnPeriod() {
        var r = Recording.steady(period: 1.6, for: 60)
        r.polls = (0..<28).map { t0.addingTimeInterval(0.3 + Double($0) * 2.13) }
        let (learner, flagged) = learn(r)
        let period = HeartbeatThresholds.dashboard.period(learned: learner.learned["n"])
        #expect((1.2...1.6).contains(period), "period \(period)")
        #expect(!flagged)
    }

    @Test func aRestartStartsOverAndItsStepIsNotCounted() {
        var learner = HeartbeatLearner()
        let before = Recording.steady(period: 2, for: 20)
        _ = before.play(into: &learner)
        #expect(approx(learner.learned["n"]?.medianStep, 2))
        // Restarted 0.5 s after its last beat, now beating every 10 s.
        var after = Recording.steady(period: 10, for: 60)
        after.beats = after.beats.map { $0.addingTimeInterval(20.5) }
        after.polls = after.polls.map { $0.addingTimeInterval(21) }
        after.startedAt = t0.addingTimeInterval(20.5)
        after.pid = 200
        learner.observe([after.node(at: after.polls[0])], at: after.polls[0])
        #expect(learner.learned["n"] == nil, "the old period is not kept across a restart")
        _ = after.play(into: &learner)
        #expect(approx(learner.learned["n"]?.period, 10), "no 0.5 s step learned from the restart")
    }

    @Test func aHeartbeatGoingBackwardsStartsOver() {
        var learner = HeartbeatLearner()
        _ = Recording.steady(period: 2, for: 20).play(into: &learner)
        let back = Node(name: "n", lastHeartbeatAt: t0.addingTimeInterval(5), startedAt: t0.addingTimeInterval(-3600), pid: 100)
        learner.observe([back], at: t0.addingTimeInterval(21))
        #expect(learner.learned["n"] == nil)
    }

    @Test func aNodeClockBehindIsJudgedOnItsOwnClock() {
        // The node's clock is 5 s behind: every beat already looks 5 s old when seen.
        let r = Recording.steady(period: 2, for: 30, skew: -5)
        let (learner, flagged) = learn(r)
        #expect(approx(learner.learned["n"]?.medianStep, 2))
        let lag = learner.learned["n"]?.clockLag ?? 0
        #expect((5...5.8).contains(lag), "lag \(lag)")
        #expect(!flagged, "a live node with a slow clock is not late")
        // Dead: late once its own-clock age passes 3 s, i.e. at a server-clock age of 8.7+ s.
        #expect(health(learner, age: 8.5) == .ok)
        #expect(health(learner, age: 10) == .late)
    }

    @Test func aNodeClockAheadIsNotFreshForever() {
        let r = Recording.steady(period: 2, for: 30, skew: 5)
        let (learner, _) = learn(r)
        let lag = learner.learned["n"]?.clockLag ?? 0
        #expect((-5...(-4.2)).contains(lag), "lag \(lag)")
        // Its beats carry times 4.3 s in the future: server-clock age −1.5 s is really 2.8 s.
        #expect(health(learner, age: -1.5) == .ok)
        #expect(health(learner, age: 0) == .late)
    }

    @Test func nodesNoLongerListedAreForgotten() {
        var learner = HeartbeatLearner()
        let r = Recording.steady(period: 2, for: 20)
        for poll in r.polls {
            let others = (0..<20).map { Node(name: "x\($0)", lastHeartbeatAt: poll) }
            learner.observe([r.node(at: poll)] + others, at: poll)
        }
        #expect(learner.learned["n"] != nil)
        learner.observe([Node(name: "y", lastHeartbeatAt: t0)], at: t0.addingTimeInterval(30))
        #expect(learner.learned["n"] == nil)
        #expect(learner.learned.isEmpty)
    }
}

/// Equal within a millisecond (dates are doubles; their differences are not exact).
func approx(_ a: TimeInterval?, _ b: TimeInterval) -> Bool { a.map { abs($0 - b) < 0.001 } ?? false }

extension HeartbeatThresholds {
    /// The dashboard's defaults: one 2 s poll interval of slack.
    static let dashboard = HeartbeatThresholds(slack: 2)
}
