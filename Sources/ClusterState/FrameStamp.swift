import ClusterModel
import Foundation

/// What the frame on screen is drawn from, in brief (issue 19: one way a
/// state change marks the frame dirty). `Update.update` takes a stamp
/// before and after each message; the frame is redrawn when they differ
/// or when the message is one that always draws (`Message.alwaysDraws`:
/// keys, the mouse, a resize, the answers to an operator's action). No
/// handler sets `dirty` itself.
///
/// Adding something the screen shows that is not a key's doing (a poll's
/// or the clock's): add it here, or the frame will lag it.
/// `FrameStampTests` renders after every message of a scripted session
/// and fails when a frame left undrawn differs from the one on screen.
package struct FrameStamp: Equatable {
    var notice: Notice?
    /// Bumped by every `recompute` that changed what the panes list or count.
    var derived: Int
    var overview: PollStamp
    var instances: PollStamp
    var stale: Bool
    var clockSkew: TimeInterval
    var loudAlerts: [AlertSeverity: Int]
    /// Rows still highlighted as recently changed.
    var highlights: Int
    var eventSerial: Int
    var switchingTo: String?
    /// The clock while ages tick (or the wallboard cycles): every message
    /// draws, as ages shown are measured from moments between whole
    /// seconds; `nil` under `--no-tick`, where the clock alone draws nothing.
    var clock: Date?
    /// The spinner's frame while a write is on its way.
    var spinner: Int?
    /// The background contexts (issue 23), while the fleet screen or the problems view is open.
    var fleet: [FleetEntry]?
    /// The recorded history's digests taken (issue 22: strips, restarts, changes).
    var history: Int
    /// The merged tables' rebuilds (issue 23).
    var merged: Int
    /// The problems view's rows, when they changed (a list read for it, issue 23).
    var problems: Int
}

/// One poll's part of the stamp: failing or not, and how often.
struct PollStamp: Equatable {
    var failures: Int
    var failing: Bool
}

extension AppState {
    /// The stamp of the frame this state draws.
    package var frameStamp: FrameStamp {
        let ticking = redrawsEverySecond
        func poll(_ p: PollTracker) -> PollStamp { PollStamp(failures: p.consecutiveFailures, failing: p.lastError != nil) }
        return FrameStamp(
            notice: notice, derived: derived.revision, overview: poll(overviewPoll), instances: poll(instancesPoll),
            stale: isStale, clockSkew: clockSkew, loudAlerts: loudAlerts,
            highlights: recentChanges.nodes.count + recentChanges.instances.count, eventSerial: eventSerial,
            switchingTo: switchingTo,
            clock: ticking ? now : nil,
            spinner: isBusy ? Int(now.timeIntervalSince1970 * 8) : nil,
            fleet: overlays.contains { overlay in
                switch overlay {
                case .fleet, .problems: true
                default: false
                }
            } ? fleet.entries : nil,
            history: historyRevision, merged: derived.mergedRevision, problems: derived.problemsRevision)
    }
}

extension Message {
    /// Messages that always draw: the operator's own input, and the answers
    /// to what they asked for (forms, plans, a switch), which change overlays.
    package var alwaysDraws: Bool {
        switch self {
        case .key, .mouse, .resize, .contextSwitched, .writeFinished, .batchProgress, .batchFinished,
             .planExported, .undoLoaded, .asOfLoaded, .exported, .actionFinished, .paused:
            return true
        case .tick, .overviewFetched, .instancesPrepared, .rowsBound, .fleetOverview, .fleetInstances, .writeSettled, .journalProblem,
             .hookProblem, .alertStoreProblem, .stateFileProblem, .historyUpdated, .historyProblem, .signal, .hangup:
            return false
        }
    }
}
