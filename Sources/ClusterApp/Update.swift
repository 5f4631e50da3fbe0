import ClusterModel
import ClusterState
import Foundation

/// The dashboard's one state transition: `update(&state, message, now:)`
/// applies a message and returns the effects the loop must run. Pure: no
/// I/O, no clock reads (time comes in as `now`), deterministic jitter.
package enum Update {
    package static func update(_ state: inout AppState, _ message: Message, now: Date) -> [Effect] {
        let before = state.frameStamp
        let releasing = ProtectedWrites.releases(state, message)
        var effects = handle(&state, message, now: now)
        // Issue 23: on a protected context no write leaves here until its name is typed.
        if !releasing { effects = ProtectedWrites.hold(&state, effects) }
        // The one place a frame is marked dirty (issue 19): see `FrameStamp`.
        if message.alwaysDraws || state.frameStamp != before { state.dirty = true }
        return effects
    }

    private static func handle(_ state: inout AppState, _ message: Message, now: Date) -> [Effect] {
        state.now = now
        if let notice = state.notice, notice.expires <= now { state.notice = nil }
        var effects: [Effect]
        switch message {
        case .key(let key):
            if state.notice?.untilNextKey == true { state.notice = nil }
            effects = KeyHandling.handle(&state, key)
        case .mouse(let x, let y, let button):
            effects = MouseHandling.handle(&state, x: x, y: y, button: button)
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            state.clampCursors()
            ActionOutputFlow.resized(&state)
            effects = []
        case .tick:
            effects = tick(&state)
        case .paused(let seconds):
            // Stale already when the pause began (a reply overdue, an outage under way) stays stale:
            // the pause excuses only the silence it caused.
            if !state.isStale(at: now.addingTimeInterval(-seconds)) { state.resumedAt = now }
            state.post("paused \(AgeFormat.compact(seconds)) (suspended or stopped): the cluster was not watched meanwhile; polling again", .warning)
            effects = tick(&state)
        case .signal(let number):
            return quit(&state, status: 128 + number)
        case .hangup:
            return quit(&state, status: 128 + SIGHUP)
        default:
            effects = reply(&state, message)
        }
        if !state.quitting {
            if Self.looksForAlerts(message) { effects += AlertsFlow.look(&state) }
            effects += Polling.duePolls(&state)
            effects += FleetFlow.duePolls(&state)
            effects += MergedFlow.dueLists(&state)
            state.refreshMerged()
            state.refreshListProblems()
            state.refreshProblemRows()
        }
        return effects
    }

    /// A reply to something the runner did: polls, writes, re-reads, a switch.
    private static func reply(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .overviewFetched(let result, let latency):
            return Polling.overviewFetched(&state, result, latency: latency)
        case .instancesPrepared(let result, let latency):
            return Polling.instancesPrepared(&state, result, latency: latency)
        case .rowsBound(let bound):
            return BindingStage.rowsBound(&state, bound)
        case .fleetOverview(let context, _, _) where context == state.config.currentContext:
            // A background reply for the cluster now open (sent before the switch): its own polls speak for it.
            return []
        case .fleetOverview(let context, let result, let latency):
            FleetFlow.overviewFetched(&state, context: context, result, latency: latency)
            return FleetAlerts.look(&state, context: context)
        case .fleetInstances(let context, let result):
            MergedFlow.listFetched(&state, context: context, result)
            return []
        case .contextSwitched(let result):
            return ContextSwitchFlow.switched(&state, result)
        default:
            return writeReply(&state, message)
        }
    }

    /// A form's write outcome, or a settled unknown.
    private static func writeReply(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .writeFinished(.rebind(let formID), let outcome): return RebindFlow.finished(&state, formID: formID, outcome)
        case .writeFinished(.reset(let key), let outcome): return ResetFlow.finished(&state, key: key, outcome)
        case .writeSettled(let settled): PlanReviewFlow.settled(&state, settled); return []
        default: return batchReply(&state, message)
        }
    }

    /// A reply about a plan: progress, its end, an export, the batch to undo.
    private static func batchReply(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .batchProgress(let id, let index, let outcome): PlanReviewFlow.progress(&state, planID: id, index: index, outcome)
        case .batchFinished(let id, let summary): PlanReviewFlow.finished(&state, planID: id, summary)
        case .planExported(let id, let path, let error): PlanReviewFlow.exported(&state, planID: id, path: path, error: error)
        case .undoLoaded(let result): UndoFlow.loaded(&state, result)
        case .journalProblem(let text): state.post(text, .warning, seconds: 10)
        case .alertStoreProblem(let text), .stateFileProblem(let text): state.post(text, .warning, seconds: 10)
        case .historyUpdated(let digest): HistoryFlow.updated(&state, digest)
        case .historyProblem(let text): HistoryFlow.problem(&state, text)
        case .asOfLoaded(let view): AsOfFlow.loaded(&state, view)
        case .exported(let path, let error):
            if let error { state.post("not written: \(TextSanitizer.excerpt(path)): \(error)", .warning, seconds: 10) }
            else { state.post("wrote \(TextSanitizer.excerpt(path))", .notice, seconds: 10) }
        case .actionFinished(let result): CustomActionFlow.finished(&state, result)
        case .hookProblem(let text):
            state.post(text, .warning, seconds: 10)
            Polling.appendEvents(&state, [ClusterEvent(time: state.serverNow, kind: .alertFired, severity: .warning,
                                                       subject: "hook", message: text)])
        default: break
        }
        return []
    }

    /// SIGINT/SIGTERM/SIGHUP or the terminal gone: quit with `status`.
    private static func quit(_ state: inout AppState, status: Int32) -> [Effect] {
        state.quitting = true
        state.exitStatus = status
        return [.quit]
    }

    /// The clock moved: ages on screen change (when ticking) and health may cross a threshold.
    /// The messages after which the alert engine takes a look: the clock and the polls' replies.
    private static func looksForAlerts(_ message: Message) -> Bool {
        switch message {
        case .tick, .overviewFetched, .instancesPrepared: true
        default: false
        }
    }

    private static func tick(_ state: inout AppState) -> [Effect] {
        // A highlight that ended needs a frame without it.
        if let end = state.recentChanges.nextEnd, end <= state.now { state.recentChanges.prune(now: state.now) }
        if state.snapshot != nil {
            state.recompute(.clock)
            fetchWhatAWaitingNodeNeeds(&state)
        }
        return []
    }

    /// A node whose deadline passed since the newest data "waits for data"
    /// (issue 20): fetch it now rather than at the next poll, at most once a
    /// second and never while the polls back off, so a dead node reads late
    /// within a second or so of its deadline.
    private static func fetchWhatAWaitingNodeNeeds(_ state: inout AppState) {
        guard (state.derived.nodeSummary?.waiting ?? 0) > 0, state.overviewPoll.consecutiveFailures == 0,
              !state.overviewPoll.inFlight,
              let last = state.overviewPoll.lastAttempt, state.now.timeIntervalSince(last) >= 1 else { return }
        state.overviewPoll.requestNow(state.now)
    }

}

