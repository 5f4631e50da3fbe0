import ClusterModel
import Foundation
import Testing
import ClusterRuntime
import ClusterState
import ClusterViews

/// The loop's one dispatch path: every effect `update` returns is performed,
/// including those of the messages the loop makes itself.
@Suite struct DispatcherTests {
    let now = TestCluster.now

    /// Guards the Ctrl-Z bug: after `fg` past a due time the loop dispatched
    /// `.resize` and dropped its effects, so the due polls were marked in
    /// flight but never sent and the dashboard stopped polling for good.
    @Test func resumePastADueTimeSendsThePollsAndTheAgeRecovers() {
        var state = TestCluster.loadedState()
        var clock = now.addingTimeInterval(1)
        var performed: [Effect] = []
        // Ctrl-Z one second after the last poll; `fg` a minute later.
        MessageDispatcher.dispatch([.key(.ctrl("z"))], into: &state, clock: { clock }) { effect in
            performed.append(effect)
            guard effect == .suspend else { return [] }
            clock = clock.addingTimeInterval(60)
            return [.resize(width: 100, height: 30), .tick]
        }
        #expect(performed.first == .suspend)
        #expect(performed.contains(.fetchOverview(previous: BodyDigest(value: 1, length: 1))))
        #expect(performed.contains { if case .fetchInstances(BodyDigest(value: 1, length: 1), _) = $0 { true } else { false } })
        #expect(state.width == 100 && state.height == 30)
        // The reply of that fetch comes back through the same path: live again.
        MessageDispatcher.dispatch(
            [.overviewFetched(.success(TestCluster.fetched(TestCluster.overview, digest: 2)), latency: 0.01)],
            into: &state, clock: { clock }, perform: { _ in [] })
        #expect(state.overviewPoll.lastSuccess == clock)
        #expect(HeaderView.connection(state, glyphs: .unicode).0.hasSuffix(" 0s ago"))
    }

    /// Follow-up messages are dispatched after the ones already queued, in order.
    @Test func followUpsJoinTheQueueInOrder() {
        var state = TestCluster.loadedState()
        var seen: [Effect] = []
        MessageDispatcher.dispatch([.key(.ctrl("l")), .key(.ctrl("z"))], into: &state, clock: { now }) { effect in
            seen.append(effect)
            return effect == .suspend ? [.key(.ctrl("l"))] : []
        }
        #expect(seen == [.repaint, .suspend, .repaint])
    }

    /// A quit stops the queue: nothing after it is dispatched.
    @Test func quitStopsTheQueue() {
        var state = TestCluster.loadedState()
        var seen: [Effect] = []
        MessageDispatcher.dispatch([.key(.char("q")), .key(.ctrl("l"))], into: &state, clock: { now }) { effect in
            seen.append(effect)
            return []
        }
        #expect(state.quitting)
        #expect(seen == [.quit])
    }
}
