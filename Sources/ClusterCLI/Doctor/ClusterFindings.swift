import ClusterModel
import Foundation

/// What doctor says about the cluster it reached, from the model's own
/// summaries (the same counts as the dashboard's header): pure functions,
/// tested directly.
enum ClusterFindings {
    /// Beyond this, this machine's clock is worth fixing.
    static let skewWarning: TimeInterval = 5

    static func clock(skew: TimeInterval) -> DoctorLine {
        let size = abs(skew)
        if size < skewWarning {
            return .ok("clock", "within \(max(1, Int(size.rounded(.up)))) s of the server's (its Date header has whole seconds)")
        }
        let direction = skew > 0 ? "behind" : "ahead of"
        return .warn("clock", "this machine's clock is \(AgeFormat.long(size)) \(direction) the server's: the dashboard "
            + "computes ages on the server's clock, but TLS certificate dates and token expiry are checked on this "
            + "one; fix its time sync (timedatectl, chrony or ntpd)")
    }

    static func nodes(_ s: NodeSummary) -> DoctorLine {
        var parts = ["\(s.online) online"]
        if s.late > 0 { parts.append("\(s.late) late") }
        if s.stale > 0 { parts.append("\(s.stale) silent") }
        if s.draining > 0 { parts.append("\(s.draining) draining") }
        if s.offline > 0 { parts.append("\(s.offline) offline") }
        let ghosts = s.ghosts > 0 ? "; \(s.ghosts) ghost record\(s.ghosts == 1 ? "" : "s") (offline > 24 h)" : ""
        let text = "\(s.live) node\(s.live == 1 ? "" : "s"): " + parts.joined(separator: ", ") + ghosts
        return s.live == 0 ? .warn("nodes", "no live node in the registry\(ghosts)") : .ok("nodes", text)
    }

    static func thisNode(_ overview: Overview, now: Date) -> DoctorLine {
        let name = overview.thisNodeName
        let dflt = "; default node \(overview.defaultNodeName)"
        guard let node = overview.nodes.first(where: { $0.name == name }) else {
            return .warn("this node", "the answering node \(name) is not in its own registry\(dflt): "
                + "it may be starting, or registered under another name")
        }
        let health = node.health(now: now)
        let beat = node.heartbeatAge(now: now).map { ", last heartbeat \(AgeFormat.compact($0)) ago" } ?? ""
        let text = "\(name) (\(health.word)\(beat), version \(node.version ?? "unknown"))\(dflt)"
        return health == .ok ? .ok("this node", text) : .warn("this node", text + ": the answering node itself is not healthy")
    }

    static func versions(_ s: NodeSummary) -> DoctorLine {
        switch s.versions.count {
        case 0: return .ok("versions", "no live node reports a version")
        case 1: return .ok("versions", "every live node runs \(s.versions[0].version)")
        default:
            let list = s.versions.map { "\($0.version) on \($0.count)" }.joined(separator: ", ")
            return .warn("versions", "live nodes run \(s.versions.count) versions (\(list)): a rolling upgrade "
                + "in progress, or one left behind; the dashboard marks the odd ones")
        }
    }

    static func instances(_ s: InstanceSummary, roundTrip: TimeInterval, byteCount: Int) -> DoctorLine {
        .ok("instances", "\(s.total) (\(s.explicit) explicit, \(s.defaulted) on the default node), \(s.atRisk) at risk; "
            + "GET /api/cluster/instances in \(ServerChecks.milliseconds(roundTrip)), \(ServerChecks.bytes(byteCount))")
    }
}
