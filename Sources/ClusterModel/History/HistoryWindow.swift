import Foundation

/// What the store gives back at start: the recent past of one cluster.
public struct HistoryRecords: Sendable, Equatable {
    public var spans: [ObservedSpan] = []
    public var runs: [StateRun] = []
    public var events: [NodeEvent] = []
    /// Oldest first.
    public var changes: [BindingChange] = []
    public var facts: [String: NodeFacts] = [:]
    public var bindings: [EntityKey: HistoryBinding] = [:]
    /// Whether bindings were ever recorded: else the first poll only seeds them.
    public var bindingsKnown = false
    /// The cluster's trend, a point a minute, oldest first.
    public var trend: [TrendPoint] = []
    public init() {}
}

/// The recent history of one cluster held in memory (issue 22): fed one
/// poll at a time by `apply`, it answers what the store must keep
/// (`HistoryWrites`) and what the screen shows (`digest`). Pure: the
/// recorder in `ClusterHistory` runs it off the UI thread and persists
/// what it returns; tests drive it directly.
public struct HistoryWindow: Sendable {
    public private(set) var spans: [ObservedSpan] = []
    /// Per node, oldest first; the last may be open (`end == nil`).
    public private(set) var runs: [String: [StateRun]] = [:]
    public private(set) var events: [String: [NodeEvent]] = [:]
    /// Oldest first, at most `changesKept`.
    public private(set) var changes: [BindingChange] = []
    public private(set) var facts: [String: NodeFacts] = [:]
    public private(set) var bindings: [EntityKey: HistoryBinding] = [:]
    public private(set) var bindingsKnown = false
    /// The nodes of the newest poll, in its order.
    public private(set) var current: [String] = []
    /// Per node, the newest heartbeat time seen, and the largest gap between
    /// two beats seen in each minute (by minute since 1970). Memory only.
    var beats: [String: Date] = [:]
    var gaps: [String: [Int: Float]] = [:]
    var lastGeneration: Int?
    /// The cluster's trend by minute since 1970.
    public private(set) var trend: [Int: TrendPoint] = [:]
    /// How much of the past is held (the strip's hour by default).
    public var keep: TimeInterval
    public var changesKept = 500

    public init(keep: TimeInterval = 3600) { self.keep = keep }

    /// The window as the store left it: a run still open in the store
    /// lasted as long as the span it began in (another dashboard may still
    /// be extending both).
    public init(records: HistoryRecords, keep: TimeInterval = 3600) {
        self.keep = keep
        spans = records.spans.sorted { $0.start < $1.start }
        for var run in records.runs.sorted(by: { $0.start < $1.start }) {
            if run.end == nil { run.end = Self.spanEnd(containing: run.start, in: spans) }
            runs[run.node, default: []].append(run)
        }
        for event in records.events.sorted(by: { $0.at < $1.at }) { events[event.node, default: []].append(event) }
        changes = Array(records.changes.suffix(changesKept))
        facts = records.facts
        bindings = records.bindings
        bindingsKnown = records.bindingsKnown
        for point in records.trend { trend[point.minute] = point }
    }

    /// The runs `records` held open, as this window closed them (to be written back).
    public func closedWhenLoaded(_ records: HistoryRecords) -> HistoryWrites {
        var writes = HistoryWrites()
        for run in records.runs where run.end == nil {
            if let closed = runs[run.node]?.first(where: { $0.start == run.start }) { writes.closedRuns.append(closed) }
        }
        return writes
    }

    /// Closes every open run at the last poll (the dashboard is stopping).
    public mutating func closeOpenRuns() -> HistoryWrites {
        var writes = HistoryWrites()
        if let end = spans.last?.end { closeOpenRuns(at: end, into: &writes) }
        return writes
    }

    /// The end of the span `time` lies in (`time` itself when none does).
    public static func spanEnd(containing time: Date, in spans: [ObservedSpan]) -> Date {
        spans.last { $0.start <= time && time <= $0.end }?.end ?? time
    }

    /// Folds in one successful poll and returns what the store must keep.
    /// `ownBatch` names the journal batch that made a change, when it was ours.
    public mutating func apply(_ sample: HistorySample, ownBatch: (BindingChange) -> String? = { _ in nil }) -> HistoryWrites {
        var writes = HistoryWrites()
        let at = sample.at
        let previousEnd = spans.last?.end
        let continues = previousEnd.map { at >= $0 && at.timeIntervalSince($0) <= sample.gapLimit } ?? false
        if continues {
            spans[spans.count - 1].end = at
        } else {
            // A gap in our polling: whatever the nodes did meanwhile is unknown.
            if let end = previousEnd { closeOpenRuns(at: end, into: &writes) }
            spans.append(ObservedSpan(start: at, end: at))
        }
        writes.span = spans.last
        recordNodes(sample, continues: continues, previousAt: previousEnd, into: &writes)
        recordBindings(sample, ownBatch: ownBatch, into: &writes)
        writes.trend = recordTrend(sample)
        trim(before: at.addingTimeInterval(-keep))
        return writes
    }

    private mutating func closeOpenRuns(at end: Date, into writes: inout HistoryWrites) {
        for name in Array(runs.keys) { closeRun(name, at: end, into: &writes) }
    }

    /// Ends `name`'s open run at `end` (never before it began), with the period
    /// learned by then when given; nothing when its last run is closed already.
    private mutating func closeRun(_ name: String, at end: Date, period: TimeInterval? = nil, into writes: inout HistoryWrites) {
        guard let index = runs[name]?.indices.last, runs[name]![index].end == nil else { return }
        runs[name]![index].end = max(end, runs[name]![index].start)
        if let period { runs[name]![index].period = period }
        writes.closedRuns.append(runs[name]![index])
    }

    private mutating func recordNodes(_ sample: HistorySample, continues: Bool, previousAt: Date?, into writes: inout HistoryWrites) {
        var names: [String] = []
        names.reserveCapacity(sample.nodes.count)
        var seen = Set<String>(minimumCapacity: sample.nodes.count)
        var twice = Set<String>()
        for node in sample.nodes where !seen.insert(node.name).inserted { twice.insert(node.name) }
        // A name listed twice names no one node: its pid would alternate into false restarts.
        for node in sample.nodes where !twice.contains(node.name) {
            names.append(node.name)
            // "Waiting for data" says nothing new: the run goes on until the data does.
            guard let health = sample.health[node.name], health != .waiting else { continue }
            recordState(node.name, HistoryState(health: health), at: sample.at,
                        period: sample.thresholds.period(of: node.name), into: &writes)
            recordFacts(node, at: sample.at, previousAt: previousAt, into: &writes)
            if let beat = node.lastHeartbeatAt {
                if continues, let previous = beats[node.name], beat > previous {
                    let minute = Int((sample.at.timeIntervalSince1970 / 60).rounded(.down))
                    let gap = Float(beat.timeIntervalSince(previous))
                    gaps[node.name, default: [:]][minute] = max(gaps[node.name]?[minute] ?? 0, gap)
                }
                beats[node.name] = beat
            }
        }
        // A node gone from the registry: its run ends here, its beats are forgotten.
        let now = Set(names)
        for name in current where !now.contains(name) {
            closeRun(name, at: sample.at, into: &writes)
            beats[name] = nil
            gaps[name] = nil
        }
        current = names
    }

    private mutating func recordState(
        _ name: String, _ state: HistoryState, at: Date, period: TimeInterval, into writes: inout HistoryWrites
    ) {
        if let last = runs[name]?.last, last.end == nil {
            guard last.state != state else {
                // The period learned since the run began, kept when it moved by a second or a tenth.
                if let was = last.period, abs(was - period) >= max(1, was / 10) {
                    runs[name]![runs[name]!.count - 1].period = period
                    writes.relearnedRuns.append(runs[name]!.last!)
                }
                return
            }
            // The period as learned by the run's end: a run begins before much is learned.
            closeRun(name, at: at, period: period, into: &writes)
        }
        let run = StateRun(node: name, state: state, start: at, period: period)
        runs[name, default: []].append(run)
        writes.openedRuns.append(run)
    }

    private mutating func recordFacts(_ node: Node, at: Date, previousAt: Date?, into writes: inout HistoryWrites) {
        let now = NodeFacts(node)
        guard let before = facts[node.name] else {
            facts[node.name] = now
            writes.facts[node.name] = now
            return
        }
        guard now != before else { return }
        facts[node.name] = now
        writes.facts[node.name] = now
        var found: [NodeEvent] = []
        let pidChanged = before.pid != nil && now.pid != nil && before.pid != now.pid
        let startChanged = before.startedAt != nil && now.startedAt != nil && before.startedAt != now.startedAt
        if pidChanged || startChanged {
            // When it restarted, on its own word, but never before we last saw
            // the old process nor after we saw the new one (clocks differ).
            var when = min(now.startedAt ?? at, at)
            if let previousAt { when = max(when, previousAt) }
            let detail = pidChanged ? "pid \(before.pid!) → \(now.pid!)" : "started again"
            found.append(NodeEvent(node: node.name, at: when, kind: .restart, detail: detail))
        }
        if before.status != now.status {
            found.append(NodeEvent(node: node.name, at: at, kind: .status, detail: "\(before.status) → \(now.status)"))
        }
        if let old = before.version, let new = now.version, old != new {
            found.append(NodeEvent(node: node.name, at: at, kind: .version, detail: "\(old) → \(new)"))
        }
        guard !found.isEmpty else { return }
        events[node.name, default: []].append(contentsOf: found)
        writes.events.append(contentsOf: found)
    }

    private mutating func recordBindings(_ sample: HistorySample, ownBatch: (BindingChange) -> String?, into writes: inout HistoryWrites) {
        guard sample.bindingGeneration != lastGeneration else { return }
        lastGeneration = sample.bindingGeneration
        var now: [EntityKey: Assignment] = [:]
        now.reserveCapacity(sample.assignments.count)
        for row in sample.assignments { now[row.key] = row }
        guard bindingsKnown else {
            // The first poll ever: what is bound is the starting point, not a change.
            bindingsKnown = true
            for (key, row) in now {
                bindings[key] = HistoryBinding(row)
                writes.bindings[key] = HistoryBinding(row)
            }
            return
        }
        var found: [BindingChange] = []
        for (key, row) in now {
            let after = HistoryBinding(row)
            let before = bindings[key]
            guard before != after else { continue }
            found.append(BindingChange(seenAt: sample.at, entityType: key.entityType.rawValue, entityId: key.entityId,
                                       before: before, after: after, updatedBy: row.updatedBy, updatedAt: row.updatedAt))
            bindings[key] = after
            writes.bindings[key] = .some(after)
        }
        for (key, before) in bindings where now[key] == nil {
            found.append(BindingChange(seenAt: sample.at, entityType: key.entityType.rawValue, entityId: key.entityId,
                                       before: before, after: nil))
            bindings[key] = nil
            writes.bindings[key] = .some(nil)
        }
        found.sort { $0.key < $1.key }
        for index in found.indices { found[index].batch = ownBatch(found[index]) }
        changes.append(contentsOf: found)
        if changes.count > changesKept { changes.removeFirst(changes.count - changesKept) }
        writes.changes = found
    }

    /// What the window holds, as the store would give it back.
    public var records: HistoryRecords {
        var records = HistoryRecords()
        records.spans = spans
        records.runs = runs.values.flatMap { $0 }
        records.events = events.values.flatMap { $0 }
        records.changes = changes
        records.facts = facts
        records.bindings = bindings
        records.bindingsKnown = bindingsKnown
        records.trend = trend.values.sorted { $0.minute < $1.minute }
        return records
    }

    /// This poll's counts folded into its minute of the trend (ghosts are not counted).
    private mutating func recordTrend(_ sample: HistorySample) -> TrendPoint {
        var ok = 0, late = 0, down = 0
        for health in sample.health.values where health != .ghost {
            switch HistoryState(health: health) {
            case .ok: ok += 1
            case .late: late += 1
            default: down += 1
            }
        }
        let minute = Int((sample.at.timeIntervalSince1970 / 60).rounded(.down))
        let point = TrendPoint(minute: minute, ok: ok, late: late, down: down, atRisk: sample.atRisk)
        let merged = trend[minute].map { $0.merged(with: point) } ?? point
        trend[minute] = merged
        return merged
    }

    /// Forgets what ended before `cutoff` (the store keeps it).
    mutating func trim(before cutoff: Date) {
        if let first = spans.first, first.end < cutoff { spans.removeAll { $0.end < cutoff } }
        for (name, list) in runs where (list.first?.end).map({ $0 < cutoff }) == true {
            let kept = list.filter { ($0.end ?? .distantFuture) >= cutoff }
            runs[name] = kept.isEmpty ? nil : kept
        }
        for (name, list) in events where list.first.map({ $0.at < cutoff }) == true {
            let kept = list.filter { $0.at >= cutoff }
            events[name] = kept.isEmpty ? nil : kept
        }
        let minute = Int((cutoff.timeIntervalSince1970 / 60).rounded(.down))
        if trend.keys.contains(where: { $0 < minute }) { trend = trend.filter { $0.key >= minute } }
        for (name, byMinute) in gaps where byMinute.keys.contains(where: { $0 < minute }) {
            gaps[name] = byMinute.filter { $0.key >= minute }
        }
    }
}
