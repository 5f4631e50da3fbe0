import ClusterModel
import Foundation

extension AppState {
    /// What health is judged with: the configured thresholds, one overview
    /// poll interval of slack, and every node's learned heartbeat (issue 14),
    /// with what the polls saw of each beat and when the newest data was
    /// produced (issue 20).
    package var thresholds: HeartbeatThresholds {
        var t = config.thresholds
        t.slack = max(t.slack, config.overviewInterval)
        t.learned = heartbeats.learned
        t.sightings = heartbeats.sightings
        t.dataAt = heartbeats.dataAt
        t.dataUncertainty = heartbeats.dataUncertainty
        return t
    }

    /// Seconds the overview reply in flight has taken, when that is more
    /// than a poll should (issue 20: the header says the poll is slow
    /// rather than letting nodes read late); `nil` otherwise.
    package var slowPoll: TimeInterval? {
        guard !isStale, overviewPoll.inFlight, overviewPoll.lastSuccess != nil,
              let started = overviewPoll.lastAttempt else { return nil }
        let waited = now.timeIntervalSince(started)
        return waited >= Self.slowPollAfter ? waited : nil
    }

    /// A reply slower than this is "slow" in the header.
    static let slowPollAfter: TimeInterval = 2
}
