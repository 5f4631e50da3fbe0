import Foundation

/// What a node's history says about one stretch of time (issue 22), in
/// rising severity: a strip cell shows the worst state in its bucket.
/// Stored runs are only `ok`, `late`, `down` and `gone`; `unknown` is a
/// stretch we were not polling, `restart` a bucket in which the node
/// restarted. `gone` is a ghost (offline for over a day, a dead record the
/// live table folds away): less than freshly down, so look-back folds it too.
/// The raw values are what the store holds; severity is `<`.
public enum HistoryState: UInt8, Sendable, Hashable, Comparable, Codable, CaseIterable {
    case ok = 0, unknown = 1, late = 2, down = 3, restart = 4, gone = 5

    /// The state a run records for a node of this health: `waiting` and
    /// `clock ahead` are not failures of the node, draining is alive.
    public init(health: HeartbeatHealth) {
        switch health {
        case .ok, .ahead, .waiting, .draining: self = .ok
        case .late: self = .late
        case .stale, .offline: self = .down
        case .ghost: self = .gone
        }
    }

    /// Rising severity: ok, unknown, late, gone, down, restart.
    private var severity: Int {
        switch self {
        case .ok: 0
        case .unknown: 1
        case .late: 2
        case .gone: 3
        case .down: 4
        case .restart: 5
        }
    }

    public static func < (a: HistoryState, b: HistoryState) -> Bool { a.severity < b.severity }

    /// The word for the CLI and the legend.
    public var word: String {
        switch self {
        case .ok: "ok"
        case .unknown: "unknown"
        case .late: "late"
        case .down: "silent/offline"
        case .restart: "restart"
        case .gone: "ghost"
        }
    }
}

/// A stretch of time in which this dashboard's polls of the cluster
/// succeeded: outside every span the cluster's state is unknown, never
/// assumed healthy.
public struct ObservedSpan: Sendable, Hashable, Codable {
    /// What a gap between spans means, in words: spans are good polls, so a
    /// dead or unreachable cluster leaves the same gap as nobody polling.
    public static let gapMeaning = "no dashboard polling, or the cluster not answering"

    public var start: Date
    public var end: Date
    public init(start: Date, end: Date) { self.start = start; self.end = end }
}

/// One node in one state from `start` until `end` (`nil`: still so, as far
/// as the last poll of the current span saw).
public struct StateRun: Sendable, Hashable, Codable {
    public var node: String
    public var state: HistoryState
    public var start: Date
    public var end: Date?
    /// The heartbeat period health judged the node by when the run began (learned, else assumed).
    public var period: TimeInterval?
    public init(node: String, state: HistoryState, start: Date, end: Date? = nil, period: TimeInterval? = nil) {
        self.node = node; self.state = state; self.start = start; self.end = end; self.period = period
    }
}

/// Something that happened to a node: a restart (`startedAt` or `pid`
/// changed), a registry status change, a version change.
public struct NodeEvent: Sendable, Hashable, Codable {
    /// What kind of change; the raw value is what the store and `-o json` hold.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case restart, status, version
    }
    public var node: String
    public var at: Date
    public var kind: Kind
    /// `before → after`, in words.
    public var detail: String
    public init(node: String, at: Date, kind: Kind, detail: String) {
        self.node = node; self.at = at; self.kind = kind; self.detail = detail
    }
}

/// A node's facts restarts and changes are told from, as last seen.
public struct NodeFacts: Sendable, Hashable, Codable {
    public var startedAt: Date?
    public var pid: Int?
    public var version: String?
    public var status: String
    public init(startedAt: Date?, pid: Int?, version: String?, status: String) {
        self.startedAt = startedAt; self.pid = pid; self.version = version; self.status = status
    }
    public init(_ node: Node) {
        self.init(startedAt: node.startedAt, pid: node.pid, version: node.version, status: node.status.rawValue)
    }
}

/// One binding as the history keeps it: the node and the mode.
public struct HistoryBinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public var node: String
    public var mode: String
    public init(node: String, mode: String) { self.node = node; self.mode = mode }
    public init(_ row: Assignment) { self.init(node: row.nodeName, mode: row.mode.rawValue) }
    public var description: String { "\(node) (\(mode))" }
}

/// A binding change seen by a poll: before and after (`nil`: follows the
/// default node), who made it and when the server says it was made, and
/// the batch id when the change was this operator's own write.
public struct BindingChange: Sendable, Hashable, Codable {
    public var seenAt: Date
    public var entityType: String
    public var entityId: String
    public var before: HistoryBinding?
    public var after: HistoryBinding?
    public var updatedBy: String?
    public var updatedAt: Date?
    /// The write journal's batch id when this dashboard's operator made it.
    public var batch: String?

    public init(
        seenAt: Date, entityType: String, entityId: String, before: HistoryBinding?, after: HistoryBinding?,
        updatedBy: String? = nil, updatedAt: Date? = nil, batch: String? = nil
    ) {
        self.seenAt = seenAt; self.entityType = entityType; self.entityId = entityId
        self.before = before; self.after = after; self.updatedBy = updatedBy; self.updatedAt = updatedAt; self.batch = batch
    }

    public var key: EntityKey { EntityKey(EntityType(entityType), entityId) }
    /// When it happened as best known: the server's `updatedAt`, else when a poll first saw it.
    public var when: Date { updatedAt ?? seenAt }
    /// One change has one row, however many dashboards saw it.
    public var dedupeKey: String {
        let stamp = (updatedAt ?? seenAt).timeIntervalSince1970
        return "\(entityType):\(entityId)@\(stamp)>\(after?.description ?? "-")"
    }
}

/// What one poll adds to the store: the span it extends or opens, the runs
/// it closes and opens, node events, binding changes, and the facts and
/// bindings that moved (kept so the next start can tell what changed while
/// no dashboard was running).
public struct HistoryWrites: Sendable, Equatable {
    public var span: ObservedSpan?
    /// Runs that ended, with their end.
    public var closedRuns: [StateRun] = []
    public var openedRuns: [StateRun] = []
    /// Open runs whose heartbeat period was learned since they began (a
    /// run begins before much is learned: a 3 s node read "every 10s").
    public var relearnedRuns: [StateRun] = []
    public var events: [NodeEvent] = []
    public var changes: [BindingChange] = []
    public var facts: [String: NodeFacts] = [:]
    public var bindings: [EntityKey: HistoryBinding?] = [:]
    /// The current minute of the cluster's trend, as it stands after this poll.
    public var trend: TrendPoint?
    public init() {}

    public var isEmpty: Bool {
        span == nil && trend == nil && closedRuns.isEmpty && openedRuns.isEmpty && relearnedRuns.isEmpty && events.isEmpty
            && changes.isEmpty
            && facts.isEmpty && bindings.isEmpty
    }
}
