import Foundation

/// Turns two consecutive snapshots into the events an operator wants in the
/// log. Everything is matched by key through dictionaries, so 1,000 nodes and
/// 100,000 instances diff in linear time.
///
/// Decisions:
/// - Health is evaluated at each snapshot's own `takenAt`; heartbeat events
///   are only emitted while the registry status is unchanged (a status change
///   is its own event).
/// - `restarted` needs both sides known: a `startedAt` or `pid` appearing
///   where it was `null` is not a restart.
/// - When more than `cap` events of one kind happen at once (a mass rebind,
///   a partition, a new instance list) they collapse into ONE event such as
///   "1,234 instances added", with the highest severity of the group.
public enum SnapshotDiff {
    /// The largest number of events of one kind emitted one by one.
    public static let cap = 10

    public static func events(
        from old: ClusterSnapshot, to new: ClusterSnapshot, thresholds: HeartbeatThresholds = .standard
    ) -> [ClusterEvent] {
        var b = Builder(time: new.takenAt)
        diffNodes(old, new, thresholds, &b)
        if old.defaultNodeName != new.defaultNodeName {
            let from = old.defaultNodeName.isEmpty ? "none" : old.defaultNodeName
            let to = new.defaultNodeName.isEmpty ? "none" : new.defaultNodeName
            b.add(.defaultNodeChanged, .warning, new.defaultNodeName, "default node changed from \(from) to \(to)")
        }
        diffAssignments(old, new, &b)
        if old.instancesKnown && new.instancesKnown { diffInstances(old.instances, new.instances, &b) }
        return b.finish()
    }

    /// Only the instance events (added, removed) between two lists: what
    /// `events` finds when nothing but the list changed. Pure, so it may run
    /// off the UI thread; the events carry `time`.
    public static func instanceEvents(from old: [Instance], to new: [Instance], time: Date) -> [ClusterEvent] {
        var b = Builder(time: time)
        diffInstances(old, new, &b)
        return b.finish()
    }

    /// Collects events per kind and applies the cap: past the cap only a
    /// count and the worst severity are kept, so a mass change builds no
    /// per-item messages (`message` is an autoclosure).
    struct Builder {
        let time: Date
        var byKind: [ClusterEventKind: [ClusterEvent]] = [:]
        var counts: [ClusterEventKind: Int] = [:]
        var worst: [ClusterEventKind: EventSeverity] = [:]
        mutating func add(
            _ k: ClusterEventKind, _ s: EventSeverity, _ subject: @autoclosure () -> String,
            _ message: @autoclosure () -> String
        ) {
            let n = counts[k, default: 0] + 1
            counts[k] = n
            worst[k] = max(worst[k] ?? s, s)
            if n <= SnapshotDiff.cap {
                byKind[k, default: []].append(
                    ClusterEvent(time: time, kind: k, severity: s, subject: subject(), message: message()))
            }
        }
        func finish() -> [ClusterEvent] {
            var out: [ClusterEvent] = []
            for kind in ClusterEventKind.allCases {
                guard let n = counts[kind] else { continue }
                if n <= SnapshotDiff.cap { out += byKind[kind] ?? []; continue }
                out.append(ClusterEvent(
                    time: time, kind: kind, severity: worst[kind] ?? .info, subject: "cluster",
                    message: "\(Grouped.string(n)) \(kind.summaryPhrase)"))
            }
            return out
        }
    }

    static func diffNodes(_ old: ClusterSnapshot, _ new: ClusterSnapshot, _ t: HeartbeatThresholds, _ b: inout Builder) {
        if !diffNodesInPlace(old, new, t, &b) { diffNodesByName(old, new, t, &b) }
    }

    /// Any two node lists: matched by name (the first node of a name counts).
    static func diffNodesByName(_ old: ClusterSnapshot, _ new: ClusterSnapshot, _ t: HeartbeatThresholds, _ b: inout Builder) {
        for n in new.nodes where new.nodesByName[n.name] == n {
            guard let o = old.nodesByName[n.name] else {
                b.add(.nodeAdded, .info, n.name, "node \(n.name) joined (\(n.status.rawValue), role \(n.role.rawValue))")
                continue
            }
            diffNode(o, n, old.takenAt, new.takenAt, t, &b)
        }
        for o in old.nodes where old.nodesByName[o.name] == o && new.nodesByName[o.name] == nil {
            b.add(.nodeRemoved, .notice, o.name, "node \(o.name) removed from the registry")
        }
    }

    /// The common case without a single hash: the same names in the same
    /// order on both sides and no name twice, so node `i` is compared with
    /// node `i` (the by-name match was ≈ 3 ms of UI time per S2 overview
    /// reply, 1,000 nodes, in perf). `false` when the case does not apply.
    static func diffNodesInPlace(
        _ old: ClusterSnapshot, _ new: ClusterSnapshot, _ t: HeartbeatThresholds, _ b: inout Builder
    ) -> Bool {
        let count = new.nodes.count
        guard old.nodes.count == count, new.nodesByName.count == count, old.nodesByName.count == count else {
            return false
        }
        return old.nodes.withUnsafeBufferPointer { olds in
            new.nodes.withUnsafeBufferPointer { news in
                for i in 0..<count where olds[i].name != news[i].name { return false }
                for i in 0..<count { diffNode(olds[i], news[i], old.takenAt, new.takenAt, t, &b) }
                return true
            }
        }
    }

    static func diffNode(_ o: Node, _ n: Node, _ oldAt: Date, _ newAt: Date, _ t: HeartbeatThresholds, _ b: inout Builder) {
        let name = n.name
        if o.status != n.status {
            let sev: EventSeverity = n.status == .offline ? .warning : (n.status == .online ? .info : .notice)
            b.add(.statusChanged, sev, name, "node \(name) \(o.status.rawValue) → \(n.status.rawValue)")
        } else {
            let oh = o.health(now: oldAt, thresholds: t)
            let nh = n.health(now: newAt, thresholds: t)
            if oh != nh {
                let age = AgeFormat.compact(n.heartbeatAge(now: newAt))
                switch nh {
                case .late where oh == .ok || oh == .waiting || oh == .ahead:
                    b.add(.heartbeatLate, .notice, name, "node \(name) heartbeat late (\(age) ago)")
                case .stale:
                    b.add(.heartbeatStale, .warning, name,
                          "node \(name) silent for \(age) but still marked \(n.status.rawValue)")
                case .ok where oh == .late || oh == .stale:
                    b.add(.heartbeatRecovered, .info, name, "node \(name) heartbeating again")
                default: break
                }
            }
        }
        let startChanged = o.startedAt != nil && n.startedAt != nil && o.startedAt != n.startedAt
        let pidChanged = o.pid != nil && n.pid != nil && o.pid != n.pid
        if startChanged || pidChanged {
            let pid = n.pid.map { " (pid \($0))" } ?? ""
            b.add(.restarted, .notice, name, "node \(name) restarted\(pid)")
        }
        if o.version != n.version, let v = n.version {
            b.add(.versionChanged, .info, name, "node \(name) version \(o.version ?? "unknown") → \(v)")
        }
    }

    static func diffAssignments(_ old: ClusterSnapshot, _ new: ClusterSnapshot, _ b: inout Builder) {
        // Most overviews carry the same assignments (only heartbeats moved).
        if old.overview.assignments == new.overview.assignments { return }
        func by(_ a: Assignment) -> String { "by \(a.updatedBy ?? "unknown")" }
        for a in new.overview.assignments where new.assignmentsByKey[a.key] == a {
            let key = a.key.description
            guard let o = old.assignmentsByKey[a.key] else {
                b.add(.assignmentAdded, .info, key, "\(key) bound to \(a.nodeName) (\(a.mode.rawValue)) \(by(a))")
                continue
            }
            if o.nodeName != a.nodeName || o.mode != a.mode {
                b.add(.assignmentChanged, .notice, key,
                      "\(key) \(o.nodeName) (\(o.mode.rawValue)) → \(a.nodeName) (\(a.mode.rawValue)) \(by(a))")
            }
        }
        for o in old.overview.assignments where old.assignmentsByKey[o.key] == o && new.assignmentsByKey[o.key] == nil {
            let key = o.key.description
            b.add(.assignmentRemoved, .notice, key,
                  "\(key) unbound from \(o.nodeName), back to the default node (was set \(by(o)))")
        }
    }

    static func diffInstances(_ o: [Instance], _ n: [Instance], _ b: inout Builder) {
        // An overview swap keeps the very same list: nothing to compare.
        if o.sharesStorage(with: n) { return }
        // The server lists instances in a stable order, so most polls share a
        // long common prefix and suffix; only the middle needs hashing.
        func same(_ i: Int, _ j: Int) -> Bool { o[i].entityId == n[j].entityId && o[i].entityType == n[j].entityType }
        var lo = 0
        while lo < o.count, lo < n.count, same(lo, lo) { lo += 1 }
        var oe = o.count, ne = n.count
        while oe > lo, ne > lo, same(oe - 1, ne - 1) { oe -= 1; ne -= 1 }
        if lo == oe && lo == ne { return }
        var oldKeys = Set<EntityKey>(minimumCapacity: oe - lo)
        for i in o[lo..<oe] { oldKeys.insert(i.key) }
        var newKeys = Set<EntityKey>(minimumCapacity: ne - lo)
        for i in n[lo..<ne] {
            newKeys.insert(i.key)
            if !oldKeys.contains(i.key) {
                b.add(.instanceAdded, .info, i.key.description, "\(i.entityType.rawValue) \(i.name) added (\(i.key))")
            }
        }
        for i in o[lo..<oe] where !newKeys.contains(i.key) {
            b.add(.instanceRemoved, .info, i.key.description, "\(i.entityType.rawValue) \(i.name) removed (\(i.key))")
        }
    }
}
