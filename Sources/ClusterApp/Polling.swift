import ClusterModel
import ClusterState
import Foundation

/// The polling half of `update`: starting due polls, and folding replies
/// into the snapshot, the events list and the connection state.
package enum Polling {
    /// Starts every poll that is due and not already in flight.
    package static func duePolls(_ state: inout AppState) -> [Effect] {
        // Switching context: the next poll goes to the new cluster, once connected.
        guard state.switchingTo == nil else { return [] }
        var effects: [Effect] = []
        let now = state.now
        if state.overviewPoll.isDue(now) {
            state.overviewPoll.started(now)
            effects.append(.fetchOverview(previous: state.overviewPoll.digest))
        }
        // Instances wait for the first overview: without it there is nothing to join them to.
        if state.instancesPoll.isDue(now), let snapshot = state.snapshot {
            state.instancesPoll.started(now)
            effects.append(.fetchInstances(previous: state.instancesPoll.digest, bindingTo: snapshot.bindingSource))
        }
        return effects
    }

    package static func overviewFetched(
        _ state: inout AppState, _ result: Result<Fetched<Overview>, ClusterError>, latency: TimeInterval
    ) -> [Effect] {
        switch result {
        case .failure(let error):
            let wasStale = state.isStale
            state.overviewPoll.failed(at: state.now, error: error, random: &state.random)
            state.heartbeats.missedPoll()
            // From now on health and counts are those of the last good poll.
            if !wasStale { state.recompute(.clock) }
            return HistoryFlow.missed(state)
        case .success(let fetched):
            // When the request went out (no later than that): bounds when the reply was produced.
            let sent = state.overviewPoll.lastAttempt ?? state.now.addingTimeInterval(-latency)
            state.overviewPoll.succeeded(at: state.now, latency: latency, digest: fetched.digest)
            // Issue 20: the server answers again: the other endpoint's back-off ends now.
            if state.instancesPoll.consecutiveFailures > 0 { state.instancesPoll.requestNow(state.now) }
            if let serverDate = fetched.serverDate {
                // The Date header is the answering node's clock in whole seconds (issue 20).
                if let skew = ClockSkew.estimate(serverDate: serverDate, receivedAt: state.now, roundTrip: fetched.roundTrip ?? latency) {
                    state.clockSkew = skew
                }
                state.serverClock.add(date: serverDate, sent: sent, read: state.now)
            }
            // When the data was produced, on the answering node's clock: never
            // later than the truth (its floored Date, narrowed by when the
            // request went out); without a Date header, no later than the request went out.
            let dataAt = fetched.serverDate.map { state.serverClock.producedNoEarlierThan(date: $0, sent: sent) }
                ?? state.now.addingTimeInterval(state.clockSkew - latency)
            var effects: [Effect] = []
            if let overview = fetched.value {
                state.heartbeats.observe(overview.nodes, at: dataAt, suspectAfter: state.config.thresholds.suspectAfter,
                                         uncertainty: latency)
                let bindingsBefore = state.snapshot?.bindingGeneration
                let fresh = state.snapshot?.replacing(overview: overview, takenAt: state.serverNow)
                    ?? ClusterSnapshot(overview: overview, takenAt: state.serverNow)
                apply(&state, fresh, change: .overview)
                // Bindings changed elsewhere: the rows take them now, not at the next instance poll.
                if fresh.bindingGeneration != bindingsBefore { effects = BindingStage.bindIfNeeded(state) }
            } else {
                // The same body, newer data: beats that did not move have now been watched longer.
                state.heartbeats.observeUnchanged(at: dataAt, uncertainty: latency)
                state.recompute(.clock)
            }
            BindingStage.checkPendingWrite(&state, requestSent: sent)
            return effects + HistoryFlow.record(state)
        }
    }

    /// An instance list already made ready off the UI thread: swapped in.
    package static func instancesPrepared(
        _ state: inout AppState, _ result: Result<Fetched<PreparedInstances>, ClusterError>, latency: TimeInterval
    ) -> [Effect] {
        switch result {
        case .failure(let error):
            state.instancesPoll.failed(at: state.now, error: error, random: &state.random)
        case .success(let fetched):
            state.instancesPoll.succeeded(at: state.now, latency: latency, digest: fetched.digest)
            if state.overviewPoll.consecutiveFailures > 0 { state.overviewPoll.requestNow(state.now) }
            if var prepared = fetched.value, let current = state.snapshot {
                // Only the list changed: its events were found off the UI
                // thread when the runner diffed against this very list.
                let events = current.instancesKnown
                    ? prepared.instanceEvents(against: current.instances, time: current.takenAt)
                        ?? SnapshotDiff.instanceEvents(from: current.instances, to: prepared.instances, time: current.takenAt)
                    : []
                prepared.instanceEvents = nil
                prepared.diffBase = nil
                // The old list is freed later, off this thread.
                state.retired.retire(current, state.derived.prepared)
                state.derived.prepared = prepared
                apply(&state, current.replacing(instances: prepared.instances, boundCount: prepared.boundCount),
                      change: .instances, events: events)
                // Fetched while older bindings were current: bind to the overview's.
                return BindingStage.bindIfNeeded(state)
            }
        }
        return []
    }

    /// Swaps in a new snapshot, turning the difference into events (or
    /// taking `events` when the caller already knows them).
    package static func apply(
        _ state: inout AppState, _ fresh: ClusterSnapshot, change: DerivedChange, events known: [ClusterEvent]? = nil
    ) {
        let selectedKey = state.selectedInstance?.key
        let selectedNode = state.selectedNode?.name
        if let known {
            appendEvents(&state, known)
        } else if let old = state.snapshot {
            appendEvents(&state, SnapshotDiff.events(from: old, to: fresh, thresholds: state.thresholds))
        }
        state.snapshot = fresh
        if change.contains(.instances) { dropVanishedMarks(&state, fresh) }
        state.recompute(change)
        reselect(&state, instance: selectedKey, node: selectedNode)
        if state.pendingSelect != nil { ProblemsFlow.selectPending(&state) }
    }

    /// Marks of instances the new list no longer holds are dropped (issue
    /// 10): one pass with lookups in the (small) mark set, no new index.
    private static func dropVanishedMarks(_ state: inout AppState, _ fresh: ClusterSnapshot) {
        guard !state.marks.isEmpty, fresh.instancesKnown else { return }
        var present = Set<EntityKey>(minimumCapacity: state.marks.count)
        for instance in fresh.instances where state.marks.contains(instance.key) { present.insert(instance.key) }
        if present.count != state.marks.count { state.marks = present }
    }

    package static func appendEvents(_ state: inout AppState, _ events: [ClusterEvent]) {
        guard !events.isEmpty else { return }
        state.eventSerial += events.count
        state.recentChanges.note(events, now: state.now)
        let wasAtEnd = state.eventPane.cursor.selected >= Pane.events.rowCount(state) - 1
        state.events.append(contentsOf: events)
        let overflow = state.events.count - state.config.eventCapacity
        if overflow > 0 { state.events.removeFirst(overflow) }
        if wasAtEnd || state.focus != .events { state.eventPane.cursor.selected = Pane.events.rowCount(state) - 1 }
        state.clampCursors()
        if state.config.accessible { announce(&state, events) }
    }

    /// `--accessible` (issue 24): the most severe of the new events, newest
    /// first, said as a plain line in the status line, unless a louder notice is showing.
    private static func announce(_ state: inout AppState, _ events: [ClusterEvent]) {
        guard let top = events.reversed().max(by: { $0.severity < $1.severity }) else { return }
        if let notice = state.notice, notice.severity > top.severity { return }
        let more = events.count > 1 ? " (+\(events.count - 1) more in the events pane)" : ""
        state.post(TextSanitizer.visible("\(top.subject): \(top.message)") + more, top.severity, seconds: 10)
    }

    /// Keeps the cursor on the same entity when rows move under it.
    private static func reselect(_ state: inout AppState, instance key: EntityKey?, node name: String?) {
        if let key, let snapshot = state.snapshot {
            let rows = state.derived.instanceRows
            let cursor = state.instancePane.cursor.selected
            // Most polls move nothing: check the row under the cursor before scanning.
            let same = cursor < rows.count && snapshot.instances[rows[cursor]].entityId == key.entityId
                && snapshot.instances[rows[cursor]].entityType == key.entityType
            if !same, let row = rows.firstIndex(where: {
                snapshot.instances[$0].entityId == key.entityId && snapshot.instances[$0].entityType == key.entityType
            }) {
                state.instancePane.cursor.selected = row
            }
        }
        if let name, let row = state.derived.nodes.firstIndex(where: { $0.name == name }) {
            state.nodePane.cursor.selected = row
        }
        state.clampCursors()
    }
}
