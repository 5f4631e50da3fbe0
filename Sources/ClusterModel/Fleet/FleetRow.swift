import Foundation

/// What one cluster of the fleet is like, from its overview alone (issue
/// 23): the fleet screen and `clustertui get fleet` show one per context.
/// Counts use the dashboard's words (ok, late, silent, offline, draining;
/// ghosts apart) and its health rules.
public struct FleetFigures: Sendable, Equatable {
    public var nodes: NodeSummary
    /// Instances at risk that the overview alone shows: every explicit
    /// binding at risk — strict ones to nodes that are not online (down or
    /// draining), preferred ones to a down node (falling back) and bindings
    /// to nodes missing from the registry. A lower bound: the instances
    /// that follow the default node need the instance list. (Preferred
    /// bindings falling back were left out, so a background cluster with
    /// one read "fine" on the fleet wallboard while the open one, with the
    /// same data, had a tile.)
    public var atRiskFromOverview: Int
    /// Versions of live nodes, most common first (more than one: skew).
    public var versions: [VersionCount] { nodes.versions }

    public init(nodes: NodeSummary, atRiskFromOverview: Int) {
        self.nodes = nodes; self.atRiskFromOverview = atRiskFromOverview
    }

    /// The figures of `overview` at `now` (the answering node's clock).
    public init(overview: Overview, now: Date, thresholds: HeartbeatThresholds = .standard) {
        let snapshot = ClusterSnapshot(overview: overview, takenAt: now)
        nodes = snapshot.nodeSummary(now: now, thresholds: thresholds)
        var health: [String: HeartbeatHealth] = [:]
        for node in overview.nodes where health[node.name] == nil { health[node.name] = node.health(now: now, thresholds: thresholds) }
        atRiskFromOverview = overview.assignments.reduce(0) { count, a in
            let risk = Risk.evaluate(explicit: true, mode: a.mode, nodeHealth: health[a.nodeName], hasNodeName: true,
                                     defaultHealth: nil)
            return count + (risk == .none ? 0 : 1)
        }
    }

    /// Nodes that need an eye: late, silent, offline (recently), clock ahead, waiting.
    public var problemNodes: Int { nodes.late + nodes.stale + nodes.offline + nodes.ahead + nodes.waiting }
}

/// The state of one cluster's connection as the fleet shows it, with its
/// cause: never an empty cluster for a reply that could not be read.
public enum ContextState: Sendable, Equatable {
    /// Not asked yet.
    case connecting
    /// The last poll answered.
    case live
    /// The last poll failed; the figures are those of `since` (the last good poll).
    case stale(since: Date, ClusterError)
    /// Never answered: nothing is known.
    case down(ClusterError)

    /// One word for the state: live, stale, unauthorised, unreachable, TLS, malformed, …
    public var word: String {
        switch self {
        case .connecting: "connecting"
        case .live: "live"
        case .stale: "stale"
        case .down(let error): Self.cause(error)
        }
    }

    /// What kind of failure `error` is, in one word.
    public static func cause(_ error: ClusterError) -> String {
        switch error {
        case .unauthorized, .forbidden: "unauthorised"
        case .connectionRefused, .dnsFailure, .timedOut, .transport, .outcomeUnknown, .replyTimedOut: "unreachable"
        case .tls: "TLS"
        case .notJSON, .malformed, .bodyTooLarge: "malformed reply"
        case .rateLimited: "rate limited"
        case .starting: "starting"
        case .badRequest, .notFound, .server, .usage, .notApplied: "error"
        }
    }

    /// The error behind a stale or down state.
    public var error: ClusterError? {
        switch self {
        case .stale(_, let e), .down(let e): e
        case .connecting, .live: nil
        }
    }
}
