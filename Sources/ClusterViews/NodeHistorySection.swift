import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The node details' recorded history (issue 22): the last hour's strip, a
/// heartbeat-gap graph against the node's period (one bar per minute: the
/// largest gap seen in it), and the newest restarts and status changes.
package enum NodeHistorySection {
    /// How many events are listed at most.
    static let eventLines = 3

    /// Draws from `row`; returns the next free row.
    package static func draw(
        _ history: NodeHistory, period: TimeInterval, frame: ModalFrame, row start: Int, into screen: inout Screen, glyphs: Glyphs,
        words: Bool = false
    ) -> Int {
        var row = start
        if words {
            // `--accessible`: the hour in words, not a block graph.
            frame.line(&screen, row, "last hour", style: TextStyle(role: .dim))
            frame.line(&screen, row, minutes(history.strip), indent: 12)
            return events(history, frame: frame, row: row + 1, into: &screen)
        }
        let cells = min(history.strip.count, max(0, frame.innerWidth - 12))
        frame.line(&screen, row, "last hour", style: TextStyle(role: .dim))
        for (i, state) in history.strip.suffix(cells).enumerated() {
            frame.line(&screen, row, String(glyphs.strip(state)), style: TextStyle(role: Roles.history(state)), indent: 12 + i)
        }
        row += 1
        frame.line(&screen, row, "beat gaps", style: TextStyle(role: .dim))
        for (i, gap) in history.gaps.suffix(cells).enumerated() {
            let (glyph, role) = bar(gap, period: period, glyphs: glyphs)
            frame.line(&screen, row, glyph, style: TextStyle(role: role), indent: 12 + i)
        }
        row += 1
        frame.line(&screen, row, legend(history, period: period, glyphs: glyphs), style: TextStyle(role: .dim), indent: 12)
        return events(history, frame: frame, row: row + 1, into: &screen)
    }

    /// `52 min ok, 3 late, 5 down, 2 restarted` over the strip's minutes.
    static func minutes(_ strip: [HistoryState]) -> String {
        let words: [(HistoryState, String)] = [(.ok, "ok"), (.late, "late"), (.down, "down"), (.restart, "restarted"), (.gone, "ghost"), (.unknown, "not watched")]
        let parts = words.compactMap { state, word in
            let n = strip.filter { $0 == state }.count
            return n > 0 ? "\(n) \(word)" : nil
        }
        return parts.isEmpty ? "nothing recorded" : "minutes: " + parts.joined(separator: ", ")
    }

    /// The newest restarts and status or version changes, newest first.
    private static func events(_ history: NodeHistory, frame: ModalFrame, row start: Int, into screen: inout Screen) -> Int {
        var row = start
        for event in history.events.suffix(eventLines).reversed() {
            let word = event.kind == .restart ? "restarted" : event.kind.rawValue
            frame.line(&screen, row, "\(Fmt.clock(event.at))  \(word)  \(event.detail)",
                       style: TextStyle(role: event.kind == .version ? .modal : .warning), indent: 12)
            row += 1
        }
        return row
    }

    /// One minute's bar: its height the largest gap over the period (1× is
    /// the lowest bar, 4× and more the highest); blank when no beat was seen.
    static func bar(_ gap: Float, period: TimeInterval, glyphs: Glyphs) -> (String, StyleRole) {
        guard gap > 0, period > 0 else { return (" ", .dim) }
        let ratio = Double(gap) / period
        let level = min(glyphs.levels.count - 1, max(0, Int(((ratio - 1) / 3 * Double(glyphs.levels.count - 1)).rounded())))
        let role: StyleRole = ratio >= 3 ? .stale : (ratio >= 1.5 ? .late : .ok)
        return (String(glyphs.levels[level]), role)
    }

    private static func legend(_ history: NodeHistory, period: TimeInterval, glyphs: Glyphs) -> String {
        let restarts = history.restarts == 1 ? "1 restart" : "\(history.restarts) restarts"
        return "a cell a minute · gap \(glyphs.levels.first!) ≤ \(AgeFormat.compact(period)), \(glyphs.levels.last!) ≥ 4× · "
            + restarts + " this hour" + (history.flapping ? " · FLAPPING" : "")
    }
}
