import Foundation

/// One problem of one cluster for the problems view across the fleet
/// (issue 23): a node that needs an eye, or an instance at risk.
public struct FleetProblem: Sendable, Equatable {
    /// What the row is about, to select it once that cluster is open.
    public enum Subject: Sendable, Equatable {
        /// The cluster itself cannot be read (unreachable, stale, unauthorised…): above all else.
        case cluster
        case node(String)
        case instance(EntityKey)
    }

    public var context: String
    public var subject: Subject
    /// The node's or instance's name.
    public var name: String
    /// Its state in a few words: "silent", "BLOCKED on worker-3".
    public var what: String
    /// Higher is worse: a silent or offline node and an orphan or blocked
    /// binding rank above a late node or a binding falling back.
    public var severity: Int

    public init(context: String, subject: Subject, name: String, what: String, severity: Int) {
        self.context = context; self.subject = subject; self.name = name; self.what = what; self.severity = severity
    }

    /// Most severe first, then context, the cluster before its nodes before its instances, then name (natural order).
    public static func precedes(_ a: FleetProblem, _ b: FleetProblem) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.context != b.context { return NaturalOrder.precedes(a.context, b.context) }
        if a.kindRank != b.kindRank { return a.kindRank < b.kindRank }
        return NaturalOrder.precedes(a.name, b.name)
    }

    public var isNode: Bool { if case .node = subject { true } else { false } }

    /// The same row in another listing: same cluster, same subject.
    public func isSameRow(_ other: FleetProblem) -> Bool { context == other.context && subject == other.subject }

    private var kindRank: Int {
        switch subject {
        case .cluster: 0
        case .node: 1
        case .instance: 2
        }
    }

    /// A cluster that cannot be read outranks anything inside one.
    public static let clusterSeverity = 5
}

/// A cluster's problems from its overview alone: nodes by health (ghosts
/// left out), and explicit bindings at risk (blocked, orphaned, falling back).
public enum FleetProblems {
    public static func fromOverview(
        _ overview: Overview, context: String, now: Date, thresholds: HeartbeatThresholds = .standard, withBindings: Bool = true
    ) -> [FleetProblem] {
        var health: [String: HeartbeatHealth] = [:]
        var problems: [FleetProblem] = []
        for node in overview.nodes where health[node.name] == nil {
            let h = node.health(now: now, thresholds: thresholds)
            health[node.name] = h
            guard h.isProblem else { continue }
            problems.append(FleetProblem(context: context, subject: .node(node.name), name: node.name, what: h.label,
                                         severity: nodeSeverity(h)))
        }
        guard withBindings else { return problems }
        for a in overview.assignments {
            let risk = Risk.evaluate(explicit: true, mode: a.mode, nodeHealth: health[a.nodeName], hasNodeName: true, defaultHealth: nil)
            guard risk != .none else { continue }
            problems.append(FleetProblem(context: context, subject: .instance(a.key), name: a.key.description,
                                         what: "\(risk.label) on \(a.nodeName)", severity: risk.severity))
        }
        return problems
    }

    /// A node's rank among problems, on the instances' scale (orphan 4 … default down 1).
    public static func nodeSeverity(_ h: HeartbeatHealth) -> Int {
        switch h {
        case .stale, .offline: 4
        case .late: 3
        case .ahead: 2
        default: 1
        }
    }
}
