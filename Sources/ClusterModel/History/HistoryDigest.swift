import Foundation

/// One node's recent history as the screen shows it (issue 22).
public struct NodeHistory: Sendable, Equatable {
    /// One state per minute, oldest first; the last is the current minute.
    public var strip: [HistoryState]
    /// The largest gap between two heartbeats seen in each minute (seconds; 0: none seen).
    public var gaps: [Float]
    /// Restarts in the last hour.
    public var restarts: Int
    /// ≥ 3 restarts, status changes or falls from ok in the last 10 minutes.
    public var flapping: Bool
    /// Restarts, status and version changes in the last hour, oldest first.
    public var events: [NodeEvent]

    public init(strip: [HistoryState], gaps: [Float], restarts: Int, flapping: Bool, events: [NodeEvent]) {
        self.strip = strip; self.gaps = gaps; self.restarts = restarts; self.flapping = flapping; self.events = events
    }
}

/// What the recorder tells the screen after a poll: every current node's
/// strip and counts, the flapping nodes, and the newest binding changes.
public struct HistoryDigest: Sendable, Equatable {
    /// The end of the newest strip cell (one minute each).
    public var endsAt: Date
    public var nodes: [String: NodeHistory]
    public var flapping: Set<String>
    /// Newest first.
    public var changes: [BindingChange]
    /// The cluster's trend, a point per strip cell (`nil`: no poll recorded in that minute).
    public var trend: [TrendPoint?]
    /// The first poll the window holds (within the last hour).
    public var recordedSince: Date?

    public init(endsAt: Date, nodes: [String: NodeHistory], flapping: Set<String>, changes: [BindingChange],
                trend: [TrendPoint?] = []) {
        self.endsAt = endsAt; self.nodes = nodes; self.flapping = flapping; self.changes = changes; self.trend = trend
    }
}

extension HistoryDigest {
    /// Whether the two differ at most in their heartbeat-gap graphs (drawn only in node details).
    public func drawsLike(_ other: HistoryDigest) -> Bool {
        guard endsAt == other.endsAt, recordedSince == other.recordedSince, flapping == other.flapping, changes == other.changes, trend == other.trend,
              nodes.count == other.nodes.count else { return false }
        return nodes.allSatisfy { name, mine in
            guard let theirs = other.nodes[name] else { return false }
            return mine.strip == theirs.strip && mine.restarts == theirs.restarts && mine.flapping == theirs.flapping
                && mine.events == theirs.events
        }
    }
}

/// The rule for flapping, in one place.
public enum FlappingRule {
    /// How far back flips are counted.
    public static let window: TimeInterval = 600
    /// How many flips make a node flap.
    public static let flips = 3
}

extension HistoryWindow {
    /// Seconds of a minute we may not have watched before it reads "unknown":
    /// a third, so a dead minute of polling always shows.
    static let unwatchedLimit: TimeInterval = 20

    /// The screen's view of the window at `now`: `count` one-minute cells per node.
    public func digest(now: Date, count: Int = 60) -> HistoryDigest {
        let bucket: TimeInterval = 60
        let end = ((now.timeIntervalSince1970 / bucket).rounded(.down) + 1) * bucket
        let start = end - bucket * Double(count)
        let unwatched = unwatchedSeconds(start: start, count: count, now: now)
        var nodes: [String: NodeHistory] = [:]
        nodes.reserveCapacity(current.count)
        var flapping = Set<String>()
        for name in current {
            let history = nodeHistory(name, start: start, count: count, now: now, unwatched: unwatched)
            if history.flapping { flapping.insert(name) }
            nodes[name] = history
        }
        let firstMinute = Int(start / 60)
        var digest = HistoryDigest(endsAt: Date(timeIntervalSince1970: end), nodes: nodes, flapping: flapping,
                                   changes: Self.newestFirst(changes), trend: (0..<count).map { trend[firstMinute + $0] })
        digest.recordedSince = spans.first?.start
        return digest
    }

    /// Changes newest first by when they happened (the time the changes
    /// view shows), ties newest seen first: by when they were seen, a
    /// restarted server's changes of hours before sat above today's.
    static func newestFirst(_ changes: [BindingChange]) -> [BindingChange] {
        changes.enumerated().sorted { ($0.element.when, $0.offset) > ($1.element.when, $1.offset) }.map(\.element)
    }

    /// Per cell, the seconds up to `now` no span of ours covered.
    private func unwatchedSeconds(start: Double, count: Int, now: Date) -> [Double] {
        let bucket = 60.0
        let nowSeconds = now.timeIntervalSince1970
        var unwatched = (0..<count).map { i in max(0, min(bucket, nowSeconds - (start + Double(i) * bucket))) }
        for span in Self.union(spans) {
            let s = span.start.timeIntervalSince1970, e = span.end.timeIntervalSince1970
            guard e > start else { continue }
            let first = max(0, Int((s - start) / bucket)), last = min(count - 1, Int((e - start) / bucket))
            guard first <= last else { continue }
            for i in first...last {
                let b0 = start + Double(i) * bucket
                unwatched[i] -= max(0, min(e, b0 + bucket) - max(s, b0))
            }
        }
        return unwatched
    }

    /// Spans that overlap (two dashboards, a clock stepped back) merged, so no second is counted twice.
    public static func union(_ spans: [ObservedSpan]) -> [ObservedSpan] {
        var merged: [ObservedSpan] = []
        for span in spans.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    private func nodeHistory(_ name: String, start: Double, count: Int, now: Date, unwatched: [Double]) -> NodeHistory {
        let bucket = 60.0
        var strip = [HistoryState](repeating: .ok, count: count)
        var seen = [Bool](repeating: false, count: count)
        let openEnd = spans.last?.end ?? now
        func cells(_ from: Double, _ to: Double) -> ClosedRange<Int>? {
            guard to > start else { return nil }
            let first = max(0, Int((from - start) / bucket)), last = min(count - 1, Int((to - start) / bucket))
            return first <= last ? first...last : nil
        }
        let nodeRuns = runs[name] ?? []
        for run in nodeRuns {
            let s = run.start.timeIntervalSince1970
            let e = max((run.end ?? openEnd).timeIntervalSince1970, s + 0.001)
            guard let range = cells(s, e) else { continue }
            for i in range {
                seen[i] = true
                strip[i] = max(strip[i], run.state)
            }
        }
        let recent = events[name] ?? []
        for event in recent where event.kind == .restart {
            let t = event.at.timeIntervalSince1970
            if let range = cells(t, t) { strip[range.lowerBound] = .restart; seen[range.lowerBound] = true }
        }
        for i in 0..<count where strip[i] == .ok && (!seen[i] || unwatched[i] >= Self.unwatchedLimit) {
            strip[i] = .unknown
        }
        let hourAgo = now.addingTimeInterval(-3600)
        let lastHour = recent.filter { $0.at >= hourAgo }
        return NodeHistory(strip: strip, gaps: gapCells(name, start: start, count: count),
                           restarts: lastHour.filter { $0.kind == .restart }.count,
                           flapping: flips(name, runs: nodeRuns, events: recent, now: now) >= FlappingRule.flips,
                           events: lastHour)
    }

    private func gapCells(_ name: String, start: Double, count: Int) -> [Float] {
        guard let byMinute = gaps[name], !byMinute.isEmpty else { return [Float](repeating: 0, count: count) }
        let firstMinute = Int(start / 60)
        return (0..<count).map { byMinute[firstMinute + $0] ?? 0 }
    }

    /// The nodes flapping at `now`, of every node the window holds (for a
    /// window read back from the store, which has no poll of its own yet).
    public func flappingNodes(now: Date) -> Set<String> {
        Set(Set(runs.keys).union(events.keys).filter { name in
            flips(name, runs: runs[name] ?? [], events: events[name] ?? [], now: now) >= FlappingRule.flips
        })
    }

    /// Restarts, status changes and falls from ok to late or down in the flapping window.
    func flips(_ name: String, runs nodeRuns: [StateRun], events recent: [NodeEvent], now: Date) -> Int {
        let since = now.addingTimeInterval(-FlappingRule.window)
        var count = recent.filter { $0.at >= since && $0.kind != .version }.count
        for (index, run) in nodeRuns.enumerated() where index > 0 && run.start >= since && run.state != .ok {
            let before = nodeRuns[index - 1]
            if before.state == .ok && before.end == run.start { count += 1 }
        }
        return count
    }
}
