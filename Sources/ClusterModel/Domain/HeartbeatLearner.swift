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

    public init(period: TimeInterval, steps: Int, clockLag: TimeInterval = 0) {
        self.period = period; self.steps = steps; self.clockLag = clockLag
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
/// Until a node has `minimumSteps` steps, nothing is learned for it and
/// health uses the assumed interval. A pure value: `update` keeps it in the
/// app state and feeds it every decoded overview.
public struct HeartbeatLearner: Sendable, Equatable {
    /// What is remembered of one node between polls.
    struct Track: Sendable, Equatable {
        var lastBeat: Date
        var startedAt: Date?
        var pid: Int?
        var steps: [TimeInterval] = []
        var lags: [TimeInterval] = []
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

    public init() {}

    /// Takes in the nodes of one overview, read at `now` on the server's clock.
    /// Nodes no longer listed are forgotten.
    public mutating func observe(_ nodes: [Node], at now: Date) {
        if tracks.count > nodes.count + 16 {
            let listed = Set(nodes.map(\.name))
            tracks = tracks.filter { listed.contains($0.key) }
            learned = learned.filter { listed.contains($0.key) }
        }
        for node in nodes {
            guard let beat = node.lastHeartbeatAt else { continue }
            observe(node, beat: beat, at: now)
        }
    }

    private mutating func observe(_ node: Node, beat: Date, at now: Date) {
        let name = node.name
        guard var track = tracks[name] else {
            tracks[name] = Track(lastBeat: beat, startedAt: node.startedAt, pid: node.pid, lags: [now.timeIntervalSince(beat)])
            return
        }
        let restarted = track.startedAt != node.startedAt || track.pid != node.pid || beat < track.lastBeat
        if restarted {
            // A new process (or a clock set back): its period may differ; learn it anew.
            tracks[name] = Track(lastBeat: beat, startedAt: node.startedAt, pid: node.pid, lags: [now.timeIntervalSince(beat)])
            learned[name] = nil
            return
        }
        let step = beat.timeIntervalSince(track.lastBeat)
        guard step >= Self.shortestStep else { return }
        track.lastBeat = beat
        Self.push(step, into: &track.steps)
        Self.push(now.timeIntervalSince(beat), into: &track.lags)
        tracks[name] = track
        if track.steps.count >= Self.minimumSteps {
            learned[name] = LearnedHeartbeat(
                period: Self.median(track.steps), steps: track.steps.count, clockLag: Self.clockLag(track.lags))
        }
    }

    /// The lag of the freshest sighting: a beat seen right after it was
    /// written has the offset between the clocks alone. Under a second it
    /// is poll timing, not skew, and is not corrected.
    static func clockLag(_ lags: [TimeInterval]) -> TimeInterval {
        guard let lag = lags.min(), abs(lag) > 1 else { return 0 }
        return lag
    }

    static func push(_ value: TimeInterval, into list: inout [TimeInterval]) {
        list.append(value)
        if list.count > window { list.removeFirst(list.count - window) }
    }

    /// The lower median (of an even count, the smaller middle value).
    static func median(_ values: [TimeInterval]) -> TimeInterval {
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}
