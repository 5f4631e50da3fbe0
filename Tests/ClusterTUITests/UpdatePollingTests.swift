import ClusterModel
import Foundation
import Testing
import ClusterApp
import ClusterState
import ClusterViews

/// `update` for every poll outcome: first poll, success, unchanged body,
/// failures with back-off, recovery, and the instance poll's cadence.
@Suite struct UpdatePollingTests {
    let now = TestCluster.now

    @Test func firstTickAsksForTheOverviewOnly() {
        var state = AppState(config: AppConfig(label: "t"), width: 120, height: 40, now: now)
        let effects = Update.update(&state, .tick, now: now)
        #expect(effects == [.fetchOverview(previous: nil)])
        #expect(state.overviewPoll.inFlight)
        // A second tick while in flight must not send a second request.
        #expect(Update.update(&state, .tick, now: now.addingTimeInterval(5)).isEmpty)
    }

    @Test func overviewSuccessBuildsSnapshotThenInstancesAreFetched() {
        var state = AppState(config: AppConfig(label: "t"), width: 120, height: 40, now: now)
        _ = Update.update(&state, .tick, now: now)
        let effects = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview)), latency: 0.01), now: now)
        #expect(state.snapshot?.nodes.count == 5)
        // (and the announcement of node-d, offline at start: watch prints it, the dashboard ignores it)
        #expect(effects.filter { if case .announceAlert = $0 { false } else { true } } == [.fetchInstances(previous: nil, bindingTo: state.snapshot!.bindingSource)])
        #expect(state.overviewPoll.nextDue == now.addingTimeInterval(2))
    }

    @Test func unchangedBodyKeepsSnapshotAndSendsDigestNextTime() {
        var state = TestCluster.loadedState()
        let later = now.addingTimeInterval(2)
        let effects = Update.update(&state, .tick, now: later)
        #expect(effects == [.fetchOverview(previous: BodyDigest(value: 1, length: 1))])
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(nil as Overview?)), latency: 0.01), now: later)
        #expect(state.snapshot?.nodes.count == 5)
        #expect(state.overviewPoll.lastSuccess == later)
    }

    @Test func failuresBackOffExponentiallyAndKeepTheLastData() {
        var state = TestCluster.loadedState()
        var t = now.addingTimeInterval(2)
        _ = Update.update(&state, .tick, now: t)
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:1")), latency: 0), now: t)
        let firstWait = state.overviewPoll.nextDue.timeIntervalSince(t)
        #expect(firstWait >= 1.6 && firstWait < 2.4)
        #expect(state.snapshot?.nodes.count == 5, "last good data stays")
        t = state.overviewPoll.nextDue
        _ = Update.update(&state, .tick, now: t)
        _ = Update.update(&state, .overviewFetched(.failure(.timedOut("overview")), latency: 0), now: t)
        let secondWait = state.overviewPoll.nextDue.timeIntervalSince(t)
        #expect(secondWait >= 3.2 && secondWait < 4.8)
        #expect(state.overviewPoll.consecutiveFailures == 2)
        #expect(state.overviewPoll.failingSince == now.addingTimeInterval(2))
        let screen = RootView.render(state)
        #expect(screen.text().contains("STALE"))
        // Recovery clears the error.
        t = state.overviewPoll.nextDue
        _ = Update.update(&state, .tick, now: t)
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 2)), latency: 0.01), now: t)
        #expect(state.overviewPoll.lastError == nil)
        #expect(state.overviewPoll.consecutiveFailures == 0)
    }

    @Test func backOffIsCappedAndHonoursRetryAfter() {
        var state = TestCluster.loadedState()
        var t = now
        for _ in 0..<12 {
            t = max(t, state.overviewPoll.nextDue)
            _ = Update.update(&state, .tick, now: t)
            _ = Update.update(&state, .overviewFetched(.failure(.starting("booting")), latency: 0), now: t)
        }
        #expect(state.overviewPoll.nextDue.timeIntervalSince(t) <= 60)
        t = state.overviewPoll.nextDue
        _ = Update.update(&state, .tick, now: t)
        _ = Update.update(&state, .overviewFetched(.failure(.rateLimited(retryAfter: 120)), latency: 0), now: t)
        #expect(state.overviewPoll.nextDue.timeIntervalSince(t) >= 120)
    }

    @Test func instancesPollEveryThirtySecondsByDefault() {
        var state = TestCluster.loadedState()
        var effects: [Effect] = []
        var t = now
        for _ in 0..<15 {
            t = t.addingTimeInterval(2)
            effects += Update.update(&state, .tick, now: t)
            _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(nil as Overview?)), latency: 0), now: t)
        }
        let instanceFetches = effects.filter { if case .fetchInstances = $0 { true } else { false } }
        #expect(instanceFetches.count == 1)
    }

    @Test func snapshotChangesBecomeEvents() {
        var state = TestCluster.loadedState()
        var changed = TestCluster.overview
        changed.nodes[1].status = .draining
        changed.defaultNodeName = "node-b"
        _ = Update.update(&state, .tick, now: now.addingTimeInterval(2))
        _ = Update.update(&state, .overviewFetched(.success(TestCluster.fetched(changed, digest: 9)), latency: 0), now: now.addingTimeInterval(2))
        let kinds = Set(state.events.map(\.kind))
        #expect(kinds.contains(.statusChanged))
        #expect(kinds.contains(.defaultNodeChanged))
    }

    @Test func signalsAndHangupQuit() {
        var state = TestCluster.loadedState()
        #expect(Update.update(&state, .signal(SIGTERM), now: now) == [.quit])
        // Issue 13: the exit status is 128 + the signal, not 0.
        #expect(state.exitStatus == 143)
        var other = TestCluster.loadedState()
        #expect(Update.update(&other, .hangup, now: now) == [.quit])
        #expect(other.quitting)
    }

    /// The loop spun at 100 % CPU while a cluster had never answered: the instance list's due time (it waits for the first overview) lay in the past.
    @Test func noDeadlineInThePastBeforeTheFirstOverview() {
        var state = AppState(config: AppConfig(label: "t"), width: 120, height: 40, now: now)
        _ = Update.update(&state, .tick, now: now)
        let later = now.addingTimeInterval(0.5)
        _ = Update.update(&state, .overviewFetched(.failure(.connectionRefused("127.0.0.1:1")), latency: 0.01), now: later)
        #expect(state.nextDeadline() > later, "waits for the retry or the next tick, not at once")
        var quiet = AppConfig(label: "t")
        quiet.tick = false
        var still = AppState(config: quiet, width: 120, height: 40, now: now)
        _ = Update.update(&still, .tick, now: now)
        _ = Update.update(&still, .overviewFetched(.failure(.connectionRefused("127.0.0.1:1")), latency: 0.01), now: later)
        #expect(still.nextDeadline() > later.addingTimeInterval(1), "under --no-tick: the retry, seconds away")
    }

    /// While a context switch connects no poll starts, so none may make the loop spin.
    @Test func noDeadlineInThePastWhileSwitching() {
        var state = TestCluster.withContexts(["alpha", "beta"])
        _ = ContextSwitchFlow.switchTo(&state, "beta")
        let later = state.now.addingTimeInterval(5)
        state.now = later
        #expect(state.nextDeadline() > later)
    }

    @Test func nextDeadlineIsTheNextWholeSecondWhenTicking() {
        var state = TestCluster.loadedState()
        state.now = now.addingTimeInterval(0.3)
        let deadline = state.nextDeadline()
        #expect(deadline <= now.addingTimeInterval(1.0001))
        state.config.tick = false
        #expect(state.nextDeadline() >= now.addingTimeInterval(1.9))
    }
}
