import Foundation

/// Why binding an entity to a node needs an explicit yes (a form's `y`, the
/// CLI's `--yes`): one rule for the dashboard and the CLI (issue 19).
public enum WriteRisk {
    /// The reason, or `nil` when the target is healthy.
    public static func reason(node: Node?, name: String, mode: AssignmentMode, now: Date, thresholds: HeartbeatThresholds) -> String? {
        guard let node else { return "node \"\(name)\" is not in the registry" }
        switch node.health(now: now, thresholds: thresholds) {
        case .ok, .late, .waiting:
            return nil
        case .ahead:
            return "\(name)'s heartbeat is ahead of the server's clock: whether it is alive is not known"
        case .draining:
            return "\(name) is draining: it takes no new work"
        case .stale:
            return mode == .strict
                ? "\(name) has not heartbeated for \(AgeFormat.compact(node.heartbeatAge(now: now))): strict work will queue"
                : "\(name) has not heartbeated for \(AgeFormat.compact(node.heartbeatAge(now: now)))"
        case .offline, .ghost:
            return mode == .strict
                ? "\(name) is offline: strict work will be blocked until it returns"
                : "\(name) is offline: the instance will fall back to the default node"
        }
    }
}
