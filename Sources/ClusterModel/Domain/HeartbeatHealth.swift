import Foundation

/// The thresholds that turn a heartbeat age into a health, matching the
/// core's defaults (DESIGN §3): heartbeat every 10 s, offline after 30 s,
/// and records silent for a day are "ghosts" (dead `hostname-pid` nodes).
public struct HeartbeatThresholds: Hashable, Sendable {
    public var interval: TimeInterval
    public var offlineAfter: TimeInterval
    public var ghostAfter: TimeInterval
    public init(interval: TimeInterval = 10, offlineAfter: TimeInterval = 30, ghostAfter: TimeInterval = 86_400) {
        self.interval = interval; self.offlineAfter = offlineAfter; self.ghostAfter = ghostAfter
    }
    /// A heartbeat older than one and a half intervals is late.
    public var lateAfter: TimeInterval { interval * 1.5 }
    public static let standard = HeartbeatThresholds()
}

/// What an operator should believe about a node, from its status and the
/// age of its last heartbeat on the server's clock. Kept apart from the
/// registry status because a dead node reads `online` for up to a minute.
public enum HeartbeatHealth: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Online and heartbeating on time.
    case ok
    /// Online, heartbeat overdue but not yet past the offline threshold.
    case late
    /// Still `online` in the registry but silent past the offline threshold (or never heard from).
    case stale
    /// Draining: alive but taking no new work.
    case draining
    /// Marked offline recently.
    case offline
    /// Offline for longer than `ghostAfter`: a dead record, folded away by default.
    case ghost

    /// Whether work bound to the node can run there now.
    public var isDown: Bool { self == .stale || self == .offline || self == .ghost }
    /// Live nodes are everything but ghosts.
    public var isLive: Bool { self != .ghost }

    public static func < (a: HeartbeatHealth, b: HeartbeatHealth) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension Node {
    /// Seconds since the last heartbeat on the server's clock; `nil` if unknown.
    /// Never negative (a server clock slightly behind a node's is not "the future").
    public func heartbeatAge(now: Date) -> TimeInterval? {
        guard let last = lastHeartbeatAt else { return nil }
        return max(0, now.timeIntervalSince(last))
    }

    /// Seconds since the node started; `nil` if unknown.
    public func uptime(now: Date) -> TimeInterval? {
        guard let started = startedAt else { return nil }
        return max(0, now.timeIntervalSince(started))
    }

    public func health(now: Date, thresholds: HeartbeatThresholds = .standard) -> HeartbeatHealth {
        let age = heartbeatAge(now: now)
        switch status {
        case .offline:
            guard let age, age <= thresholds.ghostAfter else { return .ghost }
            return .offline
        case .draining:
            if let age, age > thresholds.ghostAfter { return .ghost }
            return .draining
        default:
            guard let age else { return .stale }
            if age <= thresholds.lateAfter { return .ok }
            if age <= thresholds.offlineAfter { return .late }
            return .stale
        }
    }
}
