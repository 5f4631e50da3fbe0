import Foundation

/// One line of `clustertui history NODE` (issue 22): a stretch in one
/// state, a stretch no dashboard watched, or something that happened.
public struct TimelineEntry: Sendable, Equatable, Codable {
    public var start: Date
    /// `nil` for an event (a moment).
    public var end: Date?
    /// `ok`, `late`, `silent/offline`, `not watched`, `restart`, `status`, `version`.
    public var what: String
    /// The period a run was judged by, an event's before → after.
    public var detail: String

    public init(start: Date, end: Date?, what: String, detail: String) {
        self.start = start; self.end = end; self.what = what; self.detail = detail
    }
}

/// A node's recorded history as a list, oldest first.
public enum NodeTimeline {
    /// What the records say of `node` from `since` until `now`; stretches
    /// outside every observed span read "not watched", never healthy.
    public static func entries(node: String, records: HistoryRecords, since: Date, now: Date) -> [TimelineEntry] {
        let spans = records.spans.sorted { $0.start < $1.start }
        var entries: [TimelineEntry] = []
        var covered: (start: Date, end: Date)?
        for run in records.runs where run.node == node {
            // A run still open ends, as far as anyone knows, at the last poll of its span.
            let end = run.end ?? HistoryWindow.spanEnd(containing: run.start, in: spans)
            guard end >= since else { continue }
            let period = run.state == .ok ? run.period.map { "heartbeat every \(AgeFormat.compact($0))" } : nil
            entries.append(TimelineEntry(start: max(run.start, since), end: end, what: run.state.word,
                                         detail: (period ?? "") + (run.end == nil ? (period == nil ? "" : "; ") + "as of the last poll" : "")))
            covered = covered.map { (min($0.start, run.start), max($0.end, end)) } ?? (run.start, end)
        }
        if let covered {
            for gap in unwatched(spans, from: max(since, covered.start), to: covered.end) {
                entries.append(TimelineEntry(start: gap.start, end: gap.end, what: "not watched", detail: "no good poll: " + ObservedSpan.gapMeaning))
            }
        }
        for event in records.events where event.node == node && event.at >= since {
            entries.append(TimelineEntry(start: event.at, end: nil, what: event.kind.rawValue, detail: event.detail))
        }
        return entries.sorted { $0.start < $1.start }
    }

    /// The stretches between `from` and `to` that no span covers.
    static func unwatched(_ spans: [ObservedSpan], from: Date, to: Date) -> [ObservedSpan] {
        var gaps: [ObservedSpan] = []
        var cursor = from
        for span in spans where span.end > cursor && span.start < to {
            if span.start > cursor { gaps.append(ObservedSpan(start: cursor, end: span.start)) }
            cursor = max(cursor, span.end)
        }
        if cursor < to { gaps.append(ObservedSpan(start: cursor, end: to)) }
        return gaps
    }
}
