import Foundation

/// The alert engine's settings: hold times (a condition must last that long
/// before it fires), flapping, grouping. The defaults need no touching; the
/// config file overrides them (`[alerts]`, globally and per context).
public struct AlertRules: Sendable, Equatable {
    /// Seconds a condition of each kind must hold before it fires. Node
    /// health already waits 1.5 learned periods plus a poll, so it fires at
    /// once; instances at risk wait for a move in progress to finish; a
    /// version skew waits for a rolling upgrade.
    public var holdFor: [AlertKind: TimeInterval] = [
        .node: 0, .flapping: 0, .instancesAtRisk: 15, .versionSkew: 300, .defaultChanged: 0,
        .connection: 0, .authentication: 0,
    ]
    /// Restarts or status flips of one node within `flapWindow` that make it flapping.
    public var flapCount = 3
    public var flapWindow: TimeInterval = 600
    /// More notices than this of one kind and change in one look are told as one.
    public var groupAbove = 3
    /// Kinds not alerted on at all.
    public var disabled: Set<AlertKind> = []

    public init() {}

    public func hold(_ kind: AlertKind) -> TimeInterval { holdFor[kind] ?? 0 }
}

/// What one look at the cluster shows the engine: built from a snapshot and
/// the judged healths by the app, or by `watch`.
public struct AlertInput: Sendable {
    /// The cluster's label, the subject of cluster-wide alerts.
    public var cluster: String
    /// The answering node's clock now.
    public var now: Date
    /// `nil`: the data is fresh. Else why it is not (the polls fail).
    public var staleBecause: String?
    /// The polls fail because the session token was refused.
    public var unauthorized = false
    /// Each listed node and its judged health.
    public var nodes: [(node: Node, health: HeartbeatHealth)] = []
    public var defaultNode = ""
    /// Instances at risk, when the instance list is known.
    public var atRisk: Int?
    /// The live nodes' versions, most common first, when more than one.
    public var versions: [String] = []

    public init(cluster: String, now: Date, staleBecause: String? = nil) {
        self.cluster = cluster; self.now = now; self.staleBecause = staleBecause
    }
}

/// What the config file says about alerts (issue 21), globally and per
/// context: the rules, how to notify, the hook. Flags override it.
public struct AlertSettings: Sendable, Equatable {
    public var rules = AlertRules()
    /// `nil`: not set in the file (none, unless a flag says otherwise).
    public var notify: NotifyStyle?
    /// The hook's argv (`on-alert = ["PROGRAM", "ARG"]`); empty: none.
    public var onAlert: [String] = []

    public init() {}
}
