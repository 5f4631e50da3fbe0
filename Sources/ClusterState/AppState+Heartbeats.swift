import ClusterModel
import Foundation

extension AppState {
    /// What health is judged with: the configured thresholds, one overview
    /// poll interval of slack, and every node's learned heartbeat (issue 14).
    package var thresholds: HeartbeatThresholds {
        var t = config.thresholds
        t.slack = max(t.slack, config.overviewInterval)
        t.learned = heartbeats.learned
        return t
    }
}
