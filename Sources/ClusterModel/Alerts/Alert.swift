import Foundation

/// How urgent an alert is.
public enum AlertSeverity: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, critical
    public var word: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .critical: "critical"
        }
    }
    public static func < (a: AlertSeverity, b: AlertSeverity) -> Bool { a.rawValue < b.rawValue }
}

/// What an alert is about (issue 21). Node alerts have the node's name as
/// subject; the others have the cluster.
public enum AlertKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Late, silent, offline or clock ahead: one alert per node, its
    /// severity rising as it gets worse, resolved when it is back.
    case node
    /// Restarted or changed status this many times within the window.
    case flapping
    /// Instances at risk (blocked strict, orphan, falling back …), counted.
    case instancesAtRisk = "instances-at-risk"
    /// More than one version among live nodes.
    case versionSkew = "version-skew"
    /// The default node is not the one it was (info, once).
    case defaultChanged = "default-changed"
    /// The polls fail: the one alert while the data is stale.
    case connection
    /// The session token was refused.
    case authentication
}

/// One alert as the alerts list shows it.
public struct Alert: Sendable, Hashable, Identifiable {
    /// `node:worker-3`, `instances-at-risk:cluster`: the dedupe key.
    public var id: String
    public var kind: AlertKind
    public var severity: AlertSeverity
    /// The node's name, or the cluster's label.
    public var subject: String
    /// One line, with raw server text in it: views, notifications and hooks sanitise.
    public var text: String
    /// When the condition began, on the server's clock.
    public var since: Date
    /// When it fired (after its hold time); `nil` while pending.
    public var firedAt: Date?
    /// Present at the first fresh look: "down at start", not "went down".
    public var atStart = false
    public var acknowledged = false
    public var snoozedUntil: Date?

    public var isFiring: Bool { firedAt != nil }

    /// Firing, not acknowledged, not snoozed at `now`: what the header counts and what pages.
    public func isLoud(now: Date) -> Bool {
        isFiring && !acknowledged && (snoozedUntil.map { now >= $0 } ?? true)
    }
}

/// What changed in one evaluation, to be told: the events pane, the
/// notification, the hook. Grouped: many of one kind at once are one notice.
public struct AlertNotice: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable, Codable {
        /// Began (after its hold time); `escalated`: got worse; `resolved`: over;
        /// `snoozeEnded`: a snoozed alert that still holds is loud again.
        case fired, escalated, resolved, snoozeEnded = "snooze-ended"
    }
    public var change: Change
    public var kind: AlertKind
    public var severity: AlertSeverity
    /// One subject, or `37 nodes` for a group.
    public var subject: String
    /// Every subject it covers (one, or the group's).
    public var subjects: [String]
    public var text: String
    public var since: Date
    public var atStart: Bool
    /// Acknowledged or snoozed (also before a restart): told in the events
    /// pane, but it pages nobody (no notification, no hook).
    public var quiet = false
}

/// An acknowledgement or a snooze, kept across restarts per cluster (issue
/// 21): a restarted dashboard does not page again for an alert the
/// operator already acknowledged. Dropped when its alert resolves.
public struct AlertQuiet: Sendable, Hashable, Codable {
    public var id: String
    public var kind: AlertKind
    /// The severity acknowledged: an alert found worse than this pages again.
    public var severity: AlertSeverity
    public var acknowledged: Bool
    public var snoozedUntil: Date?

    public init(id: String, kind: AlertKind, severity: AlertSeverity, acknowledged: Bool, snoozedUntil: Date?) {
        self.id = id; self.kind = kind; self.severity = severity; self.acknowledged = acknowledged; self.snoozedUntil = snoozedUntil
    }
}
