import Foundation

/// What the dashboard has learned about one node's heartbeat.
public struct LearnedHeartbeat: Hashable, Sendable {
    /// Seconds between the node's heartbeats: the median of the recent steps
    /// of its `lastHeartbeatAt`.
    public var period: TimeInterval
    /// How many steps the period stands on.
    public var steps: Int
    /// How old a new beat of this node usually is when first seen, beyond
    /// a second (else 0): the node's clock (or ours) is off by about this
    /// much. Health measures age on the node's own clock with it.
    public var clockLag: TimeInterval
    /// Fewer than `HeartbeatLearner.minimumSteps` steps (issue 21): `period`
    /// is then a cautious upper bound (1.5 × the longest step), used only
    /// where it is shorter than the assumed interval.
    public var provisional: Bool
    /// The median step between the beats the polls saw (once learned, that
    /// is `period` itself): when every poll saw a new beat, the most the
    /// node's real period can be.
    public var medianStep: TimeInterval { period }
    /// When every recent step came at the very next poll (none failed in
    /// between): the oldest the node's beat was at those polls, on its own
    /// clock. A live node's beat is never older than its period at a poll.
    public var oldestAge: TimeInterval?

    public init(period: TimeInterval, steps: Int, clockLag: TimeInterval = 0, provisional: Bool = false) {
        self.period = period; self.steps = steps; self.clockLag = clockLag; self.provisional = provisional
    }

    /// The period health judges by, given the interval assumed for nodes
    /// not learned yet and one poll interval (`slack`). A provisional period
    /// never lengthens the assumed one nor goes under a poll. A node seen
    /// new at every poll is judged by its oldest age at a poll, but never
    /// under half its median step nor under that step less one poll: each
    /// step spans one poll gap, so the period cannot be much shorter than
    /// the step unless the polls are faster than the node (issue 21).
    public func period(assuming interval: TimeInterval, slack: TimeInterval) -> TimeInterval {
        if provisional { return min(interval, max(period, slack)) }
        guard let oldestAge else { return period }
        return min(period, max(oldestAge, period / 2, period - slack))
    }
}

/// Learns each node's heartbeat period from the `lastHeartbeatAt` steps seen
/// across overview polls (issue 14), so that health can call a node late
/// soon after its own period rather than after an assumed 10 s.
///
/// Robust to what polling sees of a live cluster:
/// - a missed poll (or a poll slower than the node) shows a step of two or
///   more periods: the period is the *median* of the last eight steps;
/// - jitter moves steps a little either way: the median again;
/// - a restart (new `startedAt` or pid, or a heartbeat going backwards)
///   starts the node's learning over, and the step across it is not counted;
/// - clock skew: steps are differences of the node's own timestamps, so an
///   offset cancels; the offset itself is estimated apart (`clockLag`).
///
/// - a node faster than the polls (issue 21): every poll sees a new beat,
///   so each step is a poll interval, not the node's period. A live node's
///   beat is never older than its period when a poll sees it, so when every
///   recent step came at the very next poll (failed polls count: see
///   `missedPoll`), the oldest such age is kept (`oldestAge`) and health
///   judges by it within bounds (`LearnedHeartbeat.period(assuming:slack:)`).
///
/// From the first step to `minimumSteps` a provisional period (1.5 × the
/// longest step, never above the assumed interval) stands in, so a fast
/// node is not judged by the assumed 10 s for its first polls. A pure
/// value: `update` keeps it in the app state and feeds it every decoded
/// overview.
public struct HeartbeatLearner: Sendable, Equatable {
    /// What is remembered of one node between polls.
    struct Track: Sendable, Equatable {
        var lastBeat: Date
        var startedAt: Date?
        var pid: Int?
        var steps: [TimeInterval] = []
        var lags: [TimeInterval] = []
        /// The poll (`HeartbeatLearner.polls`) that last saw the beat advance.
        var advancedAtPoll: Int
        /// For each remembered step: whether it was seen at the very next poll.
        var everyPoll: [Bool] = []
    }

    /// Steps needed before a period counts as learned.
    public static let minimumSteps = 3
    /// Steps (and lags) remembered per node.
    public static let window = 8
    /// Steps shorter than this are ignored (two writes of one beat).
    static let shortestStep: TimeInterval = 0.2

    private var tracks: [String: Track] = [:]
    /// The learned heartbeats, by node name (only nodes with a period).
    public private(set) var learned: [String: LearnedHeartbeat] = [:]
    /// Each node's current beat and when the polls first saw it (issue 20).
    public private(set) var sightings: [String: HeartbeatSighting] = [:]
    /// The answering node's clock when the newest good overview was
    /// produced (its `Date`): no node is judged late from data older than this.
    public private(set) var dataAt: Date?
    /// Seconds the newest reply took: its `Date` may be that much older than
    /// its body (a busy server's cached date), so a beat is only "ahead"
    /// beyond it.
    public private(set) var dataUncertainty: TimeInterval = 0
    /// Good overview replies seen, changed or not: tells a step seen at the
    /// next poll from one that spanned polls without a new beat.
    private var polls = 0

    public init() {}

    /// Takes in the nodes of one overview, produced at `now` on the answering
    /// node's clock (its `Date` header). An online node first seen with a
    /// beat older than `suspectAfter` is unverified until it advances.
    /// Nodes no longer listed are forgotten.
    public mutating func observe(
        _ nodes: [Node], at now: Date, suspectAfter: TimeInterval = .infinity, uncertainty: TimeInterval = 0
    ) {
        dataAt = now
        dataUncertainty = uncertainty
        polls += 1
        if tracks.count > nodes.count + 16 || sightings.count > nodes.count + 16 {
            let listed = Set(nodes.map(\.name))
            tracks = tracks.filter { listed.contains($0.key) }
            learned = learned.filter { listed.contains($0.key) }
            sightings = sightings.filter { listed.contains($0.key) }
        }
        for node in nodes {
            guard let beat = node.lastHeartbeatAt else { sightings[node.name] = nil; continue }
            if let seen = sightings[node.name] {
                if seen.beat != beat { sightings[node.name] = seen.updated(beat: beat, dataAt: now) }
            } else {
                let suspect = node.status == .online && now.timeIntervalSince(beat) > suspectAfter
                sightings[node.name] = HeartbeatSighting(beat: beat, seenAt: now, unverified: suspect)
            }
            observe(node, beat: beat, at: now)
        }
    }

    /// An overview poll that failed: a beat seen at the next good one did
    /// not come at the very next poll.
    public mutating func missedPoll() { polls += 1 }

    /// A good overview whose body had not changed: newer data, no new beat.
    public mutating func observeUnchanged(at now: Date, uncertainty: TimeInterval = 0) {
        polls += 1
        dataAt = now
        dataUncertainty = uncertainty
    }

    private mutating func observe(_ node: Node, beat: Date, at now: Date) {
        let name = node.name
        let fresh = Track(
            lastBeat: beat, startedAt: node.startedAt, pid: node.pid, lags: [now.timeIntervalSince(beat)],
            advancedAtPoll: polls)
        guard var track = tracks[name] else {
            tracks[name] = fresh
            return
        }
        let restarted = track.startedAt != node.startedAt || track.pid != node.pid || beat < track.lastBeat
        if restarted {
            // A new process (or a clock set back): its period may differ; learn it anew.
            tracks[name] = fresh
            learned[name] = nil
            return
        }
        let step = beat.timeIntervalSince(track.lastBeat)
        guard step >= Self.shortestStep else { return }
        track.lastBeat = beat
        Self.push(step, into: &track.steps)
        Self.push(now.timeIntervalSince(beat), into: &track.lags)
        Self.push(polls - track.advancedAtPoll == 1, into: &track.everyPoll)
        track.advancedAtPoll = polls
        tracks[name] = track
        learned[name] = Self.learned(from: track)
    }

    /// What one node's track says of its period (see the type's notes).
    static func learned(from track: Track) -> LearnedHeartbeat {
        guard track.steps.count >= minimumSteps else {
            // Two samples say nothing of the clocks: no lag is taken from them.
            return LearnedHeartbeat(
                period: 1.5 * (track.steps.max() ?? 0), steps: track.steps.count, clockLag: 0, provisional: true)
        }
        let lag = clockLag(track.lags)
        let median = median(track.steps)
        var learned = LearnedHeartbeat(period: median, steps: track.steps.count, clockLag: lag)
        if track.everyPoll.allSatisfy({ $0 }), let oldest = track.lags.max() {
            // Ages at every poll: its period is at least the oldest of them
            // (`HeartbeatThresholds.period(learned:)` decides how far to trust it).
            learned.oldestAge = max(0, oldest - lag)
        }
        return learned
    }

    /// The lag of the freshest sighting: a beat seen right after it was
    /// written has the offset between the clocks alone. Under a second it
    /// is poll timing, not skew, and is not corrected.
    static func clockLag(_ lags: [TimeInterval]) -> TimeInterval {
        guard let lag = lags.min(), abs(lag) > 1 else { return 0 }
        return lag
    }

    static func push<Value>(_ value: Value, into list: inout [Value]) {
        list.append(value)
        if list.count > window { list.removeFirst(list.count - window) }
    }

    /// The lower median (of an even count, the smaller middle value).
    static func median(_ values: [TimeInterval]) -> TimeInterval {
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}
