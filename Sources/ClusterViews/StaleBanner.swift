import ClusterGrid
import ClusterModel
import ClusterState
import Foundation

/// The line that says what the operator is looking at while the overview
/// polls fail: `STALE — cluster as of 20:35:50 (1m12s ago) · connection
/// refused · retry in 9s`. Below it the tables are drawn dimmed, with
/// health, risk and counts frozen at that moment (issue 11).
package enum StaleBanner {
    package static func text(_ state: AppState, glyphs: Glyphs) -> String {
        let poll = state.overviewPoll
        guard let last = poll.lastSuccess else { return "" }
        let ago = AgeFormat.compact(max(0, state.now.timeIntervalSince(last)))
        var parts = ["\(glyphs.offline) STALE — cluster as of \(Fmt.clock(state.observedAt)) (\(ago) ago)"]
        // The retry before the reason: on a narrow screen the reason is what gets cut.
        if let error = poll.lastError {
            parts.append("retry in \(poll.retryIn(state.now))s")
            // Bounded, but not to 60: the screen cuts it at its own width (at 200 columns the port was lost).
            parts.append(ErrorExcerpt.short(error, limit: 200))
        } else {
            parts.append("no reply yet: the request in flight is late")
        }
        return parts.joined(separator: " · ")
    }

    package static func draw(_ state: AppState, row: Int, into screen: inout Screen, glyphs: Glyphs) {
        let style = TextStyle(role: .banner, bold: true, reverse: true)
        screen.fill(x: 0, y: row, width: screen.width, height: 1, style: style)
        screen.put(" " + text(state, glyphs: glyphs), x: 0, y: row, maxWidth: screen.width, style: style)
    }
}

