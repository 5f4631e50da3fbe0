import Foundation

/// The thresholds that turn a heartbeat age into a health. Until a node's
/// own period is learned (`HeartbeatLearner`), the core's defaults
/// (ARCHITECTURE.md, "Facts about the API"): heartbeat every 10 s, so late after 15 s, silent after the
/// offline threshold (30 s); records silent for a day are "ghosts" (dead
/// `hostname-pid` nodes).
public struct HeartbeatThresholds: Hashable, Sendable {
    /// The heartbeat period assumed for a node whose own is not learned yet.
    public var interval: TimeInterval
    /// The core's `NODE_OFFLINE_AFTER_MS`: silent past this is `stale`.
    public var offlineAfter: TimeInterval
    public var ghostAfter: TimeInterval
    /// At least this much slack past a learned period before "late": one
    /// poll interval, since a beat is only seen at the next poll.
    public var slack: TimeInterval
    /// What was learned of each node's heartbeat, by node name.
    public var learned: [String: LearnedHeartbeat]
    /// What the polls saw of each node's current beat (issue 20); empty
    /// without polls (`clustertui get`): then the timestamp alone decides.
    public var sightings: [String: HeartbeatSighting] = [:]
    /// The answering node's clock when the newest good overview was produced.
    public var dataAt: Date?
    /// How much older than its body the newest reply's `Date` may be (its round trip).
    public var dataUncertainty: TimeInterval = 0

    public init(
        interval: TimeInterval = 10, offlineAfter: TimeInterval = 30, ghostAfter: TimeInterval = 86_400,
        slack: TimeInterval = 0, learned: [String: LearnedHeartbeat] = [:]
    ) {
        self.interval = interval; self.offlineAfter = offlineAfter; self.ghostAfter = ghostAfter
        self.slack = slack; self.learned = learned
    }
    /// A heartbeat older than one and a half assumed intervals is late.
    public var lateAfter: TimeInterval { lateAfter(period: interval) }
    /// Late past 1.5 × the period, and never sooner than one `slack` after it.
    public func lateAfter(period: TimeInterval) -> TimeInterval { period + max(period / 2, slack) }
    /// The period health uses for `name`: learned, else the assumed interval.
    public func period(of name: String) -> TimeInterval { period(learned: learned[name]) }
    /// The period health uses for a node with this learned heartbeat.
    public func period(learned: LearnedHeartbeat?) -> TimeInterval {
        learned?.period(assuming: interval, slack: slack) ?? interval
    }
    /// When `name` turns late, on its own clock-corrected age.
    public func lateAfter(node name: String) -> TimeInterval { lateAfter(period: period(of: name)) }
    /// When `name` turns silent: the offline threshold, but never before it is late
    /// (a node beating every 30 s against a 30 s threshold is not silent at 31 s).
    public func staleAfter(node name: String) -> TimeInterval { max(offlineAfter, lateAfter(node: name)) }
    public static let standard = HeartbeatThresholds()
    /// An online node whose beat is older than this when first seen cannot
    /// be taken at its word (issue 20): the core's sweep (every
    /// max(period, offline-after)) would have marked it offline by then
    /// were the clocks in step, so its clock is probably behind.
    public var suspectAfter: TimeInterval { 2 * offlineAfter + 30 }
    /// Seconds `name`'s clock runs behind the answering node's, as health
    /// corrects it (issue 20): seen from its beats advancing, or learned;
    /// never negative (a clock ahead is flagged, not corrected).
    public func clockLag(of name: String) -> TimeInterval {
        Self.clockLag(learned: learned[name], seen: sightings[name])
    }
    static func clockLag(learned: LearnedHeartbeat?, seen: HeartbeatSighting?) -> TimeInterval {
        max(0, seen?.clockLag ?? 0, learned?.clockLag ?? 0)
    }
}

/// What an operator should believe about a node, from its status and the
/// age of its last heartbeat on the server's clock. Kept apart from the
/// registry status because a dead node reads `online` for up to a minute.
public enum HeartbeatHealth: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Online and heartbeating on time.
    case ok
    /// Online, but its heartbeat is in the future of the answering node's
    /// clock (issue 20): one of the two clocks is wrong, so not `ok`.
    case ahead
    /// Its deadline has passed, but the newest data predates it (a slow or
    /// failing poll): whether it beat in time is not known yet (issue 20).
    case waiting
    /// Online, heartbeat overdue but not yet past the offline threshold.
    case late
    /// Still `online` in the registry but silent past the offline threshold (or never heard from).
    case stale
    /// Draining: alive but taking no new work.
    case draining
    /// Marked offline recently.
    case offline
    /// Offline for longer than `ghostAfter`: a dead record, folded away by default.
    case ghost

    /// What the screen calls it: `ahead` is "clock ahead", `waiting` is
    /// "waiting for data", `stale` is "silent".
    public var label: String {
        switch self {
        case .ahead: "clock ahead"
        case .waiting: "waiting for data"
        case .stale: "silent"
        default: rawValue
        }
    }

    /// Whether work bound to the node can run there now.
    public var isDown: Bool { self == .stale || self == .offline || self == .ghost }
    /// Live nodes are everything but ghosts.
    public var isLive: Bool { self != .ghost }

    public static func < (a: HeartbeatHealth, b: HeartbeatHealth) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The dashboard's default node order (issue 23: with 60 nodes the one
    /// dead node sorted last, off-screen even at 200×60): late first — the
    /// earliest sign of trouble, and what an operator can still act on —
    /// then silent, offline (recently), a clock ahead, waiting for data,
    /// draining, and only then the healthy; ghosts last (folded by default).
    public var problemRank: Int {
        switch self {
        case .late: 0
        case .stale: 1
        case .offline: 2
        case .ahead: 3
        case .waiting: 4
        case .draining: 5
        case .ok: 6
        case .ghost: 7
        }
    }

    /// Whether the node needs an operator's eye: anything but ok, draining and ghost.
    public var isProblem: Bool { problemRank < 5 }
}

extension Node {
    /// Seconds since the last heartbeat on the server's clock; `nil` if unknown.
    /// Never negative (a server clock slightly behind a node's is not "the future").
    public func heartbeatAge(now: Date) -> TimeInterval? {
        guard let last = lastHeartbeatAt else { return nil }
        return max(0, now.timeIntervalSince(last))
    }

    /// Seconds since the node started; `nil` if unknown.
    public func uptime(now: Date) -> TimeInterval? {
        guard let started = startedAt else { return nil }
        return max(0, now.timeIntervalSince(started))
    }

    public func health(now: Date, thresholds: HeartbeatThresholds = .standard) -> HeartbeatHealth {
        let age = heartbeatAge(now: now)
        switch status {
        case .offline:
            guard let age, age <= thresholds.ghostAfter else { return .ghost }
            return .offline
        case .draining:
            if let age, age > thresholds.ghostAfter { return .ghost }
            return .draining
        default:
            guard let last = lastHeartbeatAt else { return .stale }
            // One lookup: this runs for every node at every recompute.
            let learned = thresholds.learned.isEmpty ? nil : thresholds.learned[name]
            let late = thresholds.lateAfter(period: thresholds.period(learned: learned))
            let silent = max(thresholds.offlineAfter, late)
            if let dataAt = thresholds.dataAt, let seen = thresholds.sightings[name], seen.beat == last {
                return observedHealth(
                    last: last, seen: seen, learned: learned, dataAt: dataAt, now: now, late: late, silent: silent,
                    thresholds: thresholds)
            }
            // On the node's own clock as learned (its beats' usual lag when
            // first seen), so a node whose clock is behind is not always late.
            let beat = max(0, now.timeIntervalSince(last) - (learned?.clockLag ?? 0))
            if beat <= late { return .ok }
            if beat <= silent { return .late }
            return .stale
        }
    }

    /// Issue 20: late or silent only from data produced after the deadline
    /// (its age when the newest reply was produced, on the node's clock as
    /// judged, or how long the polls watched the beat not advance, whichever
    /// is longer); a beat in the future is `ahead`; a deadline passed since
    /// the newest data is `waiting`, not late.
    private func observedHealth(
        last: Date, seen: HeartbeatSighting, learned: LearnedHeartbeat?, dataAt: Date, now: Date,
        late: TimeInterval, silent: TimeInterval, thresholds: HeartbeatThresholds
    ) -> HeartbeatHealth {
        let watched = dataAt.timeIntervalSince(seen.seenAt)
        if seen.unverified {
            // Impossibly old when first seen: only its advancing can say it is alive.
            return watched > silent ? .stale : watched > late ? .late : .waiting
        }
        let lag = HeartbeatThresholds.clockLag(learned: learned, seen: seen)
        let ageAtData = max(dataAt.timeIntervalSince(last) - lag, watched)
        if ageAtData > silent { return .stale }
        if ageAtData > late { return .late }
        // The Date header has whole seconds: a beat more than 2 s past it is in the future.
        if last.timeIntervalSince(dataAt) - lag > HeartbeatClocks.aheadAfter + thresholds.dataUncertainty { return .ahead }
        if now.timeIntervalSince(last) - lag > late, now > dataAt { return .waiting }
        return .ok
    }
}
