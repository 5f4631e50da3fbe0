import Foundation

/// The alert engine (issue 21): pure, fed one `AlertInput` per look (each
/// overview, each failed poll, each second's tick) and answering with what
/// changed, to be told. One alert per subject until it resolves (dedupe);
/// a hold time before firing; severity that rises with the condition;
/// grouping of many at once into one notice.
///
/// Truthful by construction: while the data is stale there is exactly one
/// connection (or authentication) alert and every other alert is frozen as
/// it was: nothing fires and nothing resolves from stale data. Conditions
/// present at the first fresh look are "at start", never "went down"
/// (they still wait for their hold time: a version skew at start may be a
/// rolling upgrade).
public struct AlertEngine: Sendable {
    public var rules: AlertRules
    /// Every alert pending or firing, by id.
    public internal(set) var alerts: [String: Alert] = [:]
    /// Kinds already looked for in fresh data: a condition of a kind seen
    /// for the first time was there at start (instances at risk only once
    /// the instance list is in).
    var observed: Set<AlertKind> = []
    private var memory: [String: NodeMemory] = [:]
    private var lastDefault: String?
    /// Acknowledgements and snoozes from before a restart, applied to an
    /// alert of that id when it is first seen again (`AlertEngine+Quiet`).
    var restored: [String: AlertQuiet] = [:]

    public init(rules: AlertRules = AlertRules()) { self.rules = rules }

    /// Takes in one look at the cluster; returns what fired, rose or resolved.
    public mutating func evaluate(_ input: AlertInput) -> [AlertNotice] {
        var notices: [AlertNotice] = []
        var current: [String: Condition] = [:]
        if let why = input.staleBecause {
            let kind: AlertKind = input.unauthorized ? .authentication : .connection
            let text = input.unauthorized ? "authentication expired: \(why)" : "connection lost: \(why)"
            current[kind.rawValue] = Condition(kind: kind, severity: .critical, subject: input.cluster, text: text)
            // Frozen: no alert but the connection's changes on stale data.
            for (id, alert) in alerts where alert.kind != .connection && alert.kind != .authentication {
                current[id] = Condition(alert)
            }
        } else {
            conditions(input, into: &current, notices: &notices)
        }
        let fresh = input.staleBecause == nil
        reconcile(current, now: input.now, fresh: fresh, notices: &notices)
        endSnoozes(now: input.now, notices: &notices)
        if fresh {
            observed.formUnion([.node, .flapping, .versionSkew, .defaultChanged])
            if input.atRisk != nil { observed.insert(.instancesAtRisk) }
        }
        forgetRestored(seen: fresh ? observed.union([.connection, .authentication]) : [.connection, .authentication])
        return Self.grouped(notices, cluster: input.cluster, above: rules.groupAbove)
            .filter { !rules.disabled.contains($0.kind) }
    }

    /// Firing alerts, worst first, then oldest first.
    public var firing: [Alert] {
        alerts.values.filter(\.isFiring).sorted {
            $0.severity != $1.severity ? $0.severity > $1.severity : ($0.since != $1.since ? $0.since < $1.since : $0.id < $1.id)
        }
    }

    /// Loud (firing, unacknowledged, not snoozed) alerts per severity.
    public func loudCounts(now: Date) -> [AlertSeverity: Int] {
        var counts: [AlertSeverity: Int] = [:]
        for alert in alerts.values where alert.isLoud(now: now) { counts[alert.severity, default: 0] += 1 }
        return counts
    }

    // MARK: - Conditions from fresh data

    private mutating func conditions(_ input: AlertInput, into current: inout [String: Condition], notices: inout [AlertNotice]) {
        // Runs every tick and reply over every node (1,000 at S2): no string
        // or collection is built for a node that is fine and did not change.
        for (node, health) in input.nodes {
            let flips = remember(node, now: input.now)
            if flips >= rules.flapCount {
                current["flapping:" + node.name] = Condition(
                    kind: .flapping, severity: .warning, subject: node.name,
                    text: "\(node.name) restarted or changed status \(flips) times in \(AgeFormat.compact(rules.flapWindow))")
            }
            switch health {
            case .ok, .draining, .ghost: break
            case .waiting:
                // Not known yet: as it was.
                let id = "node:" + node.name
                if let alert = alerts[id] { current[id] = Condition(alert) }
            case .late, .ahead, .stale, .offline:
                current["node:" + node.name] = Self.nodeCondition(node.name, health, isDefault: node.name == input.defaultNode)
            }
        }
        // Every listed node is remembered: more entries means some are no longer listed.
        if memory.count > input.nodes.count {
            let listed = Set(input.nodes.map(\.node.name))
            memory = memory.filter { listed.contains($0.key) }
        }
        if let count = input.atRisk {
            if count > 0 {
                let text = count == 1 ? "1 instance at risk" : "\(count) instances at risk"
                current[AlertKind.instancesAtRisk.rawValue] = Condition(
                    kind: .instancesAtRisk, severity: .warning, subject: input.cluster, text: text)
            }
        } else if let alert = alerts[AlertKind.instancesAtRisk.rawValue] {
            current[alert.id] = Condition(alert)
        }
        if input.versions.count > 1 {
            current[AlertKind.versionSkew.rawValue] = Condition(
                kind: .versionSkew, severity: .warning, subject: input.cluster,
                text: "version skew: " + input.versions.prefix(4).joined(separator: ", "))
        }
        if let last = lastDefault, last != input.defaultNode, !input.defaultNode.isEmpty {
            notices.append(AlertNotice(
                change: .fired, kind: .defaultChanged, severity: .info, subject: input.cluster, subjects: [input.defaultNode],
                text: "default node changed: \(last) → \(input.defaultNode)", since: input.now, atStart: false))
        }
        if !input.defaultNode.isEmpty { lastDefault = input.defaultNode }
    }

    private static func nodeCondition(_ name: String, _ health: HeartbeatHealth, isDefault: Bool) -> Condition {
        let word = health == .ahead ? "clock ahead" : health.word
        let severity: AlertSeverity = (health == .stale || health == .offline) ? .critical : .warning
        return Condition(kind: .node, severity: severity, subject: name, text: "\(name) \(word)" + (isDefault ? " (the default node)" : ""))
    }

    /// Notes restarts (`startedAt` or `pid` changed) and status changes; the count within the window.
    private mutating func remember(_ node: Node, now: Date) -> Int {
        let window = rules.flapWindow
        return Self.update(&memory[node.name, default: NodeMemory(startedAt: node.startedAt, pid: node.pid, status: node.status)],
                           with: node, now: now, window: window)
    }

    /// In place: a node's memory is written only when something changed.
    private static func update(_ seen: inout NodeMemory, with node: Node, now: Date, window: TimeInterval) -> Int {
        if seen.startedAt != node.startedAt || seen.pid != node.pid || seen.status != node.status {
            seen.flips.append(now)
            seen.startedAt = node.startedAt; seen.pid = node.pid; seen.status = node.status
        }
        if let first = seen.flips.first, now.timeIntervalSince(first) > window {
            seen.flips.removeAll { now.timeIntervalSince($0) > window }
        }
        return seen.flips.count
    }

    // MARK: - Firing, rising, resolving

    /// Notices come out in the order of their alerts' ids; only the few
    /// that change are sorted, not every condition (700 late nodes at S2).
    private mutating func reconcile(_ current: [String: Condition], now: Date, fresh: Bool, notices: inout [AlertNotice]) {
        var told: [(id: String, notice: AlertNotice)] = []
        for (id, alert) in alerts where current[id] == nil {
            alerts[id] = nil
            guard alert.isFiring else { continue }
            let back = alert.kind == .node ? "\(alert.subject) is back" : (alert.kind == .connection || alert.kind == .authentication)
                ? "connection recovered" : "resolved: " + alert.text
            told.append((id, AlertNotice(change: .resolved, kind: alert.kind, severity: alert.severity, subject: alert.subject,
                                         subjects: [alert.subject], text: back, since: alert.since, atStart: alert.atStart)))
        }
        notices += told.sorted { $0.id < $1.id }.map(\.notice)
        told.removeAll()
        defer { notices += told.sorted { $0.id < $1.id }.map(\.notice) }
        for (id, condition) in current {
            var alert = alerts[id] ?? Alert(
                id: id, kind: condition.kind, severity: condition.severity, subject: condition.subject, text: condition.text,
                since: now, atStart: fresh && !observed.contains(condition.kind) && condition.kind != .connection
                    && condition.kind != .authentication)
            if alerts[id] == nil { applyRestored(&alert) }
            let rose = alert.isFiring && condition.severity > alert.severity
            alert.severity = condition.severity
            alert.text = condition.text
            if rose {
                alert.acknowledged = false
                alert.snoozedUntil = nil
                told.append((id, notice(.escalated, alert)))
            } else if !alert.isFiring, fresh || alert.kind == .connection || alert.kind == .authentication,
                      now.timeIntervalSince(alert.since) >= rules.hold(alert.kind) {
                alert.firedAt = now
                told.append((id, notice(.fired, alert)))
            }
            alerts[id] = alert
        }
    }

    func notice(_ change: AlertNotice.Change, _ alert: Alert) -> AlertNotice {
        AlertNotice(change: change, kind: alert.kind, severity: alert.severity, subject: alert.subject, subjects: [alert.subject],
                    text: (alert.atStart ? "at start: " : "") + alert.text, since: alert.since, atStart: alert.atStart,
                    quiet: alert.acknowledged || alert.snoozedUntil != nil)
    }

    /// More than `above` notices of one kind, change and severity become one: `37 nodes silent on prod`.
    static func grouped(_ notices: [AlertNotice], cluster: String, above: Int) -> [AlertNotice] {
        var out: [AlertNotice] = []
        var groups: [String: [AlertNotice]] = [:]
        var order: [String] = []
        for n in notices {
            let key = "\(n.change.rawValue)|\(n.kind.rawValue)|\(n.severity.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(n)
        }
        for key in order {
            let members = groups[key]!
            guard members.count > above, let first = members.first else { out += members; continue }
            let names = members.flatMap(\.subjects)
            let what = first.kind == .node ? "nodes" : first.kind.rawValue
            let verb = first.change == .resolved ? "back" : Self.commonWord(members) ?? (first.severity == .critical ? "down" : "late")
            let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
            out.append(AlertNotice(
                change: first.change, kind: first.kind, severity: first.severity, subject: "\(names.count) \(what)", subjects: names,
                text: "\(names.count) \(what) \(verb) on \(cluster): \(shown)", since: first.since, atStart: first.atStart,
                quiet: members.allSatisfy(\.quiet)))
        }
        return out
    }
}

extension AlertEngine {
    /// The word every member's text shares after its subject (`silent`), if they all do.
    static func commonWord(_ members: [AlertNotice]) -> String? {
        let words = Set(members.map { n in
            String(n.text.dropFirst(n.atStart ? 10 : 0).dropFirst(n.subject.count + 1).prefix { $0 != "(" })
                .trimmingCharacters(in: .whitespaces)
        })
        return words.count == 1 ? words.first.flatMap { $0.isEmpty ? nil : $0 } : nil
    }
}

/// One condition found in a look: what an alert would say.
private struct Condition {
    var kind: AlertKind
    var severity: AlertSeverity
    var subject: String
    var text: String

    init(kind: AlertKind, severity: AlertSeverity, subject: String, text: String) {
        self.kind = kind; self.severity = severity; self.subject = subject; self.text = text
    }

    /// As the alert stands (frozen while nothing fresh can say otherwise).
    init(_ alert: Alert) { self.init(kind: alert.kind, severity: alert.severity, subject: alert.subject, text: alert.text) }
}

/// What the engine remembers of a node to see restarts and status flips.
private struct NodeMemory: Sendable {
    var startedAt: Date?
    var pid: Int?
    var status: NodeStatus
    var flips: [Date] = []
}
