import Foundation

/// `clustertui check`'s verdict, in the monitoring-plugin conventions that
/// Nagios, Icinga, Zabbix and Sensu accept (issue 21): one line
/// `CLUSTER OK|WARNING|CRITICAL|UNKNOWN - summary | perfdata` and the exit
/// status 0/1/2/3. Pure: from one overview's and instance list's counts.
public struct MonitoringCheck: Sendable, Equatable {
    /// The plugin states, as their exit statuses.
    public enum Status: Int32, Sendable, Comparable {
        case ok = 0, warning = 1, critical = 2, unknown = 3
        public var word: String {
            switch self {
            case .ok: "OK"
            case .warning: "WARNING"
            case .critical: "CRITICAL"
            case .unknown: "UNKNOWN"
            }
        }
        public static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }
    }

    /// Counts at or above which the state turns WARNING or CRITICAL (`nil`: never).
    public struct Thresholds: Sendable, Equatable {
        /// Live nodes late (or with a heartbeat in the future).
        public var lateWarning: Int? = 1
        public var lateCritical: Int?
        /// Nodes silent or offline that are not ghosts (a ghost is an old
        /// record of a node that restarted under a new name: not a fault).
        public var downWarning: Int?
        public var downCritical: Int? = 1
        /// Instances at risk (blocked strict, orphan, falling back, …).
        public var atRiskWarning: Int? = 1
        public var atRiskCritical: Int?
        public init() {}
    }

    public var status: Status
    public var line: String

    /// The verdict for these counts; `latency` is the overview's round trip.
    public init(nodes: NodeSummary, instances: InstanceSummary, latency: TimeInterval, thresholds: Thresholds = Thresholds()) {
        let late = nodes.late + nodes.ahead
        let down = nodes.stale + nodes.offline
        let worst = [
            Self.level(late, warning: thresholds.lateWarning, critical: thresholds.lateCritical),
            Self.level(down, warning: thresholds.downWarning, critical: thresholds.downCritical),
            Self.level(instances.atRisk, warning: thresholds.atRiskWarning, critical: thresholds.atRiskCritical),
        ].max() ?? .ok
        status = worst
        var summary = ["\(nodes.live) nodes: \(nodes.online) ok"]
        if late > 0 { summary.append("\(late) late") }
        if nodes.stale > 0 { summary.append("\(nodes.stale) silent") }
        if nodes.offline > 0 { summary.append("\(nodes.offline) offline") }
        if nodes.draining > 0 { summary.append("\(nodes.draining) draining") }
        let text = summary.joined(separator: ", ") + "; \(instances.atRisk) of \(instances.total) instances at risk"
        let perf = [
            Self.perf("nodes_ok", nodes.online),
            Self.perf("nodes_late", late, thresholds.lateWarning, thresholds.lateCritical),
            Self.perf("nodes_down", down, thresholds.downWarning, thresholds.downCritical),
            Self.perf("nodes_draining", nodes.draining),
            Self.perf("nodes_ghost", nodes.ghosts),
            Self.perf("instances_at_risk", instances.atRisk, thresholds.atRiskWarning, thresholds.atRiskCritical),
            "'latency'=\(String(format: "%.3f", latency))s;;;0",
        ]
        line = "CLUSTER \(worst.word) - \(text) | " + perf.joined(separator: " ")
    }

    /// The verdict when the cluster cannot be asked: UNKNOWN with the reason.
    public init(unknown reason: String) {
        status = .unknown
        line = "CLUSTER UNKNOWN - " + reason
    }

    private static func level(_ value: Int, warning: Int?, critical: Int?) -> Status {
        if let critical, value >= critical { return .critical }
        if let warning, value >= warning { return .warning }
        return .ok
    }

    /// `'nodes_late'=2;1;;0`: label, value, warning, critical, minimum.
    private static func perf(_ label: String, _ value: Int, _ warning: Int? = nil, _ critical: Int? = nil) -> String {
        "'\(label)'=\(value);\(warning.map(String.init) ?? "");\(critical.map(String.init) ?? "");0"
    }
}
