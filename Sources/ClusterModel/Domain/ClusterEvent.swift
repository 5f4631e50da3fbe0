import Foundation

/// How loud an event should be in the event log and on the wallboard.
public enum EventSeverity: Int, Sendable, Hashable, Comparable {
    case info, notice, warning, critical
    public static func < (a: EventSeverity, b: EventSeverity) -> Bool { a.rawValue < b.rawValue }
}

/// Whether an event reports good news, something to watch, or trouble: the
/// colour it is drawn in (issue 11: "heartbeat late" was drawn in the ok
/// colour because its severity was "notice").
public enum EventTone: Sendable, Hashable {
    case good, neutral, attention, bad
}

/// What happened between two snapshots.
public enum ClusterEventKind: String, Sendable, Hashable, CaseIterable {
    case nodeAdded, nodeRemoved, statusChanged, heartbeatLate, heartbeatStale, heartbeatRecovered, restarted,
         versionChanged, defaultNodeChanged, assignmentAdded, assignmentChanged, assignmentRemoved,
         instanceAdded, instanceRemoved,
         /// An alert fired or rose (issue 21); resolved ones are `alertResolved`.
         alertFired, alertResolved,
         /// A custom action was run or ended (issue 24).
         actionRun

    /// The tone of an event of this kind; a status change takes it from its
    /// severity (offline = warning, online = info, anything else = notice).
    func tone(_ severity: EventSeverity) -> EventTone {
        switch self {
        case .heartbeatRecovered, .alertResolved: return .good
        case .alertFired: return severity >= .critical ? .bad : severity >= .warning ? .attention : .neutral
        case .actionRun: return severity >= .warning ? .attention : .neutral
        case .heartbeatLate, .restarted, .defaultNodeChanged: return .attention
        case .heartbeatStale: return .bad
        case .statusChanged:
            switch severity {
            case .info: return .good
            case .notice: return .attention
            case .warning, .critical: return .bad
            }
        case .nodeAdded, .nodeRemoved, .versionChanged, .assignmentAdded, .assignmentChanged, .assignmentRemoved,
             .instanceAdded, .instanceRemoved:
            return severity >= .critical ? .bad : .neutral
        }
    }

    /// The plural phrase of a summarising event: "1,234 instances added".
    var summaryPhrase: String {
        switch self {
        case .nodeAdded: return "nodes added"
        case .nodeRemoved: return "nodes removed"
        case .statusChanged: return "nodes changed status"
        case .heartbeatLate: return "nodes heartbeat late"
        case .heartbeatStale: return "nodes went stale"
        case .heartbeatRecovered: return "nodes recovered"
        case .restarted: return "nodes restarted"
        case .versionChanged: return "nodes changed version"
        case .defaultNodeChanged: return "default node changes"
        case .assignmentAdded: return "assignments added"
        case .assignmentChanged: return "assignments changed"
        case .assignmentRemoved: return "assignments removed"
        case .instanceAdded: return "instances added"
        case .instanceRemoved: return "instances removed"
        case .alertFired: return "alerts"
        case .actionRun: return "custom actions"
        case .alertResolved: return "alerts resolved"
        }
    }
}

/// One line of the event log, derived from two consecutive snapshots.
/// `subject` is the node name or entity key; `message` is one human line
/// (raw server text: sanitise with `TextSanitizer.visible` before drawing).
public struct ClusterEvent: Sendable, Hashable {
    public var time: Date
    public var kind: ClusterEventKind
    public var severity: EventSeverity
    public var subject: String
    public var message: String
    /// The background cluster it is about (a fleet alert, issue 23); `nil`
    /// for the open cluster. The events pane and the events log name it:
    /// without, another cluster's "worker-02 late" read as the open one's.
    public var context: String?
    /// What colour it reports in: good news, neutral, to watch, trouble.
    public var tone: EventTone { kind.tone(severity) }

    public init(time: Date, kind: ClusterEventKind, severity: EventSeverity, subject: String, message: String) {
        self.time = time; self.kind = kind; self.severity = severity; self.subject = subject; self.message = message
    }
}

/// Integer formatting with thousands separators, locale-independent ("1,234").
enum Grouped {
    static func string(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
