import Foundation

/// How many nodes of one version run in the cluster.
public struct VersionCount: Sendable, Hashable {
    public var version: String
    public var count: Int
    public init(version: String, count: Int) { self.version = version; self.count = count }
}

/// Node counts by health for the header, plus version skew among live nodes.
///
/// `online` counts nodes whose health is `ok`; `late` and `stale` are nodes
/// whose registry status still reads online but whose heartbeat says
/// otherwise. Ghosts are counted apart and ignored for versions. Nodes with
/// an unknown (`null`) version are left out of `versions`. Every row of the
/// overview counts, a name listed twice included (issue 20: the counts
/// must add up to the rows shown).
public struct NodeSummary: Sendable, Hashable {
    public var online = 0
    /// Heartbeat in the future of the answering node's clock (issue 20).
    public var ahead = 0
    /// Deadline passed since the newest data: not known yet (issue 20).
    public var waiting = 0
    public var late = 0
    public var stale = 0
    public var draining = 0
    public var offline = 0
    public var ghosts = 0
    public var total = 0
    /// Versions of live nodes, most common first, then by name.
    public var versions: [VersionCount] = []
    public var dominantVersion: String? { versions.first?.version }
    /// More than one version among live nodes.
    public var hasVersionSkew: Bool { versions.count > 1 }
    /// Names of ghost nodes, so `isSkewed` needs no clock.
    var ghostNames: Set<String> = []

    public init() {}

    /// A live node running something other than the dominant version.
    public func isSkewed(_ node: Node) -> Bool {
        guard hasVersionSkew, let v = node.version, !v.isEmpty, !ghostNames.contains(node.name) else { return false }
        return v != dominantVersion
    }

    /// Live nodes: everything but ghosts.
    public var live: Int { total - ghosts }
}

/// Instance counts for the header and wallboard.
public struct InstanceSummary: Sendable, Hashable {
    public var total = 0
    public var explicit = 0
    public var defaulted = 0
    public var atRisk = 0
    /// Count per risk; every case present (zero when none).
    public var byRisk: [Risk: Int] = [:]
    public var byType: [EntityType: Int] = [:]
    public init() {}
}

extension ClusterSnapshot {
    public func nodeSummary(now: Date, thresholds: HeartbeatThresholds = .standard) -> NodeSummary {
        var s = NodeSummary()
        var versions: [String: Int] = [:]
        for node in overview.nodes {
            s.total += 1
            let h = node.health(now: now, thresholds: thresholds)
            switch h {
            case .ok: s.online += 1
            case .ahead: s.ahead += 1
            case .waiting: s.waiting += 1
            case .late: s.late += 1
            case .stale: s.stale += 1
            case .draining: s.draining += 1
            case .offline: s.offline += 1
            case .ghost: s.ghosts += 1; s.ghostNames.insert(node.name)
            }
            if h.isLive, let v = node.version, !v.isEmpty { versions[v, default: 0] += 1 }
        }
        s.versions = versions.map { VersionCount(version: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.version < $1.version }
        return s
    }

    /// One pass over the instances; per-risk counts are kept in a fixed array
    /// so the loop allocates nothing.
    public func instanceSummary(_ risk: RiskContext) -> InstanceSummary {
        var s = InstanceSummary()
        var riskCounts = [Int](repeating: 0, count: 5)
        var types: [EntityType: Int] = [:]
        for inst in instances {
            if inst.explicit { s.explicit += 1 }
            let r = risk.risk(of: inst)
            riskCounts[r.severity] += 1
            types[inst.entityType, default: 0] += 1
        }
        s.total = instances.count
        s.defaulted = s.total - s.explicit
        for r in Risk.allCases { s.byRisk[r] = riskCounts[r.severity] }
        s.atRisk = s.total - riskCounts[Risk.none.severity]
        s.byType = types
        return s
    }
}
